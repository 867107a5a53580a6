/**
 * Seeded random numbers for the Monte Carlo simulation, the same on every machine and every run.
 *
 * - Generator: xoroshiro128+ (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 *   2018) as implemented by pure-rand 8 (`pure-rand/generator/xoroshiro128plus`), seeded through
 *   SplitMix64 as its authors recommend, so that neighbouring seeds (1, 2, 3 …) start far apart.
 * - Uniforms: 52 bits taken from the upper bits of two 32-bit outputs (bits 6–31 of each; the lowest
 *   bits of xoroshiro128+ are the weak ones), as (k + ½)·2⁻⁵², so never exactly 0 or 1.
 * - Logarithm and exponential: fdlibm's algorithms (e_log.c, e_exp.c; Sun Microsystems, 1993) in
 *   plain arithmetic. Math.log and Math.exp may differ in the last bit from one JavaScript engine to
 *   another (Excel runs custom functions in Edge WebView2 on Windows, in Safari's engine on a Mac, in
 *   whatever browser on the web); +, −, ×, ÷ and √ are exactly rounded by IEEE 754 everywhere. With
 *   only those, a seed gives bit-identical draws on every engine.
 */
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";

export type Generator = JumpableRandomGenerator;

// ------------------------------------------------------------------ the generator

const MASK64 = (BigInt(1) << BigInt(64)) - BigInt(1);
const GOLDEN = BigInt("0x9e3779b97f4a7c15");
const MIX1 = BigInt("0xbf58476d1ce4e5b9");
const MIX2 = BigInt("0x94d049bb133111eb");

/** SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference splitmix64.c): the i-th output for a seed. */
export function splitMix64(seed: number, count: number): bigint[] {
  let x = BigInt(seed) & MASK64;
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    x = (x + GOLDEN) & MASK64;
    let z = x;
    z = ((z ^ (z >> BigInt(30))) * MIX1) & MASK64;
    z = ((z ^ (z >> BigInt(27))) * MIX2) & MASK64;
    out.push(z ^ (z >> BigInt(31)));
  }
  return out;
}

/** The largest seed: seeds are whole numbers from 0 to 2³²−1. */
export const MAX_SEED = 4294967295;

/**
 * A xoroshiro128+ generator for a seed (a whole number from 0 to 2³²−1): its 128-bit state is the
 * first two SplitMix64 outputs for the seed (never all zero).
 */
export function seededGenerator(seed: number): Generator {
  const [s0, s1] = splitMix64(seed, 2);
  const word = (x: bigint, shift: number) => Number((x >> BigInt(shift)) & BigInt(0xffffffff)) | 0;
  // pure-rand keeps each 64-bit word as (high, low) 32-bit halves: state = [s0 high, s0 low, s1 high, s1 low].
  return xoroshiro128plusFromState([word(s0, 32), word(s0, 0), word(s1, 32), word(s1, 0)]);
}

const TWO26 = 67108864; // 2^26
const TWO_M52 = 2.220446049250313e-16; // 2^-52

/** A uniform number in (0, 1): (k + ½)·2⁻⁵² with k the 52 upper bits of two outputs. */
export function uniformOpen(g: Generator): number {
  const hi = g.next() >>> 6;
  const lo = g.next() >>> 6;
  return (hi * TWO26 + lo + 0.5) * TWO_M52;
}

// ------------------------------------------------------------------ fdlibm log and exp

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/**
 * POW2[e + 1100] = 2^e, built by exact doublings and halvings. fdlibm moves a number's exponent by
 * writing its high word; multiplying by an exact power of two does the same without writing part
 * of a double and reading it back whole (a store-forwarding stall that tripled the cost).
 */
const POW2_OFFSET = 1100;
const POW2 = new Float64Array(2 * POW2_OFFSET + 1);
POW2[POW2_OFFSET] = 1;
for (let e = 1; e <= POW2_OFFSET; e++) {
  POW2[POW2_OFFSET + e] = POW2[POW2_OFFSET + e - 1] * 2;
  POW2[POW2_OFFSET - e] = POW2[POW2_OFFSET - e + 1] / 2;
}

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm, fdlibm's __ieee754_log: error below 1 ulp, the same bits on every engine. */
export function log(x: number): number {
  F64[0] = x;
  let hx = U32[HI] | 0;
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | U32[LO]) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    F64[0] = x;
    hx = U32[HI] | 0;
  }
  if (hx >= 0x7ff00000) return x + x; // Infinity or NaN
  let e = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  e += i >> 20; // x = m·2^e with m in [√2/2, √2)
  k += e;
  const f = x * POW2[POW2_OFFSET - e] - 1.0;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f); // fdlibm writes 0.33333333333333333: the same double
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.4513321910194110842e2;
const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const TWO_M1000 = 9.3326361850321887899e-302;

