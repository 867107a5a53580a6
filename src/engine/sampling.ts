/**
 * Latin hypercube sampling and rank correlation (Iman–Conover) for the simulation, with only exactly
 * rounded arithmetic and fdlibm's log and exp (random.ts), so that a seed gives the same bits on every
 * JavaScript engine.
 *
 * - Latin hypercube: each assumption's uniforms are stratified into n equal bins, one draw per bin,
 *   u = (bin + v)/n with v uniform, and the bins are shuffled (Fisher–Yates) by the seeded generator.
 *   A draw is then the inverse distribution function at u, so it needs an inverse for every
 *   distribution: triangular and metalog have one in closed form; PERT's Beta has none, so it is
 *   tabulated (`BetaTable`): its distribution function at 2,048 equal steps of x, from the density
 *   (4-point Gauss–Legendre in each cell; a power series for the cells next to 0 and 1, where the
 *   density may have an unbounded derivative), then a monotone cubic Hermite curve through it
 *   inverted by Newton's method (in the end cells, the series itself). Its error in probability is below 10⁻¹³
 *   where the distribution function is a polynomial, and within jStat's own accuracy elsewhere (tests).
 * - Rank correlation: Iman & Conover, "A distribution-free approach to inducing rank correlation among
 *   input variables" (Commun. Statist. B11(3), 1982). Van der Waerden scores Φ⁻¹(i/(n+1)), shuffled per
 *   assumption, are transformed to have exactly the wanted correlation; each assumption's draws are
 *   then put in the order of its scores. The draws themselves are not changed, only paired anew, so
 *   every marginal stays exactly as drawn. The user gives rank (Spearman) correlations; the scores'
 *   Pearson correlation is set to 2·sin(π·r/6), the one whose normal pair has Spearman r (Pearson 1907).
 */
import { AssumptionKey, normalizeKey } from "./assumptions";
import { isBlank, RawValue } from "./cells";
import { EXCERPT_ITEMS, excerptIn, excerptListIn, excerptPlainIn, invalidValue, keyName, Localized, phrase } from "./errors";
import { stableOrder } from "./order-statistics";
import { Generator, exp, log, uniformOpen } from "./random";

// ------------------------------------------------------------------ the sampling methods

export type Sampling = "lhs" | "mc" | "sobol";
export const SAMPLINGS: readonly Sampling[] = ["lhs", "mc", "sobol"];
/**
 * Latin hypercube: @RISK's recommended setting and Crystal Ball's; "mc" is plain Monte Carlo, as before;
 * "sobol", scrambled Sobol points (sobol.ts), a quasi-random design that spreads the draws evenly in
 * every assumption and in pairs of them.
 */
export const DEFAULT_SAMPLING: Sampling = "lhs";

export function parseSampling(value: unknown, argument = "sampling"): Sampling {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return DEFAULT_SAMPLING;
  const word = typeof value === "string" ? value.trim().toLowerCase() : "";
  const found = SAMPLINGS.find((s) => s === word);
  if (!found) throw invalidValue("sampling-word", { argument, got: excerptIn(value) });
  return found;
}

/** A whole number in 0..m−1 from the generator (52 bits: the bias is below 2⁻³²). */
function below(g: Generator, m: number): number {
  const k = Math.floor(uniformOpen(g) * m);
  return k < m ? k : m - 1; // (1 − 2⁻⁵³)·m can round up to m
}

