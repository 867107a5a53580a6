/**
 * The Valuation sheet's layout: live =IPVALUE.* formulas over the stored tables, and the helper cells
 * of its native football-field chart. Pure: the Office.js adapter (../office/sheets.ts) writes it.
 */
import { DEFAULT_RANGE_OUTPUTS, FOOTBALL_OUTPUTS, Output, outputLabel, outputSpec, SUMMARY_OUTPUTS, Text } from "../../engine";
import type { Language } from "../../model/language";
import { DECISION_KEYS, ScenarioSet } from "../../model/scenario-set";
import { decisionLabel } from "../../model/table-layout";
import { a1, quoted } from "../../model/a1";
import { AMOUNT_FORMAT, asText, PERCENT_FORMAT, SheetBlock } from "./cells";
import { ASSUMPTIONS_ALL as ALL, ASSUMPTIONS_TABLE, decisionFormula, OFFER_TABLE, SHEET_NAME } from "./storage-sheet";

export const VALUATION_SHEET = "Valuation";
/** Used instead when a sheet called Valuation exists that IPVALUE did not make. */
export const VALUATION_SHEET_FALLBACK = "Valuation (IPVALUE)";

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
  offer: {
    en: `The committee's offer: its terms (table ${OFFER_TABLE}) valued in each scenario — licensor's risk-adjusted value, licensee's NPV, equivalent rate`,
    ja: `委員会の提示条件（表 ${OFFER_TABLE}）のシナリオごとの評価 — ライセンサーのリスク調整後価値、ライセンシーのNPV、等価料率`,
  },
};

/** Where each part of the sheet goes (0-based rows), from the lengths of the output lists it shows. */
const RANGE_AT = 5; // A6: =IPVALUE.RANGE with the default outputs
const FIELD_AT = RANGE_AT + 1 + DEFAULT_RANGE_OUTPUTS.length + 2; // A13: the football field's methods
const SCENARIOS_AT = FIELD_AT + 1 + FOOTBALL_OUTPUTS.length + 1; // A19 caption, A20 header, then one row per scenario
const DECISIONS_AT = 5; // F6: one row per decision
const CHART_AT = DECISIONS_AT + DECISION_KEYS.length + 2; // F11: the chart's helper cells
const CHART_ROWS = 1 + FOOTBALL_OUTPUTS.length + DECISION_KEYS.length;
const WIDTH_AT = CHART_AT + CHART_ROWS + 1; // F20
const F = 5; // column F
const FIELD_SPILL = `$A$${FIELD_AT + 1}#`;
const WIDTH_CELL = `$G$${WIDTH_AT + 1}`;

const blank = (rows: number, columns: number) => Array.from({ length: rows }, () => new Array<string>(columns).fill(""));
const formatOf = (o: Output) => (outputSpec(o).kind === "rate" ? PERCENT_FORMAT : AMOUNT_FORMAT);

/** Number formats for the rows a RANGE spill will fill, one block per run of rows of the same kind. */
function spillFormats(at: number, outputs: readonly Output[]): SheetBlock[] {
  const blocks: SheetBlock[] = [];
  for (let i = 0; i < outputs.length;) {
    let j = i;
    while (j < outputs.length && formatOf(outputs[j]) === formatOf(outputs[i])) j++;
    blocks.push({ address: a1(at + 1 + i, 1, j - i, 3), formulas: blank(j - i, 3), numberFormat: formatOf(outputs[i]) });
    i = j;
  }
  return blocks;
}

/**
 * The sheet's cells, as formulas (text constants carry the apostrophe prefix where needed).
 *
 * Layout (rows follow from the output registry; today): A1 title, A2 what it is, A3 the
 * confidentiality line; A5 caption, A6 =IPVALUE.RANGE over the table (spills A6:D10: the default
 * outputs, rnpv, npv, rate25, maxrate); A12 caption, A13 the football field's money methods (spills
 * A13:D17); A19 the per-scenario block (the summary outputs, rnpv and npv, of each scenario by name).
 * F5 the committee's decisions read from IpvalueDecisions; F11:I18 the chart's helper cells. With a
 * term sheet, below the scenario block: =IPVALUE.OFFER over the assumptions and IpvalueOffer.
 *
 * The football field is a native stacked bar chart over the helper cells: series 1 is each method's
 * low (no fill, so it only pushes the bar right), series 2 its high − low, so each bar runs from
 * low to high. The helper cells take the numbers from the spilled RANGE with INDEX(A13#, row, col),
 * because a spill's address is not known before Excel calculates. Every method is money and at least
 * 0 (upfront fees and royalties are never negative, and the rates behind the values at a rate
 * are held to 0–100%), so the stacked-bar trick is exact: no negative lows that would stack the wrong way.
 * Offer, floor and ceiling are rows of their own, labelled as such, drawn in series 3 as a thin
 * marker centred on the amount (its width, in G20, is display only: 1/150 of the largest high); a
 * blank decision is #N/A, which Excel does not plot. So the chart shows nothing the numbers do not say.
 */
