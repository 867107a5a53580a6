/**
 * Reading the documents the pane opens, on real files: a .txt in UTF-8, UTF-16 and Shift_JIS (encoded by
 * iconv-lite, not by us), a .docx built here with JSZip in the WordprocessingML layout (read by mammoth,
 * as the pane does), and a .pdf made by LibreOffice from license-clause.txt (test/fixtures/comparables),
 * read by pdf.js. pdf.js is an ES module that Jest's CommonJS cannot load: its getTextContent runs in a
 * child Node process, and the page text is made from its items by the pane's own pdfPageText.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import iconv from "iconv-lite";
import JSZip from "jszip";
import path from "path";
import { extractTerms } from "../../../src/engine";
import { decodeText, documentKind, DocumentError, pdfPageText, readDocument } from "../../../src/taskpane/ui/documents";

const FIXTURES = path.join(__dirname, "../../fixtures/comparables");
const CLAUSE = fs.readFileSync(path.join(FIXTURES, "license-clause.txt"), "utf8");
const arrayBuffer = (b: Buffer | Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** The kinds and figures of the terms in a text, to compare what each reader gives. */
const termsOf = (text: string) => extractTerms([text]).map((t) => [t.kind, t.low, t.unit]);
const EXPECTED = [
  ["upfront", 5000000, "JPY"],
  ["royalty_rate", 0.03, "rate"],
  ["annual_minimum", 20000, "USD"],
];

/** A minimal .docx: the three parts Word's format requires, one paragraph per line. */
async function docx(lines: readonly string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
  );
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${escape(l)}</w:t></w:r></w:p>`).join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("plain text", () => {
  test("UTF-8, UTF-8 with its mark, UTF-16LE with its mark and Shift_JIS read to the same text", () => {
    const utf8 = decodeText(Buffer.from(CLAUSE, "utf8"));
    expect(utf8).toEqual({ text: CLAUSE, encoding: "utf-8" });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLAUSE, "utf8")])).text).toBe(CLAUSE);
    expect(decodeText(iconv.encode(CLAUSE, "utf-16le", { addBOM: true }))).toEqual({ text: CLAUSE, encoding: "utf-16le" });
    expect(decodeText(iconv.encode(CLAUSE, "Shift_JIS"))).toEqual({ text: CLAUSE, encoding: "shift_jis" });
    expect(termsOf(decodeText(iconv.encode(CLAUSE, "Shift_JIS")).text)).toEqual(EXPECTED);
  });

  test("bytes no encoding reads are refused in both languages", () => {
    let e: DocumentError | undefined;
    try {
      decodeText(new Uint8Array([0x82, 0xff, 0xfd, 0x80, 0xa0]));
    } catch (x) {
      e = x as DocumentError;
    }
    expect(e).toBeInstanceOf(DocumentError);
    expect(e!.text.en).toMatch(/neither UTF-8 nor Shift_JIS/);
    expect(e!.text.ja).toMatch(/UTF-8 で保存し直す/);
  });

  test("readDocument on a .txt, CRLF line ends made plain", async () => {
    const r = await readDocument("clause.TXT", arrayBuffer(Buffer.from(CLAUSE.replace(/\n/g, "\r\n"), "utf8")));
    expect(r).toEqual({ text: CLAUSE, kind: "txt" });
  });
});

describe("Word", () => {
  test("a .docx's paragraphs are read by mammoth, and give the same terms as the text", async () => {
    const lines = CLAUSE.trim().split("\n");
    const r = await readDocument("契約書.docx", arrayBuffer(await docx(lines)));
    expect(r.kind).toBe("docx");
    expect(r.text.split(/\n+/).filter((l) => l !== "")).toEqual(lines);
    expect(termsOf(r.text)).toEqual(EXPECTED);
  });

  test("a file named .docx that is not one is refused, saying so", async () => {
    await expect(readDocument("x.docx", arrayBuffer(Buffer.from("not a zip")))).rejects.toThrow(/could not be read as a docx file/);
  });
});

describe("PDF", () => {
  test("LibreOffice's PDF of the clause: pdf.js's text items make a page text with the same terms", () => {
    const script = `
      import { getDocument } from ${JSON.stringify(require.resolve("pdfjs-dist/legacy/build/pdf.mjs"))};
      import fs from "fs";
      const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(${JSON.stringify(path.join(FIXTURES, "license-clause.pdf"))})), isEvalSupported: false }).promise;
      const pages = [];
      for (let p = 1; p <= doc.numPages; p++) pages.push((await (await doc.getPage(p)).getTextContent()).items);
      process.stdout.write(JSON.stringify(pages));`;
    const pages = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as object[][];
    expect(pages).toHaveLength(1);
    const text = pdfPageText(pages[0]);
    // The clause's lines, each whole (pdf.js splits a line into items at every change of font)
    for (const line of CLAUSE.trim().split("\n")) expect(text.split("\n")).toContain(line);
    // Calc drew the English line first; the terms are the same, in the page's order
    expect(termsOf(text).sort()).toEqual([...EXPECTED].sort());
  });

  test("pdfPageText skips marked-content items and ends lines where pdf.js says", () => {
    expect(pdfPageText([{ type: "beginMarkedContent" }, { str: "実施料", hasEOL: false }, { str: "3%", hasEOL: true }, { str: "以上", hasEOL: false }])).toBe(
      "実施料3%\n以上"
    );
  });
});

test("file kinds by name; another kind is refused with what to do", async () => {
  expect(["a.txt", "b.DOCX", "c.pdf", "d.text", "e.doc", "f.pdf.exe"].map(documentKind)).toEqual(["txt", "docx", "pdf", "txt", undefined, undefined]);
  await expect(readDocument("old.doc", new ArrayBuffer(1))).rejects.toThrow(/reads .txt, .docx and .pdf/);
  await expect(readDocument("blank.txt", arrayBuffer(Buffer.from("  \n ")))).rejects.toThrow(/no text IPVALUE can read/);
});