/** Shuffles `a` in place (Fisher–Yates, Durstenfeld's form). */
export function shuffle(a: Float64Array | Int32Array, g: Generator): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = below(g, i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/** n stratified uniforms in bin order: the i-th lies in (i/n, (i+1)/n). */
export function stratifiedUniforms(n: number, g: Generator, out: Float64Array = new Float64Array(n)): Float64Array {
  for (let i = 0; i < n; i++) out[i] = (i + uniformOpen(g)) / n;
  return out;
}

// ------------------------------------------------------------------ the Beta inverse, tabulated

const CELLS = 2048;
const H = 1 / CELLS;
/** Cells at each end whose distribution function comes from the power series, not from quadrature. */
const SERIES_CELLS = 16;
/** A Newton step this small ends the Hermite inversion (see `quantile`). */
const NEWTON_STEP = 1e-9;
// 4-point Gauss–Legendre on [−1, 1] (Abramowitz & Stegun 25.4.30).
const GL_X = [-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526];
const GL_W = [0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538];

/** ∫₀ˣ t^(a−1)(1−t)^(b−1) dt by its power series x^a Σ (1−b)ₙ/n! · xⁿ/(a+n); for small x only. */
function incompleteBetaSeries(x: number, a: number, b: number): number {
  let term = 1;
  let sum = 1 / a;
  for (let n = 1; n < 200; n++) {
    term *= ((n - b) * x) / n;
    const add = term / (a + n);
    sum += add;
    if (Math.abs(add) <= 1e-17 * Math.abs(sum)) break;
  }
  return exp(a * log(x)) * sum;
}

/** The Beta density without its constant: x^(a−1)(1−x)^(b−1) (a, b ≥ 1). */
function betaKernel(x: number, a: number, b: number): number {
  if (x <= 0) return a === 1 ? 1 : 0;
  if (x >= 1) return b === 1 ? 1 : 0;
  return exp((a - 1) * log(x) + (b - 1) * log(1 - x));
}

/**
 * The distribution function of Beta(a, b), a, b ≥ 1, at x = k/2048 with its slopes, and a guide
 * table from u to the first cell to look in (Chen & Asau 1974).
 */
export class BetaTable {
  readonly a: number;
  readonly b: number;
  /** F at the cell edges, F[0] = 0, F[CELLS] = 1. */
  readonly cdf = new Float64Array(CELLS + 1);
  /** Per cell, the Hermite slopes (h·f) at its left and right end, limited so the curve rises (Fritsch–Carlson). */
  readonly slope0 = new Float64Array(CELLS);
  readonly slope1 = new Float64Array(CELLS);
  /** Per cell, the inverse's slopes d/m0 and d/m1 (0 where a slope is 0): the start of `quantile`'s Newton steps. */
  private readonly inverseSlope0 = new Float64Array(CELLS);
  private readonly inverseSlope1 = new Float64Array(CELLS);
  private readonly guide = new Int32Array(CELLS + 1);
  /** The unnormalised total mass, B(a, b) as summed here. */
  private readonly total: number;

  constructor(a: number, b: number) {
    this.a = a;
    this.b = b;
    const F = this.cdf;
    // Cumulative mass at the edges, unnormalised: series at both ends, quadrature in between.
    for (let k = 1; k <= SERIES_CELLS; k++) F[k] = incompleteBetaSeries(k * H, a, b);
    let sum = F[SERIES_CELLS];
    for (let k = SERIES_CELLS; k < CELLS - SERIES_CELLS; k++) {
      const mid = (k + 0.5) * H;
      let cell = 0;
      for (let q = 0; q < 4; q++) cell += GL_W[q] * betaKernel(mid + 0.5 * H * GL_X[q], a, b);
      sum += 0.5 * H * cell;
      F[k + 1] = sum;
    }
    const upper = incompleteBetaSeries(SERIES_CELLS * H, b, a); // mass above 1 − 16h
    const total = sum + upper;
    this.total = total;
    for (let k = CELLS - SERIES_CELLS + 1; k < CELLS; k++) F[k] = total - incompleteBetaSeries((CELLS - k) * H, b, a);
    F[0] = 0;
    for (let k = 1; k < CELLS; k++) F[k] /= total;
    F[CELLS] = 1;
    for (let k = 1; k <= CELLS; k++) if (F[k] < F[k - 1]) F[k] = F[k - 1]; // rounding never makes it fall
    for (let k = 0; k < CELLS; k++) {
      const d = F[k + 1] - F[k];
      let m0 = (H * betaKernel(k * H, a, b)) / total;
      let m1 = (H * betaKernel((k + 1) * H, a, b)) / total;
      if (d > 0) {
        const r = (m0 * m0 + m1 * m1) / (d * d);
        if (r > 9) {
          const t = 3 / Math.sqrt(r);
          m0 *= t;
          m1 *= t;
        }
      } else {
        m0 = 0;
        m1 = 0;
      }
      this.slope0[k] = m0;
      this.slope1[k] = m1;
      this.inverseSlope0[k] = m0 > 0 && m1 > 0 ? d / m0 : 0;
      this.inverseSlope1[k] = m0 > 0 && m1 > 0 ? d / m1 : 0;
    }
    let k = 0;
    for (let i = 0; i <= CELLS; i++) {
      const u = i * H;
      while (k < CELLS - 1 && F[k + 1] <= u) k++;
      this.guide[i] = k;
    }
  }

  /** The distribution function at x in [0, 1]: the series in the end cells, the Hermite curve between. */
  cdfAt(x: number): number {
    if (!(x > 0)) return 0;
    if (!(x < 1)) return 1;
    const k = Math.min(CELLS - 1, Math.floor(x * CELLS));
    return this.inSeries(k) ? this.seriesCdf(x) : this.hermite(k, x * CELLS - k);
  }

  /**
   * The cells next to 0 and 1, where the density can rise from 0 like x^(a−1) with 0 < a − 1 < 1: a cubic
   * misses that shape by a tenth of the cell's mass, so there the series itself is used.
   */
  private inSeries(k: number): boolean {
    return k < SERIES_CELLS || k >= CELLS - SERIES_CELLS;
  }

  private seriesCdf(x: number): number {
    return x < 0.5 ? incompleteBetaSeries(x, this.a, this.b) / this.total : 1 - incompleteBetaSeries(1 - x, this.b, this.a) / this.total;
  }

  /**
   * Solves seriesCdf(x) = u in cell k by Newton's method kept inside the cell (bisection when a step
   * leaves it), from the straight line between the cell's ends; a step below 1e-9 of x ends it (the
   * error is then about 1e-18 of x: F''/F' is (a−1)/x at most here).
   */
  private seriesQuantile(k: number, u: number): number {
    let lo = k * H;
    let hi = (k + 1) * H;
    const f0 = this.cdf[k];
    let x = lo + H * ((u - f0) / (this.cdf[k + 1] - f0));
    if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
    for (let i = 0; i < 100; i++) {
      const value = this.seriesCdf(x) - u;
      if (value === 0) return x;
      if (value > 0) hi = x;
      else lo = x;
      const slope = betaKernel(x, this.a, this.b) / this.total;
      const step = slope > 0 ? value / slope : NaN;
      const next = x - step;
      if (!(next > lo && next < hi)) {
        x = 0.5 * (lo + hi);
        if (hi - lo <= 1e-16 * hi) return x;
        continue;
      }
      x = next;
      if (Math.abs(step) <= NEWTON_STEP * x) return x;
    }
    return x;
  }

  private hermite(k: number, t: number): number {
    const d = this.cdf[k + 1] - this.cdf[k];
    const m0 = this.slope0[k];
    const m1 = this.slope1[k];
    const t2 = t * t;
    const t3 = t2 * t;
    return this.cdf[k] + d * (3 * t2 - 2 * t3) + m0 * (t - 2 * t2 + t3) + m1 * (t3 - t2);
  }

  /** The inverse distribution function at u in (0, 1). */
  quantile(u: number): number {
    const F = this.cdf;
    let k = this.guide[Math.floor(u * CELLS)];
    while (k < CELLS - 1 && F[k + 1] <= u) k++;
    return this.inCell(k, u);
  }

  /**
   * The inverse distribution function of every u of an ascending array, in place: the same numbers as
   * `quantile`, found by walking the cells once instead of a guide-table look-up per u (Latin
   * hypercube's uniforms come in bin order).
   */
  quantilesAscending(us: Float64Array): Float64Array {
    const F = this.cdf;
    let k = 0;
    for (let i = 0; i < us.length; i++) {
      const u = us[i];
      if (u < F[k]) k = this.guide[Math.floor(u * CELLS)]; // not ascending after all: look it up
      while (k < CELLS - 1 && F[k + 1] <= u) k++;
      us[i] = this.inCell(k, u);
    }
    return us;
  }

  /** The quantile at u in cell k (the first cell whose right edge's F exceeds u). */
  private inCell(k: number, u: number): number {
    const f0 = this.cdf[k];
    const d = this.cdf[k + 1] - f0;
    if (!(d > 0)) return (k + 1) * H;
    if (this.inSeries(k)) return this.seriesQuantile(k, u);
    const m0 = this.slope0[k];
    const m1 = this.slope1[k];
    const target = u - f0;
    // Newton's method on the cubic, kept inside [lo, hi] (bisection when a step leaves it). It starts
    // from the inverse's own Hermite curve (the same ends, slopes d/m0 and d/m1, kept per cell): within
    // a cell the density barely changes, so that start is within about 1e-10 and one step ends it.
    let lo = 0;
    let hi = 1;
    const s = target / d;
    let t = s;
    const q0 = this.inverseSlope0[k];
    const q1 = this.inverseSlope1[k];
    if (q0 > 0 && q1 > 0) {
      const s2 = s * s;
      const guess = 3 * s2 - 2 * s2 * s + q0 * (s - 2 * s2 + s2 * s) + q1 * (s2 * s - s2);
      if (guess > 0 && guess < 1) t = guess;
    }
    for (let i = 0; i < 60; i++) {
      const t2 = t * t;
      const value = d * (3 * t2 - 2 * t2 * t) + m0 * (t - 2 * t2 + t2 * t) + m1 * (t2 * t - t2) - target;
      if (value === 0) break;
      if (value > 0) hi = t;
      else lo = t;
      const slope = d * (6 * t - 6 * t2) + m0 * (1 - 4 * t + 3 * t2) + m1 * (3 * t2 - 2 * t);
      const step = slope > 0 ? value / slope : NaN;
      const next = t - step;
      if (!(next > lo && next < hi)) {
        t = 0.5 * (lo + hi);
        if (hi - lo <= NEWTON_STEP) break;
        continue;
      }
      t = next;
      // Quadratic convergence: after a step of 1e-9 the error is about (1e-9)²·|F''/F'|, and F''/F' ≤ 6
      // here (Fritsch–Carlson slopes are at most 3·d): far below the 1e-13 asked of the quantile.
      if (Math.abs(step) <= NEWTON_STEP) break;
    }
    return (k + t) * H;
  }
}

const BETA_CACHE = new Map<string, BetaTable>();
const BETA_CACHE_SIZE = 64;

/** The table of Beta(a, b), built once per shape (a recalculation with the same shapes reuses it). */
export function betaTable(a: number, b: number): BetaTable {
  const key = `${a},${b}`;
  let table = BETA_CACHE.get(key);
  if (!table) {
    if (BETA_CACHE.size >= BETA_CACHE_SIZE) BETA_CACHE.clear();
    table = new BetaTable(a, b);
    BETA_CACHE.set(key, table);
  }
  return table;
}

// ------------------------------------------------------------------ normal scores

// Acklam's rational approximation of the normal quantile (relative error below 1.15·10⁻⁹): scores
// only need to be fixed numbers close to normal ones.
const NA = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const NB = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const NC = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const ND = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Φ⁻¹(p) for p in (0, 1), Acklam's algorithm with fdlibm's log: the same bits everywhere. */
export function normalQuantile(p: number): number {
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * log(p));
    return (((((NC[0] * q + NC[1]) * q + NC[2]) * q + NC[3]) * q + NC[4]) * q + NC[5]) / ((((ND[0] * q + ND[1]) * q + ND[2]) * q + ND[3]) * q + 1);
  }
  if (p > 1 - 0.02425) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((NA[0] * r + NA[1]) * r + NA[2]) * r + NA[3]) * r + NA[4]) * r + NA[5]) * q) / (((((NB[0] * r + NB[1]) * r + NB[2]) * r + NB[3]) * r + NB[4]) * r + 1)
  );
}

