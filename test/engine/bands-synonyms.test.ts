/**
 * The band filter in both languages: the same concept written in Japanese or English selects the
 * same bands (synonyms.json), and the synonym table validates against its schema.
 */
import Ajv2020 from "ajv/dist/2020";
import { filterBands, mergeBands } from "../../src/engine/bands";
import synonyms from "../../src/engine/bands/synonyms.json";
import schema from "../../src/engine/bands/synonyms.schema.json";
import { CONDITION_ALIASES } from "../../src/engine/bands/vocabulary";

const rows = mergeBands();
const keys = (filter: string): string[] => filterBands(rows, filter).map((r) => r.key);

test("「特許 承認」 and patent approval select the same bands", () => {
  expect(keys("特許 承認")).toEqual(keys("patent approval"));
  expect(keys("patent approval")).toEqual(["case07b_royalty_approval_patent"]);
});

const PAIRS: [string, string][] = [
  ["特許 承認", "patent approval"],
  ["スタートアップ 承認", "startup approval"],
  ["承認不要 ノウハウ", "no_approval know_how"],
  ["非独占", "non_exclusive"],
  ["権利譲渡", "assignment"],
  ["大企業 一時金", "large upfront"],
  ["ロイヤルティ 特許", "royalty patent"],
  ["持株", "equity"],
  ["サブライセンス", "sublicense"],
  ["マイルストーン", "milestone"],
  ["医薬", "pharma"],
  ["監査", "audit"],
  ["売上", "sales"],
  ["オプション", "option"],
  ["特許費用", "patent_cost"],
  ["成功報酬", "success_fee"],
  ["買収", "acquisition"],
  ["経済産業省 化学", "meti chemistry"],
  ["ＲＯＹＡＬＴＹ、承認", "royalty approval"],
];

test.each(PAIRS)("%s selects the same bands as %s", (ja, en) => {
  const found = keys(en);
  expect(found.length).toBeGreaterThan(0);
  expect(keys(ja)).toEqual(found);
});

test("a Japanese condition word is a condition, not a word searched in the descriptions", () => {
  // 承認 appears in the Japanese description of the no-approval bands too ("承認を要しない").
  expect(keys("承認").every((k) => !k.includes("no_approval"))).toBe(true);
});

test("synonyms.json validates against its schema, and a broken entry is refused", () => {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  expect(validate(synonyms)).toBe(true);
  const broken = JSON.parse(JSON.stringify(synonyms));
  broken.words[0].ja.push("two words");
  expect(validate(broken)).toBe(false);
  delete broken.conditions.patent;
  expect(validate(broken)).toBe(false);
});

test("no spelling stands for two conditions or for both a condition and a search word", () => {
  const spellings = Object.values(synonyms.conditions).flat();
  expect(new Set(spellings).size).toBe(spellings.length);
  expect(CONDITION_ALIASES.size).toBe(spellings.length);
  const words = synonyms.words.flatMap((g) => [...g.en, ...g.ja]);
  expect(new Set(words).size).toBe(words.length);
  expect(words.filter((w) => CONDITION_ALIASES.has(w) || Object.keys(synonyms.conditions).includes(w))).toEqual([]);
});
