/**
 * The outputs of a scenario, declared once. Every list of outputs in the add-in derives from this
 * table: the functions' `output` arguments, RANGE's default rows, the simulation kernel, the pane's
 * results and formats, the football field, the Valuation sheet and the negotiator workbook.
 *
 * An output is built from two parts, each with its maths in one place:
 *  - `rate`: the royalty rate it is, or is valued at — the rate assumed (royalty_rate), the 25%-rule
 *    rate (rate25) or the licensee's walk-away rate (maxrate); see rateOf in scenario.ts;
 *  - `money`: how it is an amount — "npv" (upfront + DCF of the royalties), "rnpv" (upfront +
 *    success_probability × DCF), "at_rate" (the rnpv with the royalty rate replaced by `rate`).
 * An output with `money` is an amount in the user's currency; one without is a decimal rate.
 *
 * Adding an output: its entry here, its maths in scenario.ts (rateOf / moneyOf) and the kernel
 * (simulate.ts) when it needs a new part, and its native formula in src/export/negotiator.ts (the
 * compiler asks for it). See CONTRIBUTING.md.
 */
import type { Text } from "./assumptions";

/** The royalty rates an output is, or is valued at. */
export type RateSource = "royalty_rate" | "rate25" | "maxrate" | "equivalent_rate";
/** How an output is an amount: the licensor's value ("npv", "rnpv", "at_rate") or the licensee's ("licensee"). */
export type MoneyBasis = "npv" | "rnpv" | "at_rate" | "licensee";

interface OutputDeclaration {
  key: string;
  label: Text;
  rate?: RateSource;
  money?: MoneyBasis;
  /** A row of RANGE when no outputs are asked for (and of the Valuation sheet's range). */
  range?: true;
  /** Shared with the counterparty unless the manager unticks it. */
  shared?: true;
  /** Its place on the football field (money outputs only): bars run in this order. */
  field?: number;
  /** The assumption itself, passed through: the pane lists it among the inputs, not the results. */
  echo?: true;
}

const DECLARED = [
  {
    key: "rnpv",
    label: { en: "Risk-adjusted licensor value", ja: "リスク調整後ライセンサー価値" },
    money: "rnpv",
    range: true,
    shared: true,
    field: 2,
  },
  {
    key: "npv",
    label: { en: "Licensor value (NPV)", ja: "ライセンサー価値（NPV）" },
    money: "npv",
    range: true,
    shared: true,
    field: 1,
  },
  {
    key: "rate25",
    label: { en: "Royalty rate by 25% rule", ja: "25%ルールによる料率" },
    rate: "rate25",
    range: true,
    shared: true,
  },
  {
    key: "maxrate",
    label: { en: "Licensee walk-away rate", ja: "ライセンシーの上限料率" },
    rate: "maxrate",
    range: true,
    shared: true,
  },
  {
    key: "royalty_rate",
    label: { en: "Royalty rate assumed", ja: "想定ロイヤルティ料率" },
    rate: "royalty_rate",
    shared: true,
    echo: true,
  },
  {
    key: "value_rate25",
    label: { en: "Risk-adjusted value at the 25%-rule rate", ja: "25%ルール料率でのリスク調整後価値" },
    rate: "rate25",
    money: "at_rate",
    field: 3,
  },
  {
    key: "value_maxrate",
    label: { en: "Risk-adjusted value at the walk-away rate", ja: "上限料率でのリスク調整後価値" },
    rate: "maxrate",
    money: "at_rate",
    field: 4,
  },
  {
    key: "licensee_npv",
    label: { en: "Licensee NPV under the deal", ja: "契約条件でのライセンシーNPV" },
    money: "licensee",
  },
  {
    key: "equivalent_rate",
    label: { en: "Equivalent running rate", ja: "等価ランニング料率" },
    rate: "equivalent_rate",
  },
] as const satisfies readonly OutputDeclaration[];

export type Output = (typeof DECLARED)[number]["key"];
export type OutputKind = "money" | "rate";

export interface OutputSpec extends Omit<OutputDeclaration, "key"> {
  key: Output;
  kind: OutputKind;
  /** The outputs it is computed from: a rate valued in money needs that rate (the export shows it beside). */
  needs: readonly Output[];
}

/** Every output, in the order the functions list them. */
export const OUTPUTS: readonly OutputSpec[] = DECLARED.map((d: OutputDeclaration) => ({
  ...d,
  key: d.key as Output,
  kind: d.money ? "money" : "rate",
  needs: d.money === "at_rate" ? [d.rate as Output] : [],
}));

const SPEC = new Map<string, OutputSpec>(OUTPUTS.map((o) => [o.key, o]));

export function outputSpec(output: Output): OutputSpec {
  return SPEC.get(output)!;
}

export const outputLabel = (output: Output): Text => outputSpec(output).label;

/** RANGE's rows when no outputs are asked for. */
export const DEFAULT_RANGE_OUTPUTS: readonly Output[] = OUTPUTS.filter((o) => o.range).map((o) => o.key);
/** Outputs that are amounts, in the table's order (the histogram, the tornado and the range of values are in money). */
export const MONEY_OUTPUTS: readonly Output[] = OUTPUTS.filter((o) => o.kind === "money").map((o) => o.key);
/** The football field's methods, in the order of its bars. */
export const FOOTBALL_OUTPUTS: readonly Output[] = OUTPUTS.filter((o) => o.field !== undefined)
  .sort((a, b) => a.field! - b.field!)
  .map((o) => o.key);
/** The outputs the pane lists as results: all but the assumptions passed through. */
export const RESULT_OUTPUTS: readonly Output[] = OUTPUTS.filter((o) => !o.echo).map((o) => o.key);
/** Shared with the counterparty by default. */
export const DEFAULT_SHARED_OUTPUTS: readonly Output[] = OUTPUTS.filter((o) => o.shared).map((o) => o.key);
/** Per-scenario summaries (the Valuation sheet's scenario block): the money outputs RANGE lists by default. */
export const SUMMARY_OUTPUTS: readonly Output[] = DEFAULT_RANGE_OUTPUTS.filter((o) => outputSpec(o).kind === "money");
/** The rate outputs, the rate assumed first and then the cross-checks (the negotiator's rate block). */
export const RATE_ORDER: readonly Output[] = [
  ...OUTPUTS.filter((o) => o.kind === "rate" && o.echo),
  ...OUTPUTS.filter((o) => o.kind === "rate" && !o.echo),
].map((o) => o.key);

/** RANGE's extra row: the royalty-rate range of the reference bands matching a filter. Not a scenario output. */
export const BAND_RATE = "band_rate";
export type RangeOutput = Output | typeof BAND_RATE;
export const BAND_RATE_LABEL: Text = { en: "Reference bands (royalty rate)", ja: "参考バンド（ロイヤルティ料率）" };

/** Outputs (and RANGE's band_rate row) that are royalty rates, shown as percentages; the rest are amounts. */
export const RATE_OUTPUTS: ReadonlySet<string> = new Set<string>([...OUTPUTS.filter((o) => o.kind === "rate").map((o) => o.key), BAND_RATE]);

/** Whether a RANGE row (an output or band_rate) is a rate or an amount. */
export const rangeOutputKind = (key: string): OutputKind => (RATE_OUTPUTS.has(key) ? "rate" : "money");