let scoreCache: Float64Array | null = null;

/** Van der Waerden scores Φ⁻¹(i/(n+1)), i = 1…n, ascending (kept for the last n asked). */
export function normalScores(n: number): Float64Array {
  if (scoreCache && scoreCache.length === n) return scoreCache;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = normalQuantile((i + 1) / (n + 1));
  scoreCache = s;
  return s;
}

// ------------------------------------------------------------------ correlation matrices

export interface Correlations {
  /** Assumption keys, in the matrix's order. */
  keys: readonly AssumptionKey[];
  /** Rank correlations, keys.length × keys.length, symmetric, 1 on the diagonal, positive semi-definite. */
  matrix: readonly (readonly number[])[];
}

/**
 * A correlation table as typed: assumption keys across its first row and down its first column (the
 * same keys, in any order; the corner cell is free for a caption), rank correlations inside. A blank
 * cell takes the value of its mirror, so one triangle is enough; both blank is 0; a blank diagonal is 1.
 */
export function parseCorrelationTable(cells: readonly (readonly RawValue[])[], argument = "correlations"): Correlations {
  if (!Array.isArray(cells) || cells.length < 2 || !Array.isArray(cells[0]) || cells[0].length < 2) {
    throw invalidValue("correlations-shape", { argument });
  }
  const size = cells.length;
  if (cells.some((row) => !Array.isArray(row) || row.length !== size)) {
    throw invalidValue("correlations-square", { argument, size });
  }
  const keyAt = (v: RawValue, where: () => Localized): string => {
    if (isBlank(v) || typeof v !== "string") throw invalidValue("correlations-key-cell", { argument, where: where(), got: excerptPlainIn(v) });
    return normalizeKey(v);
  };
  const rowKeys = cells.slice(1).map((row, r) => keyAt(row[0], () => phrase("first-column-row", { row: r + 2 })));
  const colKeys = cells[0].slice(1).map((v, c) => keyAt(v, () => phrase("first-row-column", { column: c + 2 })));
  const missing = rowKeys.filter((k) => !colKeys.includes(k));
  if (missing.length > 0 || new Set(colKeys).size !== new Set(rowKeys).size) {
    const odd = missing.length > 0 ? missing : colKeys.filter((k) => !rowKeys.includes(k));
    throw invalidValue("correlations-keys-differ", { argument, keys: excerptListIn(odd, (s) => excerptIn(s)) });
  }
  const k = rowKeys.length;
  const colOf = rowKeys.map((key) => colKeys.indexOf(key) + 1);
  const raw = (i: number, j: number): RawValue => cells[i + 1][colOf[j]];
  const matrix = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let v = raw(i, j);
      if (isBlank(v)) v = raw(j, i);
      if (isBlank(v)) return i === j ? 1 : 0;
      if (typeof v !== "number") throw invalidValue("correlation-range", { argument, a: rowKeys[i], b: rowKeys[j], got: excerptPlainIn(v) });
      return v;
    })
  );
  return { keys: rowKeys as AssumptionKey[], matrix };
}

