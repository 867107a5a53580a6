/**
 * The Valuation sheet's layout: live =IPVALUE.* formulas over the stored tables, and the helper cells
 * of its native football-field chart. Pure: the Office.js adapter (../office/sheets.ts) writes it.
 */
import { Output, OUTPUTS, Text } from "../../engine";
import type { Language } from "../../model/language";
import { DECISION_KEYS, ScenarioSet } from "../../model/scenario-set";
import { decisionLabel } from "../../model/table-layout";
import { AMOUNT_FORMAT, asText, PERCENT_FORMAT, SheetBlock } from "./cells";
import { ASSUMPTIONS_ALL as ALL, ASSUMPTIONS_TABLE, decisionFormula, SHEET_NAME } from "./storage-sheet";

export const VALUATION_SHEET = "Valuation";
/** Used instead when a sheet called Valuation exists that IPVALUE did not make. */
export const VALUATION_SHEET_FALLBACK = "Valuation (IPVALUE)";

/** The football field's methods, in the order of the chart (the same as the pane's). */
const FIELD_OUTPUTS: readonly Output[] = ["npv", "rnpv", "value_rate25", "value_maxrate"];
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

const V: Record<string, Text> = {
  title: { en: "IPVALUE valuation", ja: "IPVALUE 評価" },
  about: {
    en: `Live formulas over the table ${ASSUMPTIONS_TABLE} on the ${SHEET_NAME} sheet: they recalculate when an assumption changes. Run "Insert valuation sheet" again after adding, renaming or deleting scenarios.`,
    ja: `${SHEET_NAME}シートの表 ${ASSUMPTIONS_TABLE} を参照する数式です。前提条件を変えると再計算されます。シナリオを追加・改名・削除したら「評価シートを挿入」をもう一度実行してください。`,
  },
  internal: {
    en: "INTERNAL — holds internal scenarios or committee decisions: not for the counterparty.",
    ja: "社外秘 — 社外秘のシナリオまたは委員会の決定事項を含みます。相手方に共有しないでください。",
  },
  range: { en: "Range across scenarios (low · base · high)", ja: "シナリオ全体の幅（低位・基準・高位）" },
  field: { en: "Football field methods, in money", ja: "フットボールフィールドの各手法（金額）" },
  scenarios: { en: "Scenarios", ja: "シナリオ" },
  scenario: { en: "scenario", ja: "シナリオ" },
  internalMark: { en: "internal", ja: "社外秘" },
  decisions: { en: "Committee decisions", ja: "委員会の決定事項" },
  chartData: { en: "Chart data (helper cells for the chart)", ja: "グラフ用データ（補助セル）" },
  low: { en: "low (hidden)", ja: "低位（非表示）" },
  spread: { en: "low → high", ja: "低位→高位" },
  marker: { en: "decision", ja: "決定事項" },
  width: { en: "Marker width (display only)", ja: "目印の幅（表示用）" },
  chart: { en: "Football field: value to the licensor", ja: "フットボールフィールド：ライセンサーにとっての価値" },
};

/**
 * The sheet's cells, as formulas (text constants carry the apostrophe prefix where needed).
 *
 * Layout: A1 title, A2 what it is, A3 the confidentiality line; A5 caption, A6 =IPVALUE.RANGE over
 * the table (spills A6:D10: rnpv, npv, rate25, maxrate); A12 caption, A13 the money methods
 * (spills A13:D17); A19 the per-scenario block (rnpv and npv of each scenario by name). F5 the
 * committee's decisions read from IpvalueDecisions; F11:I18 the chart's helper cells.
 *
 * The football field is a native stacked bar chart over the helper cells: series 1 is each method's
 * low (no fill, so it only pushes the bar right), series 2 its high − low, so each bar runs from
 * low to high. The helper cells take the numbers from the spilled RANGE with INDEX(A13#, row, col),
 * because a spill's address is not known before Excel calculates. Every method is money and at least
 * 0 (upfront fees and royalties are never negative, and the rates behind value_rate25/value_maxrate
 * are held to 0–100%), so the stacked-bar trick is exact: no negative lows that would stack the wrong way.
 * Offer, floor and ceiling are rows of their own, labelled as such, drawn in series 3 as a thin
 * marker centred on the amount (its width, in G20, is display only: 1/150 of the largest high); a
 * blank decision is #N/A, which Excel does not plot. So the chart shows nothing the numbers do not say.
 */