/** e^x, fdlibm's __ieee754_exp: error below 1 ulp, the same bits on every engine. */
export function exp(x: number): number {
  F64[0] = x;
  let hx = U32[HI];
  const negative = hx >>> 31 === 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| >= 709.78…
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | U32[LO]) !== 0) return x + x; // NaN
      return negative ? 0 : x; // exp(±∞)
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: reduce
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2. e^1 as V8 gives it: the reduction below gets its last bit wrong.
      if (x === 1) return Math.E;
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      const t = k;
      hi = x - t * LN2_HI; // t·LN2_HI is exact here
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k > 1023) return y * POW2[POW2_OFFSET + k - 1] * 2; // 2^1024 itself is not a double
  if (k >= -1021) return y * POW2[POW2_OFFSET + k]; // add k to the exponent (exact)
  return y * POW2[POW2_OFFSET + k + 1000] * TWO_M1000;
}

// ------------------------------------------------------------------ normal and gamma variates

/**
 * Standard normal variates by the ziggurat method (Marsaglia & Tsang, "The ziggurat method for
 * generating random variables", J. Stat. Softw. 5(8), 2000) with 256 layers, the layer, the sign and
 * the magnitude taken from separate bits of one 32-bit output (Doornik, "An improved ziggurat method",
 * 2005, showed that sharing them biases the result): bits 24–31 pick the layer, bit 23 the sign, bits
 * 5–22 give an 18-bit magnitude (the weak low bits are left out). The magnitude's resolution, 2⁻¹⁸ of
 * a layer's width, moves the distribution function by less than 2·10⁻⁶, far below the sampling error
 * of a million draws. 99% of variates end at the first comparison, with no logarithm or exponential.
 */
const ZIG_R = 3.6541528853610088; // right edge of the base layer (256 layers)
const ZIG_V = 0.00492867323399; // area of each layer
const ZIG_INV_R = 1 / ZIG_R;
const ZIG_SCALE = 262144; // 2^18: the magnitude's range
const ZIG_K = new Float64Array(256); // accept outright when the magnitude is below ZIG_K[layer]
const ZIG_W = new Float64Array(256); // layer width / 2^18
const ZIG_F = new Float64Array(256); // density at each layer's right edge
// The tables are built on the first normal draw, not when the engine loads (the page's custom functions
// and pane load it before their first view): until then ZIG_K is all 0, so that draw takes normalEdge,
// which builds them first.
let zigguratBuilt = false;
function ziggurat(): void {
  // Marsaglia & Tsang's zigset for 256 layers; exp and log from above, so that the tables are the
  // same on every engine.
  zigguratBuilt = true;
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / exp(-0.5 * dn * dn);
  ZIG_K[0] = (dn / q) * ZIG_SCALE;
  ZIG_K[1] = 0;
  ZIG_W[0] = q / ZIG_SCALE;
  ZIG_W[255] = dn / ZIG_SCALE;
  ZIG_F[0] = 1;
  ZIG_F[255] = exp(-0.5 * dn * dn);
  for (let i = 254; i >= 1; i--) {
    dn = Math.sqrt(-2 * log(ZIG_V / dn + exp(-0.5 * dn * dn)));
    ZIG_K[i + 1] = (dn / tn) * ZIG_SCALE;
    tn = dn;
    ZIG_F[i] = exp(-0.5 * dn * dn);
    ZIG_W[i] = dn / ZIG_SCALE;
  }
}

/** A standard normal variate (mean 0, standard deviation 1). Small, so that callers inline it. */
export function standardNormal(g: Generator): number {
  const a = g.next();
  const layer = a >>> 24;
  const m = (a >>> 5) & 0x3ffff;
  // The sign as a factor of ±1 (exact), not a branch: it is a coin toss the CPU cannot predict.
  if (m < ZIG_K[layer]) return m * ZIG_W[layer] * (1 - ((a >>> 22) & 2));
  return normalEdge(g, a);
}

/** The 1% of normal variates outside a layer's core: the tail beyond ZIG_R, or the wedge; then new draws. */
function normalEdge(g: Generator, first: number): number {
  if (!zigguratBuilt) ziggurat();
  for (let a = first; ; a = g.next()) {
    const layer = a >>> 24;
    const m = (a >>> 5) & 0x3ffff;
    const negative = (a & 0x800000) !== 0;
    const x = m * ZIG_W[layer];
    if (m < ZIG_K[layer]) return negative ? -x : x;
    if (layer === 0) {
      // the tail (Marsaglia 1964)
      for (;;) {
        const xx = -ZIG_INV_R * log(uniformOpen(g));
        const yy = -log(uniformOpen(g));
        if (yy + yy > xx * xx) return negative ? -(ZIG_R + xx) : ZIG_R + xx;
      }
    }
    if ((ZIG_F[layer - 1] - ZIG_F[layer]) * uniformOpen(g) + ZIG_F[layer] < exp(-0.5 * x * x)) return negative ? -x : x;
  }
}

const TWO_M27 = 7.450580596923828e-9; // 2^-27

/**
 * Gamma(shape, 1) for shape ≥ 1 by Marsaglia & Tsang ("A simple method for generating gamma
 * variables", ACM TOMS 26(3), 2000), as NumPy's standard_gamma: d = shape − 1/3, c = 1/√(9d). The
 * uniform of the acceptance test has 27 bits (bits 5–31 of one output): it only decides a comparison.
 */
export function standardGamma(g: Generator, d: number, c: number): number {
  for (;;) {
    const x = standardNormal(g);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = ((g.next() >>> 5) + 0.5) * TWO_M27;
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}