const PSD_TOLERANCE = 1e-10;

/**
 * The lower-triangular L with L·Lᵀ = A, for a symmetric positive semi-definite A (a zero pivot gives a
 * zero column); null when A is not positive semi-definite, with `failedAt` the first row where it fails.
 */
export function cholesky(A: readonly (readonly number[])[]): { L: number[][] | null; failedAt: number } {
  const k = A.length;
  const L = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    let d = A[j][j];
    for (let m = 0; m < j; m++) d -= L[j][m] * L[j][m];
    if (d < -PSD_TOLERANCE) return { L: null, failedAt: j };
    const pivot = d > PSD_TOLERANCE ? Math.sqrt(d) : 0;
    L[j][j] = pivot;
    for (let i = j + 1; i < k; i++) {
      let v = A[i][j];
      for (let m = 0; m < j; m++) v -= L[i][m] * L[j][m];
      if (pivot === 0) {
        if (Math.abs(v) > 1e-8) return { L: null, failedAt: i };
      } else L[i][j] = v / pivot;
    }
  }
  return { L, failedAt: -1 };
}

/** sin(x) for |x| ≤ π/6 by its Taylor series (plain arithmetic: Math.sin may differ between engines). */
function smallSin(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n <= 10; n++) {
    term *= -x2 / (2 * n * (2 * n + 1));
    sum += term;
  }
  return sum;
}

