/**
 * The Valuation sheet's layout: live =IPVALUE.* formulas over the stored tables, and the helper cells
 * of its native football-field chart. Pure: the Office.js adapter (../office/sheets.ts) writes it.
 */
import { DEFAULT_OFFER_OUTPUTS, DEFAULT_RANGE_OUTPUTS, FOOTBALL_OUTPUTS, Output, outputLabel, outputSpec, SUMMARY_OUTPUTS, Text } from "../../engine";
import type { Language } from "../../model/language";
import { DECISION_KEYS, ScenarioSet } from "../../model/scenario-set";
import { decisionLabel } from "../../model/table-layout";
import { a1, quoted } from "../../model/a1";
import { OUTLIER_FACTOR } from "../../model/football";
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
  covers: { en: "Covers every scenario of the table: {names}.", ja: "表のすべてのシナリオを対象とします：{names}。" },
  coversInternal: { en: " Includes the internal scenarios {names}.", ja: "社外秘のシナリオ{names}を含みます。" },
  scopeDiffers: {
    en: " The committee's range in the pane leaves the internal scenarios out; these formulas read the whole table.",
    ja: "作業ウィンドウの委員会のレンジは社外秘のシナリオを除きますが、この数式は表全体を読みます。",
  },
  range: { en: "Range across scenarios (low · base · high)", ja: "シナリオ全体の幅（低位・基準・高位）" },
  field: { en: "Football field methods, in money", ja: "フットボールフィールドの各手法（金額）" },
  scenarios: { en: "Scenarios", ja: "シナリオ" },
  outputLabel: { en: "What it is", ja: "項目" },
  scenario: { en: "scenario", ja: "シナリオ" },
  internalMark: { en: "internal", ja: "社外秘" },
  decisions: { en: "Committee decisions", ja: "委員会の決定事項" },
  chartData: { en: "Chart data (helper cells for the chart)", ja: "グラフ用データ（補助セル）" },
  low: { en: "low (hidden)", ja: "低位（非表示）" },
  spread: { en: "low → high", ja: "低位→高位" },
  marker: { en: "decision", ja: "決定事項" },
  width: { en: "Marker width (display only)", ja: "目印の幅（表示用）" },
  limit: { en: "Outlier limit: 3 × the largest decision or the methods' median high", ja: "外れ値の境界：決定事項の最大値または各手法の高位の中央値の3倍" },
  axisEnd: { en: "Axis end: a method beyond the limit is cut here", ja: "軸の終点：境界を超える手法はここで切る" },
  to: { en: " (to {v} ▸)", ja: "（{v}まで ▸）" },
  beyond: { en: " ({low} – {v} ▸)", ja: "（{low}～{v} ▸）" },
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
const LIMIT_AT = WIDTH_AT + 1; // F21
const AXIS_AT = WIDTH_AT + 2; // F22
const F = 5; // column F
const LABEL_COLUMN = 4; // column E: the labels of the keys RANGE spills in A
const FIELD_SPILL = `$A$${FIELD_AT + 1}#`;
const WIDTH_CELL = `$G$${WIDTH_AT + 1}`;
const LIMIT_CELL = `$G$${LIMIT_AT + 1}`;
const AXIS_CELL = `$G$${AXIS_AT + 1}`;
/** Where a bar wholly beyond the axis starts, as a share of the axis end. */
const STUB = 0.96;
const DECISION_CELLS = `$G$${DECISIONS_AT + 1}:$G$${DECISIONS_AT + DECISION_KEYS.length}`;

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
 * The axis is the pane's (src/model/football.ts fieldScale), as formulas: G21 the outlier limit (3 × the
 * largest decision or the median of the methods' highs), G22 the axis end (the largest value within the
 * limit, plus 8 % when a method is cut); a method beyond it is drawn to G22 and its label says its true
 * high, so the committee's zone stays legible beside a walk-away value tens of times the offer.
 */
