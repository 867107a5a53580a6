/** The words of the simulation panel and its charts, in English and Japanese. */
import type { Distribution, Sampling } from "../../engine";
import type { Language } from "../../model/language";

export interface SimulationText {
  heading: string;
  intro: string;
  iterations: string;
  iterationsRule: string;
  seed: string;
  seedRule: string;
  seedHint: string;
  distribution: string;
  distributions: Record<Distribution, string>;
  sampling: string;
  samplings: Record<Sampling, string>;
  samplingHint: string;
  /** The accessible name of the ± column. */
  standardError: string;
  /** What ± means, under the table. */
  errorHint: string;
  /** A percentile's standard error is above the limit (all three as the pane writes them). */
  moreDraws: (label: string, relative: string, limit: string, suggested: string) => string;
  /** The same, at the most draws there are. */
  atMostDraws: (label: string, relative: string, limit: string) => string;
  useDraws: (suggested: string) => string;
  output: string;
  run: string;
  running: string;
  stale: string;
  cannot: (reason: string) => string;
  noSpread: string;
  statistic: string;
  value: string;
  percentile: Record<string, string>;
  mean: string;
  belowFloor: (floor: string) => string;
  meaning: string;
  histogram: string;
  histogramAria: (summary: string) => string;
  draws: string;
  floor: string;
  tornado: string;
  tornadoAria: (summary: string) => string;
  atLow: string;
  atHigh: string;
  correlations: string;
  correlationsHint: string;
  correlationsNone: string;
  correlationsNeedTwo: string;
  correlationFirst: string;
  correlationSecond: string;
  correlationAdd: string;
  correlationPick: string;
  correlationRule: string;
  correlationSlider: (pair: string) => string;
  correlationValue: (pair: string) => string;
  correlationRemove: (pair: string) => string;
  /** "meaning" when some assumptions are correlated. */
  meaningCorrelated: string;
  spider: string;
  spiderAria: (summary: string) => string;
  /** The spider's horizontal axis: its left end, its right end, and what it measures. */
  spiderLow: string;
  spiderHigh: string;
  spiderAxis: string;
  base: string;
  noAnswer: string;
  insert: string;
  insertHint: string;
  inserted: string;
  insertFailed: (m: string) => string;
}

