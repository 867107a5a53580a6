/**
 * The Simulation sheet's layout: live =IPVALUE.SIMULATE, =IPVALUE.SENSITIVITY and =IPVALUE.SPIDER over the
 * stored table, the histogram's counts from the pane's run, and the helper cells of the native histogram,
 * tornado and spider charts. Pure: the Office.js adapter (../office/sheets.ts) writes it.
 */
import { assumptionSpec, Distribution, outputLabel, percentileLabel, Sampling, Text } from "../../engine";
import { a1, cellName, columnLetters, quoted } from "../../model/a1";
import type { Language } from "../../model/language";
import type { ScenarioSet } from "../../model/scenario-set";
import { AMOUNT_FORMAT, asText, PERCENT_FORMAT, SheetBlock } from "./cells";
import { PANE_PERCENTILES, SimulationView } from "./simulation";
import { ASSUMPTIONS_ALL, CORRELATIONS_ALL, decisionFormula } from "./storage-sheet";

export const SIMULATION_SHEET = "Simulation";
/** Used instead when a sheet called Simulation exists that IPVALUE did not make. */
export const SIMULATION_SHEET_FALLBACK = "Simulation (IPVALUE)";

const S: Record<string, Text> = {
  title: { en: "IPVALUE simulation", ja: "IPVALUE シミュレーション" },
  about: {
    en: "Percentiles, tornado and spider: live formulas over the assumptions table. Histogram counts: values from the task pane when this sheet was inserted (same draws as the formula). Insert the sheet again after changing which assumptions differ across scenarios.",
    ja: "パーセンタイル、トルネード、スパイダー：前提条件表を参照する数式（自動で再計算）。ヒストグラムの度数：このシートを挿入したときに作業ウィンドウで求めた値（数式と同じ抽出）。シナリオ間で異なる前提条件を変えたら、シートをもう一度挿入してください。",
  },
  internal: {
    en: "INTERNAL — computed from internal scenarios or committee decisions: not for the counterparty.",
    ja: "社外秘 — 社外秘のシナリオまたは委員会の決定事項から計算しています。相手方に共有しないでください。",
  },
  percentiles: { en: "Percentiles", ja: "パーセンタイル" },
  tornado: {
    en: "Sensitivity (tornado): each assumption at its low and its high, the others at base",
    ja: "感応度（トルネード）：各前提条件を低位・高位にし、ほかは基準",
  },
  histogram: { en: "Histogram of the draws (counts at insertion)", ja: "抽出結果のヒストグラム（挿入時の度数）" },
  bin: { en: "from", ja: "階級（下限）" },
  edgeFrom: { en: "from", ja: "下限" },
  edgeTo: { en: "to", ja: "上限" },
  count: { en: "draws", ja: "度数" },
  marked: { en: "bin holding P10 / P50 / P90", ja: "P10・P50・P90を含む階級" },
  tornadoData: { en: "Tornado chart data (helper cells)", ja: "トルネード図用データ（補助セル）" },
  labels: { en: "Assumption labels", ja: "前提条件の名称" },
  below: { en: "below base", ja: "基準より下" },
  above: { en: "above base", ja: "基準より上" },
  spider: {
    en: "Sensitivity (spider): the value as each assumption moves from its low through the base to its high, the others at base",
    ja: "感応度（スパイダー）：各前提条件を低位から基準を経て高位へ動かしたときの価値（ほかは基準）",
  },
  spiderData: { en: "Spider chart data (helper cells)", ja: "スパイダー図用データ（補助セル）" },
  low: { en: "low", ja: "低位" },
  halfway: { en: "halfway", ja: "中間" },
  base: { en: "base", ja: "基準" },
  high: { en: "high", ja: "高位" },
  histogramChart: { en: "Distribution of the simulated value", ja: "シミュレーションによる価値の分布" },
  tornadoChart: { en: "Tornado: change from the base value", ja: "トルネード図：基準値からの変化" },
  spiderChart: { en: "Spider: the value along each assumption's range", ja: "スパイダー図：各前提条件の範囲に沿った価値" },
};