export function valuationCells(set: ScenarioSet, language: Language): SheetBlock[] {
  const t = (k: keyof typeof V) => asText(V[k][language]);
  const anyInternal =
    set.scenarios.some((s) => s.internal) ||
    DECISION_KEYS.some((k) => set.decisions[k].internal && set.decisions[k].value !== null) ||
    (set.decisions.offer.internal && set.decisions.terms.length > 0); // the term sheet shares the offer's mark
  const n = set.scenarios.length;
  const summary = SUMMARY_OUTPUTS.length;
  const blocks: SheetBlock[] = [
    { address: "A1:A4", formulas: [[t("title")], [t("about")], [anyInternal ? t("internal") : ""], [coverage(set, language)]] },
    { address: a1(RANGE_AT - 1, 0), formulas: [[t("range")]] },
    { address: a1(RANGE_AT, 0), formulas: [[`=IPVALUE.RANGE(${ALL})`]] },
    ...spillFormats(RANGE_AT, DEFAULT_RANGE_OUTPUTS),
    labelColumn(RANGE_AT, DEFAULT_RANGE_OUTPUTS, language),
    { address: a1(FIELD_AT - 1, 0), formulas: [[t("field")]] },
    { address: a1(FIELD_AT, 0), formulas: [[`=IPVALUE.RANGE(${ALL},"${FOOTBALL_OUTPUTS.join(",")}")`]] },
    ...spillFormats(FIELD_AT, FOOTBALL_OUTPUTS),
    labelColumn(FIELD_AT, FOOTBALL_OUTPUTS, language),
    // the summary outputs' labels above their keys (the header row keeps the keys RANGE and SCENARIO take)
    { address: a1(SCENARIOS_AT, 0, 1, summary + 1), formulas: [[t("scenarios"), ...SUMMARY_OUTPUTS.map((o) => asText(outputLabel(o)[language]))]] },
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
        ...FOOTBALL_OUTPUTS.map((o, i) => {
          const low = `INDEX(${FIELD_SPILL},${i + 2},2)`;
          const high = `INDEX(${FIELD_SPILL},${i + 2},4)`;
          const name = outputLabel(o)[language];
          const [before, after] = V.to[language].split("{v}");
          const cut = `${quoted(name + before)}&TEXT(${high},"#,##0")&${quoted(after)}`;
          const [b1, rest] = V.beyond[language].split("{low}");
          const [b2, b3] = rest.split("{v}");
          const beyond = `${quoted(name + b1)}&TEXT(${low},"#,##0")&${quoted(b2)}&TEXT(${high},"#,##0")&${quoted(b3)}`;
          // A bar wholly beyond the axis is drawn as a stub at its end (its label gives both ends).
          const start = `IF(${low}>${AXIS_CELL},${STUB}*${AXIS_CELL},${low})`;
          return [
            `=IF(${high}>${AXIS_CELL},IF(${low}>${AXIS_CELL},${beyond},${cut}),${quoted(name)})`,
            `=${start}`,
            `=MAX(0,MIN(${high},${AXIS_CELL})-${start})`,
            "",
          ];
        }),
        ...DECISION_KEYS.map((k, i) => {
          const v = `$G$${DECISIONS_AT + 1 + i}`;
          return [asText(decisionLabel(k, language)), `=IF(${v}="",NA(),MAX(0,${v}-${WIDTH_CELL}/2))`, "", `=IF(${v}="",NA(),${WIDTH_CELL})`];
        }),
      ],
      numberFormat: AMOUNT_FORMAT,
    },
    { address: a1(WIDTH_AT, F, 1, 2), formulas: [[t("width"), `=${AXIS_CELL}/150`]], numberFormat: AMOUNT_FORMAT },
    {
      address: a1(LIMIT_AT, F, 2, 2),
      formulas: [
        [t("limit"), limitFormula()],
        [t("axisEnd"), axisEndFormula()],
      ],
      numberFormat: AMOUNT_FORMAT,
    },
  ];
  if (set.decisions.terms.length > 0) {
    // The term sheet valued live by OFFER: a header row (scenario, rnpv, licensee_npv, equivalent_rate), one row per scenario,
    // under a row of the outputs' labels.
    const at = SCENARIOS_AT + 2 + n + 1;
    blocks.push(
      { address: a1(at, 0), formulas: [[t("offer")]] },
      {
        address: a1(at + 1, 0, 1, 1 + DEFAULT_OFFER_OUTPUTS.length),
        formulas: [[t("scenario"), ...DEFAULT_OFFER_OUTPUTS.map((o) => asText(outputLabel(o)[language]))]],
      },
      { address: a1(at + 2, 0), formulas: [[`=IPVALUE.OFFER(${ALL},${OFFER_TABLE}[#All])`]] },
      { address: a1(at + 3, 1, n, 2), formulas: blank(n, 2), numberFormat: AMOUNT_FORMAT },
      { address: a1(at + 3, 3, n, 1), formulas: blank(n, 1), numberFormat: PERCENT_FORMAT }
    );
  }
  return blocks;
}

/**
 * Column E beside a RANGE spill at row `at`: a header, then each output's label in the language of the
 * sheet, so the keys column A keeps for formulas (INDEX/MATCH on "rnpv") reads in words too.
 */
function labelColumn(at: number, outputs: readonly Output[], language: Language): SheetBlock {
  return {
    address: a1(at, LABEL_COLUMN, 1 + outputs.length, 1),
    formulas: [[asText(V.outputLabel[language])], ...outputs.map((o) => [asText(outputLabel(o)[language])])],
  };
}

export const CHART_SOURCE = a1(CHART_AT, F, CHART_ROWS, 4);

/** Which scenarios the sheet's ranges cover (RANGE reads the whole table, whatever the committee's scope). */
function coverage(set: ScenarioSet, language: Language): string {
  const sep = language === "ja" ? "、" : ", ";
  const name = (s: string) => (language === "ja" ? `「${s}」` : s);
  const internal = set.scenarios.filter((s) => s.internal).map((s) => name(s.name));
  let text = V.covers[language].replace("{names}", set.scenarios.map((s) => name(s.name)).join(sep));
  if (internal.length > 0) {
    text += V.coversInternal[language].replace("{names}", internal.join(sep));
    if (!set.decisions.includeInternal.value) text += V.scopeDiffers[language];
  }
  return asText(text);
}

/** fieldScale's outlier limit over the spilled methods and the decisions (blank decisions are text: MAX skips them). */
function limitFormula(): string {
  return `=${OUTLIER_FACTOR}*MAX(${DECISION_CELLS},MEDIAN(INDEX(${FIELD_SPILL},0,4)))`;
}

/** fieldScale's axis end: every value within the limit, and 8 % more room when a method is cut. */
function axisEndFormula(): string {
  const values = `INDEX(${FIELD_SPILL},0,2):INDEX(${FIELD_SPILL},0,4)`;
  const highs = `INDEX(${FIELD_SPILL},0,4)`;
  return `=IF(MAX(${highs})>${LIMIT_CELL},1.08*MAX(${DECISION_CELLS},MAXIFS(${values},${values},"<="&${LIMIT_CELL})),MAX(${DECISION_CELLS},${values}))`;
}
/** The football field's title. */
export const CHART_TITLE: Text = V.chart;
