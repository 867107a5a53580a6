/**
 * The football field's scale, shared by the pane's chart, the Valuation sheet's chart, the committee
 * report and the negotiator file, so that all of them show the decision the same way.
 *
 * One method far above the others (a walk-away rate valued at 54億 beside offers near 1億) would
 * squeeze the offer, floor and ceiling into the left few per cent. The axis is therefore clipped:
 * it covers the committee's marks and every bar that is within `OUTLIER_FACTOR` times the
 * reference (the largest mark, or the median of the bars' highs when no mark is set, whichever is
 * larger); a bar beyond is drawn to the axis's end, marked clipped, and its value printed.
 */

export interface FieldBar {
  low: number;
  base: number;
  high: number;
}

export interface FieldScale {
  /** Axis ends (round numbers), min ≤ 0 ≤ max unless every value is on one side of zero. */
  min: number;
  max: number;
  /** The step between grid lines (1, 2 or 5 times a power of ten). */
  step: number;
  /** Per bar: its high (or low) lies beyond the axis and is drawn to the axis's end. */
  clippedHigh: boolean[];
  clippedLow: boolean[];
}

/** A bar more than this many times the reference is clipped. */
export const OUTLIER_FACTOR = 3;

/** A round step near `span / count` (1, 2 or 5 times a power of ten). */
export function niceStep(span: number, count = 4): number {
  const raw = span / count;
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The axis for `bars` (finite values) and the committee's `marks` (offer, floor, ceiling: the set
 * ones). Never clips a mark; clips only values beyond `OUTLIER_FACTOR` × the reference (a clipped
 * bar's base may lie beyond the axis too: `base` outside [min, max] is not drawn, its value printed).
 */
export function fieldScale(bars: readonly FieldBar[], marks: readonly number[]): FieldScale {
  const magnitudes = bars.map((b) => Math.max(Math.abs(b.low), Math.abs(b.high)));
  const reference = Math.max(0, ...marks.map(Math.abs), median(magnitudes));
  const limit = reference > 0 ? OUTLIER_FACTOR * reference : Infinity;
  const kept = [0, ...marks, ...bars.flatMap((b) => [b.low, b.base, b.high]).filter((v) => Math.abs(v) <= limit)];
  let lo = Math.min(...kept);
  let hi = Math.max(...kept);
  const clippedHigh = bars.map((b) => Math.max(b.low, b.high) > hi);
  const clippedLow = bars.map((b) => Math.min(b.low, b.high) < lo);
  // Room for the clipped bar's arrow beyond the last kept value.
  if (clippedHigh.some(Boolean)) hi += (hi - lo) * 0.08;
  if (clippedLow.some(Boolean)) lo -= (hi - lo) * 0.08;
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo);
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step, step, clippedHigh, clippedLow };
}

/**
 * About how wide `text` is drawn at `fontSize` (in the same units), without a browser: full-width
 * (CJK) characters take an em, digits and Latin letters about half of one. Errs wide, so that labels
 * placed with it keep apart when the real font is a little wider.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x2e80 || (c >= 0x1100 && c <= 0x11ff)) em += 1;
    else if (ch === " " || ch === "." || ch === "," || ch === ":" || ch === "'") em += 0.3;
    else if (/[0-9]/.test(ch)) em += 0.58;
    else if (/[A-Z]/.test(ch)) em += 0.7;
    else em += 0.56;
  }
  return em * fontSize * (bold ? 1.06 : 1);
}

export interface LabelSlot {
  /** The label's left edge and the lane (row) it sits in, 0 at the top. */
  left: number;
  lane: number;
}

/**
 * Places labels of `width` near their anchors `x` between `left` and `right`, in as few lanes as keep
 * them `gap` apart: each is centred on its anchor (moved inside the bounds if need be) and goes into
 * the first lane where it clears the labels already there. Close values thus stack in lanes instead of
 * colliding; a label moved off its anchor is joined to it by a leader line (the caller draws it).
 */
export function placeLabels(labels: readonly { x: number; width: number }[], left: number, right: number, gap = 4): LabelSlot[] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[a].x - labels[b].x);
  const laneEnds: number[] = [];
  const slots: LabelSlot[] = new Array(labels.length);
  for (const i of order) {
    const { x, width } = labels[i];
    const l = Math.max(left, Math.min(right - width, x - width / 2));
    let lane = laneEnds.findIndex((end) => end + gap <= l);
    if (lane < 0) lane = laneEnds.push(-Infinity) - 1;
    laneEnds[lane] = l + width;
    slots[i] = { left: l, lane };
  }
  return slots;
}