const SAMPLING_NAMES: Record<Sampling, Text> = {
  lhs: { en: "Latin hypercube", ja: "ラテン超方格法" },
  mc: { en: "plain Monte Carlo", ja: "単純モンテカルロ法" },
  sobol: { en: "scrambled Sobol points", ja: "スクランブル化ソボル列" },
};

const DISTRIBUTION_NAMES: Record<Distribution, Text> = {
  pert: { en: "PERT", ja: "PERT分布" },
  triangular: { en: "triangular", ja: "三角分布" },
  metalog: { en: "metalog", ja: "メタログ分布" },
};

export interface SimulationSheet {
  blocks: SheetBlock[];
  histogram: { source: string; title: string };
  tornado: { source: string; title: string };
  spider: { source: string; title: string };
}

export interface SheetReferences {
  /** The assumptions table as the formulas name it, e.g. IpvalueAssumptions[#All]. */
  table: string;
  /** The correlations table as the formulas name it, e.g. IpvalueCorrelations[#All] (passed when the set correlates a pair). */
  correlations: string;
  /** An expression giving the committee's walk-away floor ("" in the cell while none is set), live. */
  floor: string;
  /** Turns a text into what Excel must receive to keep it as that text (the apostrophe prefix). */
  asText: (s: string) => string;
  amountFormat: string;
  percentFormat: string;
}

/** The references of the sheet IPVALUE inserts: the stored tables, and the cell conventions of ./cells. */
export const STORED_REFERENCES: SheetReferences = {
  table: ASSUMPTIONS_ALL,
  correlations: CORRELATIONS_ALL,
  floor: decisionFormula("floor").slice(1),
  asText,
  amountFormat: AMOUNT_FORMAT,
  percentFormat: PERCENT_FORMAT,
};

/**
 * The Simulation sheet's cells (0-based columns; A = 0):
 *  A1 title, A2 what it is, A3 the confidentiality line; A5 caption, A6 =IPVALUE.SIMULATE(...) (spills
 *  three columns: P10, P50, P90, mean, P(<floor), each value and its standard error); D5 caption, D6 =IPVALUE.SENSITIVITY(...) (spills six
 *  columns: a header, the base, one row per assumption); L5 the histogram's counts (values) with a
 *  second column for the bins that hold P10, P50 or P90, drawn as a stacked column chart so that
 *  those bins stand out; below them the tornado's helper cells, which read the SENSITIVITY spill with
 *  INDEX (its address is only known once Excel has calculated) as the change from the base value,
 *  below and above, for a stacked bar chart — Excel stacks negative values to the left of 0 and
 *  positive ones to the right, so each bar runs from the lower to the higher output. Rows are written
 *  smallest swing first, because a bar chart draws its first category at the bottom. Under the
 *  SENSITIVITY spill, a row apart, =IPVALUE.SPIDER(...) at the pane's points (a header of positions, a
 *  base row, one row per assumption, largest spread first); its helper cells, under the tornado's
 *  labels, read it with INDEX into the shape a line chart takes by rows: a blank corner, the
 *  positions named (low … base … high) across the top, one row per assumption, its label first. A
 *  point without an answer becomes #N/A, which a line chart leaves out instead of drawing as 0.
 */