export function valuationCells(set: ScenarioSet, language: Language): SheetBlock[] {
  const t = (k: keyof typeof V) => asText(V[k][language]);
  const anyInternal = set.scenarios.some((s) => s.internal) || DECISION_KEYS.some((k) => set.decisions[k].internal && set.decisions[k].value !== null);
  const label = (o: Output) => asText(OUTPUTS.find((x) => x.key === o)!.label[language]);
  const n = set.scenarios.length;
  const blocks: SheetBlock[] = [
    { address: "A1:A3", formulas: [[t("title")], [t("about")], [anyInternal ? t("internal") : ""]] },
    { address: "A5", formulas: [[t("range")]] },
    { address: "A6", formulas: [[`=IPVALUE.RANGE(${ALL})`]] },
    { address: "B7:D8", formulas: [["", "", ""], ["", "", ""]], numberFormat: AMOUNT_FORMAT },
    { address: "B9:D10", formulas: [["", "", ""], ["", "", ""]], numberFormat: PERCENT_FORMAT },
    { address: "A12", formulas: [[t("field")]] },
    { address: "A13", formulas: [[`=IPVALUE.RANGE(${ALL},"${FIELD_OUTPUTS.join(",")}")`]] },
    { address: "B14:D17", formulas: Array.from({ length: 4 }, () => ["", "", ""]), numberFormat: AMOUNT_FORMAT },
    { address: "A19", formulas: [[t("scenarios")]] },
    { address: "A20:D20", formulas: [[t("scenario"), "rnpv", "npv", t("internalMark")]] },
    {
      address: `A21:D${20 + n}`,
      formulas: set.scenarios.map((s) => [
        asText(s.name),
        `=IPVALUE.SCENARIO(${ALL},${quoted(s.name)},"rnpv")`,
        `=IPVALUE.SCENARIO(${ALL},${quoted(s.name)},"npv")`,
        s.internal ? t("internalMark") : "",
      ]),
    },
    { address: `B21:C${20 + n}`, formulas: set.scenarios.map(() => ["", ""]), numberFormat: AMOUNT_FORMAT },
    { address: "F5", formulas: [[t("decisions")]] },
    {
      address: "F6:G8",
      formulas: DECISION_KEYS.map((k) => [asText(decisionLabel(k, language)), decisionFormula(k)]),
      numberFormat: AMOUNT_FORMAT,
    },
    { address: "F10", formulas: [[t("chartData")]] },
    {
      address: "F11:I18",
      formulas: [
        ["", t("low"), t("spread"), t("marker")],
        ...FIELD_OUTPUTS.map((o, i) => [label(o), `=INDEX($A$13#,${i + 2},2)`, `=INDEX($A$13#,${i + 2},4)-INDEX($A$13#,${i + 2},2)`, ""]),
        ...DECISION_KEYS.map((k, i) => {
          const v = `$G$${6 + i}`;
          return [asText(decisionLabel(k, language)), `=IF(${v}="",NA(),MAX(0,${v}-$G$20/2))`, "", `=IF(${v}="",NA(),$G$20)`];
        }),
      ],
      numberFormat: AMOUNT_FORMAT,
    },
    { address: "F20:G20", formulas: [[t("width"), "=MAX(INDEX($A$13#,0,4))/150"]], numberFormat: AMOUNT_FORMAT },
  ];
  return blocks;
}

export const CHART_SOURCE = "F11:I18";
/** The football field's title. */
export const CHART_TITLE: Text = V.chart;