/** The Pearson correlation of normal scores whose Spearman correlation is r: 2·sin(π·r/6). */
export function pearsonForSpearman(r: number): number {
  if (r === 1 || r === -1) return r;
  return 2 * smallSin((Math.PI * r) / 6);
}

/**
 * Checks a correlation matrix against the assumptions that vary: keys known, varying, no key twice;
 * numbers from −1 to 1, 1 on the diagonal, symmetric, positive semi-definite. Throws #VALUE! naming
 * the problem.
 */
export function checkCorrelations(c: Correlations, varying: readonly AssumptionKey[], knownKeys: readonly string[], argument = "correlations"): void {
  const k = c.keys.length;
  if (k === 0) return;
  const seen = new Set<string>();
  for (const key of c.keys) {
    if (seen.has(key)) throw invalidValue("correlations-key-twice", { argument, key: keyName(key) });
    seen.add(key);
  }
  const unknown = c.keys.filter((key) => !knownKeys.includes(key));
  if (unknown.length > 0) throw invalidValue("correlations-unknown-keys", { argument, keys: excerptListIn(unknown, (s) => excerptIn(s)) });
  const fixed = c.keys.filter((key) => !varying.includes(key));
  if (fixed.length > 0) {
    throw invalidValue(fixed.length === 1 ? "correlations-fixed-key" : "correlations-fixed-keys", {
      argument,
      keys: excerptListIn(fixed, keyName, EXCERPT_ITEMS),
    });
  }
  const M = c.matrix;
  if (M.length !== k || M.some((row) => row.length !== k)) throw invalidValue("correlations-matrix-size", { argument, k });
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = M[i][j];
      if (typeof v !== "number" || !Number.isFinite(v) || v < -1 || v > 1) {
        throw invalidValue("correlation-range", { argument, a: c.keys[i], b: c.keys[j], got: excerptPlainIn(v) });
      }
    }
    if (M[i][i] !== 1) throw invalidValue("correlations-diagonal", { argument, key: c.keys[i], got: M[i][i] });
  }
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      if (Math.abs(M[i][j] - M[j][i]) > 1e-12) {
        throw invalidValue("correlations-asymmetric", { argument, a: c.keys[i], b: c.keys[j], ab: M[i][j], ba: M[j][i] });
      }
    }
  }
  const { L, failedAt } = cholesky(M);
  if (!L) {
    const among = c.keys.slice(0, failedAt + 1);
    throw invalidValue("correlations-not-psd", { argument, keys: excerptListIn(among, keyName, EXCERPT_ITEMS) });
  }
  const normal = M.map((row) => row.map(pearsonForSpearman));
  if (!cholesky(normal).L) {
    throw invalidValue("correlations-near-singular", { argument });
  }
}