export function simulationSheet(view: SimulationView, set: ScenarioSet, language: Language, ref: SheetReferences): SimulationSheet {
  const t = (k: keyof typeof S) => ref.asText(S[k][language]);
  const { request, result, tornado } = view;
  const shownOutput = outputLabel(request.output)[language];
  const anyInternal = set.scenarios.some((s) => s.internal) || (set.decisions.floor.internal && set.decisions.floor.value !== null);
  const n = request.iterations.toLocaleString("en-US");
  const caption =
    language === "ja"
      ? `${shownOutput}のパーセンタイル（${n}回、シード${request.seed}、${DISTRIBUTION_NAMES[request.distribution].ja}、${SAMPLING_NAMES[request.sampling].ja}。3列目は標準誤差）`
      : `Percentiles of the ${shownOutput.toLowerCase()} (${n} draws, seed ${request.seed}, ${DISTRIBUTION_NAMES[request.distribution].en}, ${SAMPLING_NAMES[request.sampling].en}; third column: standard error)`;
  // the pane's sampling, its correlations (the stored table, once a pair is correlated) and its standard errors: the pane's numbers
  const correlations = (set.correlations ?? []).length > 0 ? ref.correlations : "";
  const simulate = `=IPVALUE.SIMULATE(${ref.table},${request.iterations},${request.seed},{${PANE_PERCENTILES.join(",")}},${quoted(request.output)},${ref.floor},${quoted(request.distribution)},${quoted(request.sampling)},${correlations},TRUE)`;
  const blocks: SheetBlock[] = [
    { address: "A1:A3", formulas: [[t("title")], [t("about")], [anyInternal ? t("internal") : ""]] },
    { address: "A5", formulas: [[ref.asText(caption)]] },
    { address: "A6", formulas: [[simulate]] },
    {
      address: "B6:C9",
      formulas: [
        ["", ""],
        ["", ""],
        ["", ""],
        ["", ""],
      ],
      numberFormat: ref.amountFormat,
    },
    { address: "B10:C10", formulas: [["", ""]], numberFormat: ref.percentFormat },
    { address: "D5", formulas: [[t("tornado")]] },
    { address: "D6", formulas: [[`=IPVALUE.SENSITIVITY(${ref.table},${quoted(request.output)})`]] },
  ];
  const k = tornado.rows.length;
  // G:I of the spill (output at low, at high, swing) are amounts
  blocks.push({ address: a1(6, 6, k + 1, 3), formulas: Array.from({ length: k + 1 }, () => ["", "", ""]), numberFormat: ref.amountFormat });

  // Histogram counts (values), the bins holding a marked percentile in their own column.
  const L = 11;
  const h = view.histogram;
  const compact = new Intl.NumberFormat(language === "ja" ? "ja-JP" : "en-US", { notation: "compact", maximumSignificantDigits: 3 });
  const holding = (lo: number, hi: number, last: boolean) =>
    result.percentiles.filter((x) => x.value >= lo && (x.value < hi || (last && x.value <= hi))).map((x) => percentileLabel(x.p));
  const bins = h.counts.map((count, i) => {
    const marks = holding(h.edges[i], h.edges[i + 1], i === h.counts.length - 1);
    const label = `${compact.format(h.edges[i])}${marks.length ? ` (${marks.join(language === "ja" ? "、" : ", ")})` : ""}`;
    return [ref.asText(label), marks.length ? 0 : count, marks.length ? count : 0, h.edges[i], h.edges[i + 1]];
  });
  blocks.push({ address: cellName(4, L), formulas: [[t("histogram")]] });
  blocks.push({ address: a1(5, L, 1, 5), formulas: [[t("bin"), t("count"), t("marked"), t("edgeFrom"), t("edgeTo")]] });
  blocks.push({ address: a1(6, L, bins.length, 5), formulas: bins });
  blocks.push({ address: a1(6, L + 3, bins.length, 2), formulas: bins.map((b) => [b[3], b[4]]), numberFormat: ref.amountFormat });
  const histogramSource = a1(5, L, bins.length + 1, 3);

  // Tornado helper cells: label (looked up from the key), below base, above base; smallest swing first.
  const top = 6 + bins.length + 2;
  const lookupTop = top + k + 3;
  const keys = tornado.rows.map((r) => r.key);
  const lookup = `$${columnLetters(L)}$${lookupTop + 2}:$${columnLetters(L + 1)}$${lookupTop + 1 + Math.max(1, keys.length)}`;
  const base = "INDEX($D$6#,2,4)";
  const rows = Array.from({ length: k }, (_, i) => {
    const r = k + 2 - i; // spill row of the i-th helper row: the last assumption row first
    const lo = `INDEX($D$6#,${r},4)`;
    const hi = `INDEX($D$6#,${r},5)`;
    return [
      `=IFERROR(VLOOKUP(INDEX($D$6#,${r},1),${lookup},2,FALSE),INDEX($D$6#,${r},1))`,
      `=MIN(0,MIN(${lo},${hi})-${base})`,
      `=MAX(0,MAX(${lo},${hi})-${base})`,
    ];
  });
  blocks.push({ address: cellName(top - 1, L), formulas: [[t("tornadoData")]] });
  blocks.push({ address: a1(top, L, 1, 3), formulas: [["", t("below"), t("above")]] });
  if (k > 0) blocks.push({ address: a1(top + 1, L, k, 3), formulas: rows });
  if (k > 0) blocks.push({ address: a1(top + 1, L + 1, k, 2), formulas: rows.map(() => ["", ""]), numberFormat: ref.amountFormat });
  blocks.push({ address: cellName(lookupTop, L), formulas: [[t("labels")]] });
  const labelRows = keys.length > 0 ? keys.map((key) => [key, ref.asText(assumptionSpec(key).label[language])]) : [["", ""]];
  blocks.push({ address: a1(lookupTop + 1, L, labelRows.length, 2), formulas: labelRows });

  // SPIDER under the SENSITIVITY spill: D6 is row 5 (0-based), its spill k + 2 rows, then a blank row and the caption.
  const positions = view.spider.positions;
  const m = positions.length;
  const lines = view.spider.lines.length; // the assumptions that vary, as the tornado's k
  const spiderRow = 5 + (k + 2) + 2;
  const spiderAt = `$D$${spiderRow + 1}#`;
  blocks.push({ address: cellName(spiderRow - 1, 3), formulas: [[t("spider")]] });
  blocks.push({ address: cellName(spiderRow, 3), formulas: [[`=IPVALUE.SPIDER(${ref.table},${quoted(request.output)},${m})`]] });
  blocks.push({
    address: a1(spiderRow + 1, 4, lines + 1, m),
    formulas: Array.from({ length: lines + 1 }, () => positions.map(() => "")),
    numberFormat: ref.amountFormat,
  });

  // Spider helper cells: the positions named, then per assumption (the spill's order) its label and its outputs.
  const spiderTop = lookupTop + Math.max(1, k) + 3;
  const positionName = (p: number) => (p === -1 ? t("low") : p === 1 ? t("high") : p === 0 ? t("base") : Math.abs(p) === 0.5 ? t("halfway") : p);
  const spiderRows = Array.from({ length: lines }, (_, i) => {
    const r = i + 3; // spill row: header, base, then the assumptions
    return [
      `=IFERROR(VLOOKUP(INDEX(${spiderAt},${r},1),${lookup},2,FALSE),INDEX(${spiderAt},${r},1))`,
      ...positions.map((_, j) => `=IFERROR(INDEX(${spiderAt},${r},${j + 2}),NA())`),
    ];
  });
  blocks.push({ address: cellName(spiderTop - 1, L), formulas: [[t("spiderData")]] });
  blocks.push({ address: a1(spiderTop, L, 1, m + 1), formulas: [["", ...positions.map(positionName)]] });
  if (lines > 0) {
    blocks.push({ address: a1(spiderTop + 1, L, lines, m + 1), formulas: spiderRows });
    blocks.push({ address: a1(spiderTop + 1, L + 1, lines, m), formulas: spiderRows.map(() => positions.map(() => "")), numberFormat: ref.amountFormat });
  }
  return {
    blocks,
    histogram: { source: histogramSource, title: S.histogramChart[language] },
    tornado: { source: a1(top, L, Math.max(1, k) + 1, 3), title: S.tornadoChart[language] },
    spider: { source: a1(spiderTop, L, Math.max(1, lines) + 1, m + 1), title: S.spiderChart[language] },
  };
}