export const SIMULATION_TEXT: Record<Language, SimulationText> = {
  en: {
    heading: "Uncertainty: Monte Carlo and sensitivity",
    intro:
      "Each assumption that differs across the scenarios is drawn between its lowest and highest value, most often near the base scenario's; the model runs once per draw. The numbers are those of =IPVALUE.SIMULATE with the same settings, on any computer.",
    iterations: "Draws",
    iterationsRule: "A whole number from 100 to 1,000,000.",
    seed: "Seed",
    seedRule: "A whole number from 0 to 4,294,967,295.",
    seedHint: "Same seed, same numbers; another seed, another sample.",
    distribution: "Distribution",
    distributions: { pert: "PERT", triangular: "Triangular", metalog: "Metalog (low, base, high as P10, P50, P90)" },
    sampling: "Sampling",
    samplings: { lhs: "Latin hypercube (default)", mc: "Plain Monte Carlo", sobol: "Sobol (quasi-Monte Carlo)" },
    samplingHint:
      "Latin hypercube spreads each assumption's draws evenly over its range: the same precision with fewer draws. Sobol spreads them evenly over pairs of assumptions too.",
    standardError: "Standard error",
    errorHint:
      "± is the standard error: how far the number may move with another seed (about two in three runs land within it). Plain Monte Carlo: from 20 batches of the draws; Latin hypercube: from 20 independent hypercubes.",
    moreDraws: (l, r, limit, n) => `${l}'s standard error is ${r} of its value, above ${limit}: run about ${n} draws for a steadier figure.`,
    atMostDraws: (l, r, limit) => `${l}'s standard error is ${r} of its value, above ${limit}, even at the most draws: read it as a rough figure.`,
    useDraws: (n) => `Use ${n} draws`,
    output: "Value",
    run: "Run simulation",
    running: "Running…",
    stale: "The assumptions changed since this run: run it again to update.",
    cannot: (r) => `The scenarios cannot be simulated: ${r}`,
    noSpread: "No assumption differs across the scenarios, so every draw is the base value. Give the scenarios different values to see a spread.",
    statistic: "Statistic",
    value: "Value",
    percentile: { P10: "P10 — 1 draw in 10 is below", P50: "P50 — the median", P90: "P90 — 9 draws in 10 are below" },
    mean: "Mean",
    belowFloor: (f) => `Probability below the floor (${f})`,
    meaning:
      "Percentiles describe this model with these ranges, not the odds of the real deal: they are only as good as the low and high cases, and assumptions are drawn independently of one another.",
    histogram: "Distribution of the value",
    histogramAria: (s) => `Histogram of the simulated value. ${s}`,
    draws: "draws",
    floor: "Floor",
    tornado: "Sensitivity: each assumption from its low to its high, the others at base",
    tornadoAria: (s) => `Tornado chart. ${s}`,
    atLow: "assumption at its low",
    atHigh: "at its high",
    correlations: "Correlations between assumptions",
    correlationsHint:
      "Rank correlations from −1 to 1: positive when two assumptions tend to be high together (a large market and a high share), negative when one is high as the other is low. Each assumption keeps its own distribution; only which draws go together changes (Iman–Conover). Stored with the scenarios (table IpvalueCorrelations) and passed to the Simulation sheet's formula.",
    correlationsNone: "No correlations: the assumptions are drawn independently of one another.",
    correlationsNeedTwo: "Correlations need two assumptions that differ across the scenarios.",
    correlationFirst: "Assumption",
    correlationSecond: "moves with",
    correlationAdd: "Add pair",
    correlationPick: "Pick two different assumptions.",
    correlationRule: "A number from −1 to 1.",
    correlationSlider: (p) => `Correlation of ${p}`,
    correlationValue: (p) => `Correlation of ${p}, from −1 to 1`,
    correlationRemove: (p) => `Remove the correlation of ${p}`,
    meaningCorrelated:
      "Percentiles describe this model with these ranges and correlations, not the odds of the real deal: they are only as good as the low and high cases and the correlations given; other assumptions are drawn independently.",
    spider: "Spider: the value as each assumption moves through its range, the others at base",
    spiderAria: (s) => `Spider chart, each assumption from its low through the base to its high. ${s}`,
    spiderLow: "low",
    spiderHigh: "high",
    spiderAxis: "each assumption: low → base → high (halfway points between)",
    base: "base",
    noAnswer: "no answer",
    insert: "Insert simulation sheet",
    insertHint: "Adds a sheet with live =IPVALUE.SIMULATE and =IPVALUE.SENSITIVITY formulas and native histogram and tornado charts.",
    inserted: "The Simulation sheet was inserted.",
    insertFailed: (m) => `The Simulation sheet could not be inserted: ${m}`,
  },
  ja: {
    heading: "不確実性：モンテカルロ・シミュレーションと感応度",
    intro:
      "シナリオ間で値が異なる前提条件を、最小値から最大値の間で（基準シナリオの値の近くほど多く）抽出し、抽出ごとにモデルを計算します。同じ設定の =IPVALUE.SIMULATE と同じ数値になり、どのPCでも変わりません。",
    iterations: "試行回数",
    iterationsRule: "100～1,000,000の整数で入力してください。",
    seed: "シード",
    seedRule: "0～4,294,967,295の整数で入力してください。",
    seedHint: "同じシードなら同じ数値、別のシードなら別の標本になります。",
    distribution: "分布",
    distributions: { pert: "PERT分布", triangular: "三角分布", metalog: "メタログ分布（低位・基準・高位をP10・P50・P90とする）" },
    sampling: "抽出法",
    samplings: { lhs: "ラテン超方格法（既定）", mc: "単純モンテカルロ法", sobol: "ソボル列（準モンテカルロ法）" },
    samplingHint:
      "ラテン超方格法は各前提条件の抽出を範囲全体に均等に割り振るため、少ない試行回数で同じ精度になります。ソボル列は前提条件の組み合わせについても均等に割り振ります。",
    standardError: "標準誤差",
    errorHint:
      "± は標準誤差で、シードを変えたときに数値が動く幅の目安です（3回に2回程度はこの幅に収まります）。単純モンテカルロ法は抽出を20のバッチに分けて、ラテン超方格法は独立な20個の超方格から求めます。",
    moreDraws: (l, r, limit, n) => `${l}の標準誤差が値の${r}で、${limit}を超えています。数値を安定させるには試行回数を約${n}回にしてください。`,
    atMostDraws: (l, r, limit) => `${l}の標準誤差が値の${r}で、最大の試行回数でも${limit}を超えています。おおよその数値として読んでください。`,
    useDraws: (n) => `${n}回にする`,
    output: "対象",
    run: "シミュレーション実行",
    running: "実行中…",
    stale: "この実行の後に前提条件が変わりました。更新するにはもう一度実行してください。",
    cannot: (r) => `シミュレーションできません：${r}`,
    noSpread: "シナリオ間で値が異なる前提条件がないため、どの抽出も基準値になります。シナリオごとに値を変えると分布が現れます。",
    statistic: "統計量",
    value: "値",
    percentile: { P10: "P10 — 10回に1回はこれを下回る", P50: "P50 — 中央値", P90: "P90 — 10回に9回はこれを下回る" },
    mean: "平均",
    belowFloor: (f) => `最低受入価格（${f}）を下回る確率`,
    meaning:
      "パーセンタイルは、この範囲を与えたこのモデルの結果を表すもので、実際の取引の確率ではありません。低位・高位の想定が妥当であることが前提で、各前提条件は互いに独立に抽出しています。",
    histogram: "価値の分布",
    histogramAria: (s) => `シミュレーションによる価値のヒストグラム。${s}`,
    draws: "回",
    floor: "最低受入価格",
    tornado: "感応度：各前提条件を低位から高位へ（ほかは基準）",
    tornadoAria: (s) => `トルネード図。${s}`,
    atLow: "前提条件が低位",
    atHigh: "高位",
    correlations: "前提条件の間の相関",
    correlationsHint:
      "−1～1 の順位相関係数です。2つの前提条件が一緒に高くなりやすい（市場が大きいとシェアも高い）なら正、一方が高いと他方が低いなら負にします。各前提条件の分布はそのままで、どの抽出値を組み合わせるかだけが変わります（Iman–Conover法）。シナリオと一緒に保存され（表 IpvalueCorrelations）、シミュレーションシートの数式にも渡されます。",
    correlationsNone: "相関なし：各前提条件は互いに独立に抽出されます。",
    correlationsNeedTwo: "相関を付けるには、シナリオ間で値が異なる前提条件が2つ必要です。",
    correlationFirst: "前提条件",
    correlationSecond: "連動する前提条件",
    correlationAdd: "組を追加",
    correlationPick: "異なる2つの前提条件を選んでください。",
    correlationRule: "−1～1 の数値にしてください。",
    correlationSlider: (p) => `${p} の相関係数`,
    correlationValue: (p) => `${p} の相関係数（−1～1）`,
    correlationRemove: (p) => `${p} の相関を削除`,
    meaningCorrelated:
      "パーセンタイルは、この範囲と相関を与えたこのモデルの結果を表すもので、実際の取引の確率ではありません。低位・高位の想定と相関が妥当であることが前提で、ほかの前提条件は互いに独立に抽出しています。",
    spider: "スパイダー図：各前提条件を範囲内で動かしたときの価値（ほかは基準）",
    spiderAria: (s) => `スパイダー図。各前提条件を低位から基準を経て高位へ。${s}`,
    spiderLow: "低位",
    spiderHigh: "高位",
    spiderAxis: "各前提条件：低位 → 基準 → 高位（間はその中間点）",
    base: "基準",
    noAnswer: "答えなし",
    insert: "シミュレーションシートを挿入",
    insertHint: "=IPVALUE.SIMULATE と =IPVALUE.SENSITIVITY の数式、ヒストグラムとトルネード図（Excelのグラフ）を含むシートを追加します。",
    inserted: "シミュレーションシート（Simulation）を挿入しました。",
    insertFailed: (m) => `シミュレーションシートを挿入できませんでした：${m}`,
  },
};