export function valuationCells(set: ScenarioSet, language: Language): SheetBlock[] {
  const t = (k: keyof typeof V) => asText(V[k][language]);
  const anyInternal =
    set.scenarios.some((s) => s.internal) ||
    DECISION_KEYS.some((k) => set.decisions[k].internal && set.decisions[k].value !== null) ||
    (set.decisions.offer.internal && set.decisions.terms.length > 0); // the term sheet shares the offer's mark
  const label = (o: Output) => asText(outputLabel(o)[language]);
  const n = set.scenarios.length;
  const summary = SUMMARY_OUTPUTS.length;
  const blocks: SheetBlock[] = [
    { address: "A1:A3", formulas: [[t("title")], [t("about")], [anyInternal ? t("internal") : ""]] },
    { address: a1(RANGE_AT - 1, 0), formulas: [[t("range")]] },
    { address: a1(RANGE_AT, 0), formulas: [[`=IPVALUE.RANGE(${ALL})`]] },
    ...spillFormats(RANGE_AT, DEFAULT_RANGE_OUTPUTS),
    { address: a1(FIELD_AT - 1, 0), formulas: [[t("field")]] },
    { address: a1(FIELD_AT, 0), formulas: [[`=IPVALUE.RANGE(${ALL},"${FOOTBALL_OUTPUTS.join(",")}")`]] },
    ...spillFormats(FIELD_AT, FOOTBALL_OUTPUTS),
    { address: a1(SCENARIOS_AT, 0), formulas: [[t("scenarios")]] },
    { address: a1(SCENARIOS_AT + 1, 0, 1, summary + 2), formulas: [[t("scenario"), ...SUMMARY_OUTPUTS, t("internalMark")]] },
    {
      address: a1(SCENARIOS_AT + 2, 0, n, summary + 2),
      formulas: set.scenarios.map((s) => [
        asText(s.name),
        ...SUMMARY_OUTPUTS.map((o) => `=IPVALUE.SCENARIO(${ALL},${quoted(s.name)},"${o}")`),
        s.internal ? t("internalMark") : "",
      ]),
    },
    { address: a1(SCENARIOS_AT + 2, 1, n, summary), formulas: blank(n, summary), numberFormat: AMOUNT_FORMAT },
    { address: a1(DECISIONS_AT - 1, F), formulas: [[t("decisions")]] },
    {
      address: a1(DECISIONS_AT, F, DECISION_KEYS.length, 2),
      formulas: DECISION_KEYS.map((k) => [asText(decisionLabel(k, language)), decisionFormula(k)]),
      numberFormat: AMOUNT_FORMAT,
    },
    { address: a1(CHART_AT - 1, F), formulas: [[t("chartData")]] },
    {
      address: CHART_SOURCE,
      formulas: [
        ["", t("low"), t("spread"), t("marker")],
        ...FOOTBALL_OUTPUTS.map((o, i) => [
          label(o),
          `=INDEX(${FIELD_SPILL},${i + 2},2)`,
          `=INDEX(${FIELD_SPILL},${i + 2},4)-INDEX(${FIELD_SPILL},${i + 2},2)`,
          "",
        ]),
        ...DECISION_KEYS.map((k, i) => {
          const v = `$G$${DECISIONS_AT + 1 + i}`;
          return [asText(decisionLabel(k, language)), `=IF(${v}="",NA(),MAX(0,${v}-${WIDTH_CELL}/2))`, "", `=IF(${v}="",NA(),${WIDTH_CELL})`];
        }),
      ],
      numberFormat: AMOUNT_FORMAT,
    },
    { address: a1(WIDTH_AT, F, 1, 2), formulas: [[t("width"), `=MAX(INDEX(${FIELD_SPILL},0,4))/150`]], numberFormat: AMOUNT_FORMAT },
  ];
  if (set.decisions.terms.length > 0) {
    // The term sheet valued live by OFFER: a header row (scenario, rnpv, licensee_npv, equivalent_rate), one row per scenario.
    const at = SCENARIOS_AT + 2 + n + 1;
    blocks.push(
      { address: a1(at, 0), formulas: [[t("offer")]] },
      { address: a1(at + 1, 0), formulas: [[`=IPVALUE.OFFER(${ALL},${OFFER_TABLE}[#All])`]] },
      { address: a1(at + 2, 1, n, 2), formulas: blank(n, 2), numberFormat: AMOUNT_FORMAT },
      { address: a1(at + 2, 3, n, 1), formulas: blank(n, 1), numberFormat: PERCENT_FORMAT }
    );
  }
  return blocks;
}

export const CHART_SOURCE = a1(CHART_AT, F, CHART_ROWS, 4);
/** The football field's title. */
export const CHART_TITLE: Text = V.chart;
