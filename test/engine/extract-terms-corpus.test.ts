/**
 * EXTRACTTERMS on sentences written for the tests (test/fixtures/extract-terms/corpus-*.json): 44 in
 * each language, contract clauses and report sentences, with the rows a careful reader expects. The
 * test prints precision and recall per language and names every miss and false positive; it fails when
 * they differ from the misses recorded here, so a change in what the rules find is seen either way.
 */
import * as fs from "fs";
import * as path from "path";
import { extractTerms } from "../../src/engine";

type Row = [string, number | null, number | null, string];
interface Corpus {
  language: "ja" | "en";
  sentences: { text: string; expected: Row[] }[];
}

const read = (language: string): Corpus => JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/extract-terms", `corpus-${language}.json`), "utf8"));
const near = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)));
const same = (a: Row, b: Row) => a[0] === b[0] && a[3] === b[3] && near(a[1], b[1]) && near(a[2], b[2]);
const show = (r: Row) => `${r[0]} ${r[1]}${r[2] !== r[1] ? `–${r[2]}` : ""} ${r[3]}`;

function score(corpus: Corpus) {
  let tp = 0;
  const misses: string[] = [];
  const falsePositives: string[] = [];
  corpus.sentences.forEach((s, i) => {
    const found: Row[] = extractTerms([s.text]).map((t) => [t.kind, t.low, t.high, t.unit]);
    const left = [...found];
    for (const e of s.expected) {
      const j = left.findIndex((f) => same(f, e));
      if (j >= 0) {
        tp++;
        left.splice(j, 1);
      } else misses.push(`#${i + 1} ${show(e)}`);
    }
    for (const f of left) falsePositives.push(`#${i + 1} ${show(f)}`);
  });
  const precision = tp / (tp + falsePositives.length);
  const recall = tp / (tp + misses.length);
  return { tp, misses, falsePositives, precision, recall };
}

/** What the rules get wrong today, named (the closing note of issue 16 lists them too). */
const RECORDED: Record<string, { misses: string[]; falsePositives: string[] }> = {
  // A sales threshold after the word マイルストーン: the 50億円 is read as the milestone (the later 3,000万円 is found right).
  ja: { misses: ["#44 unknown 5000000000 JPY"], falsePositives: ["#44 milestone 5000000000 JPY"] },
  en: { misses: [], falsePositives: [] },
};

describe.each(["ja", "en"])("the %s corpus", (language) => {
  const corpus = read(language);
  const result = score(corpus);

  test("has at least 40 sentences, each with its expected rows (none for a sentence without a term)", () => {
    expect(corpus.sentences.length).toBeGreaterThanOrEqual(40);
    expect(corpus.sentences.filter((s) => s.expected.length === 0).length).toBeGreaterThan(0);
  });

  test("precision and recall, printed with every miss and false positive", () => {
    console.log(
      `EXTRACTTERMS ${language}: ${corpus.sentences.length} sentences, ${result.tp} rows right; precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}\n` +
        `  misses: ${result.misses.join("; ") || "none"}\n  false positives: ${result.falsePositives.join("; ") || "none"}`
    );
    expect(result.precision).toBeGreaterThan(0.8);
    expect(result.recall).toBeGreaterThan(0.8);
  });

  test("the misses and false positives are exactly the recorded ones", () => {
    expect({ misses: result.misses, falsePositives: result.falsePositives }).toEqual(RECORDED[language]);
  });
});