// ------------------------------------------------------------------ Iman–Conover

/**
 * Pairs the columns anew so that their rank correlations are `matrix` (Iman–Conover): each column's
 * values are kept, only their order changes. `columns[c]` holds the draws of the c-th correlated
 * assumption in draw order; they are reordered in place. `ascending[c]`, when given, holds the same
 * values already sorted (Latin hypercube draws them in bin order), which spares sorting them again.
 */
export function imanConover(
  columns: readonly Float64Array[],
  matrix: readonly (readonly number[])[],
  g: Generator,
  ascending?: readonly (Float64Array | null)[]
): void {
  const k = columns.length;
  if (k < 2) return;
  const n = columns[0].length;
  const base = normalScores(n);
  // Scores, shuffled independently for each column.
  const S = columns.map(() => {
    const s = Float64Array.from(base);
    shuffle(s, g);
    return s;
  });
  // Their sample correlation E (Pearson), and T = P·L_E⁻¹ with P·Pᵀ the wanted normal correlation.
  const means = S.map((s) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += s[i];
    return sum / n;
  });
  const E = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let sum = 0;
      const sa = S[a];
      const sb = S[b];
      const ma = means[a];
      const mb = means[b];
      for (let i = 0; i < n; i++) sum += (sa[i] - ma) * (sb[i] - mb);
      E[a][b] = sum;
      E[b][a] = sum;
    }
  }
  const scale = E.map((row, a) => Math.sqrt(row[a]));
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) E[a][b] /= scale[a] * scale[b];
  const LE = cholesky(E).L;
  const P = cholesky(matrix.map((row) => row.map(pearsonForSpearman))).L;
  if (!LE || !P) throw invalidValue("correlations-singular");
  // Inverse of the lower-triangular L_E by forward substitution.
  const inv = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let c = 0; c < k; c++) {
    for (let i = c; i < k; i++) {
      let v = i === c ? 1 : 0;
      for (let m = c; m < i; m++) v -= LE[i][m] * inv[m][c];
      inv[i][c] = v / LE[i][i];
    }
  }
  const T = Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) => {
      let v = 0;
      for (let m = b; m <= a; m++) v += P[a][m] * inv[m][b];
      return v;
    })
  );
  // The correlated scores of each column, then its values in their rank order.
  const target = new Float64Array(n);
  for (let a = 0; a < k; a++) {
    target.fill(0);
    for (let b = 0; b <= a; b++) {
      const t = T[a][b];
      if (t === 0) continue;
      const sb = S[b];
      for (let i = 0; i < n; i++) target[i] += t * (sb[i] - means[b]);
    }
    const given = ascending?.[a];
    const values = given && sortsAs(given) ? given : Float64Array.from(columns[a]).sort();
    const column = columns[a];
    // The draw of rank r goes where the score of rank r is (equal scores: in draw order).
    const order = stableOrder(target);
    if (!order) throw invalidValue("correlations-singular"); // a NaN score: only from a matrix Cholesky refused
    for (let r = 0; r < n; r++) column[order[r]] = values[r];
  }
}

/**
 * Whether `a` is already in the order Float64Array's sort gives (ascending, −0 before +0, no NaN):
 * then it is that sort's result, value for value.
 */
function sortsAs(a: Float64Array): boolean {
  for (let i = 1; i < a.length; i++) {
    const x = a[i - 1];
    const y = a[i];
    if (!(x <= y)) return false; // falling, or a NaN
    if (x === 0 && y === 0 && 1 / x > 0 && 1 / y < 0) return false; // +0 before −0
  }
  return a.length === 0 || a[0] === a[0];
}

/** Spearman's rank correlation of two samples (average ranks for ties): for tests and the bench. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = rx.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += rx[i];
    my += ry[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) * (rx[i] - mx);
    syy += (ry[i] - my) * (ry[i] - my);
  }
  return sxy / Math.sqrt(sxx * syy);
}

function ranks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const r = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && x[order[j + 1]] === x[order[i]]) j++;
    for (let m = i; m <= j; m++) r[order[m]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}
