/**
 * Scrambled Sobol points for the simulation's "sobol" sampling, in 32-bit integer arithmetic only, so
 * that a seed gives the same bits on every JavaScript engine.
 *
 * - Points: Sobol's sequence (Sobol' 1967) in Gray-code order (Antonov & Saleev 1979), as SciPy's
 *   `qmc.Sobol` makes them, with Joe & Kuo's direction numbers (new-joe-kuo-6.21201, data/sobol-directions.json,
 *   80 dimensions: more than there are assumptions). Unscrambled, the first point is 0; the tests check
 *   the points against SciPy's own.
 * - Scrambling: a random linear matrix scramble and a digital shift (Matoušek 1998; what SciPy does by
 *   default), both drawn from the seeded generator: each dimension's direction numbers are multiplied by
 *   a random lower-triangular binary matrix with ones on its diagonal, and its points XOR-ed with a
 *   random 32-bit word. Both keep the sequence's nets: the first 2^m points still hold one point in each
 *   interval [i/2^m, (i+1)/2^m) of every dimension. A random fraction of the finest interval is added
 *   per dimension, so that no uniform is 0 and the draws are not limited to 32 bits.
 */
import directions from "./data/sobol-directions.json";
import { Generator, uniformOpen } from "./random";

const BITS = 32;
const TWO_M32 = 2.3283064365386963e-10; // 2^-32

/** How many dimensions (assumptions drawn at once) the stored direction numbers serve. */
export const SOBOL_DIMENSIONS = directions.dimensions.length;

/** Dimension j's 32 direction numbers v_1 … v_32 (v_k's top k bits hold m_k), unscrambled. */
function directionNumbers(j: number): Uint32Array {
  const v = new Uint32Array(BITS);
  const { poly, m } = directions.dimensions[j];
  const degree = 31 - Math.clz32(poly); // poly's top bit is x^degree
  if (degree === 0) {
    // The first dimension: van der Corput's sequence, every m_k = 1.
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const mk = new Array<number>(BITS);
  for (let k = 0; k < degree; k++) mk[k] = m[k];
  // m_k = 2a_1·m_{k−1} ⊕ 2²a_2·m_{k−2} ⊕ … ⊕ 2^s·m_{k−s} ⊕ m_{k−s}, a_i the inner coefficients of poly.
  for (let k = degree; k < BITS; k++) {
    let x = mk[k - degree] ^ (mk[k - degree] * 2 ** degree);
    for (let i = 1; i < degree; i++) if ((poly >>> (degree - i)) & 1) x ^= mk[k - i] * 2 ** i;
    mk[k] = x;
  }
  for (let k = 0; k < BITS; k++) v[k] = (mk[k] * 2 ** (BITS - 1 - k)) >>> 0;
  return v;
}

const UNSCRAMBLED: Uint32Array[] = [];

function unscrambled(j: number): Uint32Array {
  return (UNSCRAMBLED[j] ??= directionNumbers(j));
}

/** The number of 1 bits of a 32-bit word, mod 2. */
function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/** A 32-bit word from the generator (the upper bits of two outputs, as uniformOpen takes them). */
function word(g: Generator): number {
  return Math.floor(uniformOpen(g) * 4294967296) >>> 0;
}

/** One dimension's scramble: its direction numbers after the matrix, its shift and its fraction. */
export interface SobolDimension {
  v: Uint32Array;
  shift: number;
  fraction: number;
}

/**
 * Dimension j scrambled by the generator, or unscrambled when g is null (the tests' comparison with
 * SciPy). The matrix L is drawn row by row (row i: the bits above the diagonal's, then 1 on it), and
 * each direction number's digits (most significant first) become L times them.
 */
export function sobolDimension(j: number, g: Generator | null): SobolDimension {
  const base = unscrambled(j);
  if (!g) return { v: base, shift: 0, fraction: 0 };
  // rows[i]: a mask over digits 1 … i+1 (bit 31 is digit 1) with digit i+1 set: a lower-triangular row.
  const rows = new Uint32Array(BITS);
  for (let i = 0; i < BITS; i++) {
    const diagonal = 2 ** (BITS - 1 - i);
    const above = i === 0 ? 0 : word(g) & (0xffffffff - (2 * diagonal - 1)); // digits 1 … i only
    rows[i] = (above | diagonal) >>> 0;
  }
  const v = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) {
    let x = 0;
    for (let i = 0; i < BITS; i++) if (parity(rows[i] & base[k])) x |= 2 ** (BITS - 1 - i);
    v[k] = x >>> 0;
  }
  // The fraction on a 2^-20 grid (plus half a step): x + fraction is then exact for every 32-bit x, so no
  // uniform rounds to 1.
  return { v, shift: word(g), fraction: (Math.floor(uniformOpen(g) * 1048576) + 0.5) / 1048576 };
}

/**
 * Points from, from + 1, … from + n − 1 of a (scrambled) dimension as uniforms in (0, 1), into `out`:
 * point i in Gray-code order is the shift XOR the v_k of the bits k of gray(i) = i ^ (i >> 1), and
 * point i + 1 is point i XOR v_c, c the lowest 0 bit of i. Unscrambled (shift and fraction 0), the
 * uniforms times 2^32 are SciPy's qmc.Sobol(bits=32) points, the tests' oracle.
 */
export function sobolUniforms(d: SobolDimension, n: number, out: Float64Array = new Float64Array(n), from = 0): Float64Array {
  const { v, shift, fraction } = d;
  let x = shift >>> 0;
  const gray = (from ^ (from >>> 1)) >>> 0;
  for (let k = 0; k < BITS; k++) if ((gray >>> k) & 1) x = (x ^ v[k]) >>> 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const at = from + i;
      const low = ~(at - 1) & at; // the lowest 0 bit of at − 1, as a one-bit word
      x = (x ^ v[31 - Math.clz32(low)]) >>> 0;
    }
    out[i] = (x + fraction) * TWO_M32;
  }
  return out;
}
