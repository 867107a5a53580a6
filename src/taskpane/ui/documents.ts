/**
 * The text of a document the user opens in the pane, for "Add comparables from a document": a .txt
 * (UTF-8, UTF-16 with its byte-order mark, or Shift_JIS where the browser's TextDecoder reads it), a
 * .docx (mammoth's extractRawText) or a .pdf (pdf.js, getTextContent page by page). The libraries are
 * loaded on demand (dynamic import(), their own webpack chunks), so the pane's first load does not grow;
 * pdf.js's worker and character maps are served from the add-in's own origin (webpack.config.js copies
 * them to dist/pdfjs/), so reading works offline and nothing leaves the machine.
 */
import type { Text } from "../../engine";

export type DocumentKind = "txt" | "docx" | "pdf";

export class DocumentError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** The kind of a file by its name's ending; undefined for one the pane cannot read. */
export function documentKind(fileName: string): DocumentKind | undefined {
  const m = /\.(txt|text|docx|pdf)$/i.exec(fileName.trim());
  if (!m) return undefined;
  const e = m[1].toLowerCase();
  return e === "text" ? "txt" : (e as DocumentKind);
}

/** The encodings a .txt is tried in, after a byte-order mark: UTF-8 first, then Shift_JIS if the browser has it. */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return undefined; // a browser without this encoding
  }
}

/** The text of a plain-text file and the encoding it was read in; refused when no encoding reads it. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = (a: number[]) => a.every((b, i) => bytes[i] === b);
  const tries = bom([0xef, 0xbb, 0xbf]) ? ["utf-8"] : bom([0xff, 0xfe]) ? ["utf-16le"] : bom([0xfe, 0xff]) ? ["utf-16be"] : ["utf-8", "shift_jis"];
  for (const label of tries) {
    const decoder = decoderFor(label);
    if (!decoder) continue;
    try {
      return { text: decoder.decode(bytes), encoding: label };
    } catch {
      // not this encoding: the next one
    }
  }
  throw new DocumentError({
    en: "The text file is neither UTF-8 nor Shift_JIS (or this browser cannot read Shift_JIS): save it as UTF-8, or paste its text.",
    ja: "テキストファイルが UTF-8 でも Shift_JIS でもありません（またはこのブラウザーが Shift_JIS を読めません）。UTF-8 で保存し直すか、本文を貼り付けてください。",
  });
}

/** A text item of pdf.js's getTextContent (marked content items have no str). */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
}

/** A page's text: the items in order, a line break where pdf.js marks the end of a line. */
export function pdfPageText(items: readonly (PdfTextItem | object)[]): string {
  let out = "";
  for (const item of items) {
    if (!("str" in item)) continue;
    out += item.str;
    if (item.hasEOL) out += "\n";
  }
  return out.trim();
}

/** Where pdf.js's files are served from: the add-in's own origin, next to the pane's page. */
const pdfjsUrl = (file: string) => new URL(`pdfjs/${file}`, document.baseURI).href;

async function readPdf(data: ArrayBuffer): Promise<string> {
  // The legacy build: it runs in the older browsers Office hosts use (WebView, Safari).
  const pdfjs = await import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/legacy/build/pdf.mjs");
  pdfjs.GlobalWorkerOptions.workerSrc = pdfjsUrl("pdf.worker.min.js");
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    cMapUrl: pdfjsUrl("cmaps/"), // Japanese fonts that are not embedded need their character maps
    cMapPacked: true,
    isEvalSupported: false, // the pane's Content-Security-Policy allows no eval
    disableFontFace: true, // only the text is read, nothing is drawn
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      pages.push(pdfPageText((await page.getTextContent()).items));
    }
    return pages.filter((t) => t !== "").join("\n\n");
  } finally {
    void task.destroy();
  }
}

async function readDocx(data: ArrayBuffer): Promise<string> {
  const mammoth = await import(/* webpackChunkName: "mammoth" */ "mammoth");
  // The browser build reads arrayBuffer; Node's (the tests) reads buffer, which takes an ArrayBuffer too.
  const input = { arrayBuffer: data, buffer: data } as unknown as Parameters<typeof mammoth.extractRawText>[0];
  const result = await (mammoth.extractRawText ?? (mammoth as unknown as { default: typeof mammoth }).default.extractRawText)(input);
  return result.value;
}

/**
 * The text of a document, by its file name's ending. Refused (DocumentError, en/ja) for a kind it does
 * not read, a file that is not what its name says, or one without text (a scanned PDF).
 */
export async function readDocument(fileName: string, data: ArrayBuffer): Promise<{ text: string; kind: DocumentKind }> {
  const kind = documentKind(fileName);
  if (kind === undefined) {
    throw new DocumentError({
      en: `IPVALUE reads .txt, .docx and .pdf files; "${fileName}" is none of them. Open it in its program and paste its text instead.`,
      ja: `IPVALUE が読めるのは .txt、.docx、.pdf のファイルです。「${fileName}」はどれでもありません。元のアプリで開き、本文を貼り付けてください。`,
    });
  }
  let text: string;
  try {
    text = kind === "txt" ? decodeText(new Uint8Array(data)).text : kind === "docx" ? await readDocx(data) : await readPdf(data);
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new DocumentError({
      en: `"${fileName}" could not be read as a ${kind} file (${detail}). Open it in its program and paste its text instead.`,
      ja: `「${fileName}」を ${kind} ファイルとして読めませんでした（${detail}）。元のアプリで開き、本文を貼り付けてください。`,
    });
  }
  text = text.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    throw new DocumentError({
      en: `"${fileName}" has no text IPVALUE can read (a scanned PDF is a picture): paste the text instead.`,
      ja: `「${fileName}」には読み取れる文字がありません（スキャンした PDF は画像です）。本文を貼り付けてください。`,
    });
  }
  return { text, kind };
}
