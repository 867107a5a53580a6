/**
 * The few order statistics a simulation's summary needs (the two values around each percentile),
 * without sorting all the draws: a quickselect per needed rank on one copy, each rank's search starting
 * where the previous one left off. Every value returned is the one a full ascending sort puts at that
 * rank, so PERCENTILE.INC gives the same bits as on the sorted draws.
 *
 * Why not always: a full sort orders −0 before +0 and NaN last, and < does not; draws holding a zero
 * or a NaN are sorted whole instead (exact, and rare: a licensor value is seldom exactly 0).
 */

/** The values at `ranks` (0-based, any order) once `values` are sorted ascending, as a sparse array:
 * entries at other ranks are in no particular order. `values` is not changed. */
export function atRanks(values: ArrayLike<number>, ranks: readonly number[]): Float64Array {
  const a = Float64Array.from(values);
  for (let i = 0; i < a.length; i++) if (a[i] === 0 || a[i] !== a[i]) return a.sort();
  const wanted = [...new Set(ranks)].filter((r) => r >= 0 && r < a.length).sort((x, y) => x - y);
  let lo = 0;
  for (const k of wanted) {
    select(a, k, lo, a.length - 1);
    lo = k + 1; // everything after k is ≥ a[k]: the next rank is found to its right
  }
  return a;
}

/** Puts the k-th smallest of a[lo..hi] at a[k], smaller or equal ones before it, larger or equal after
 * (Hoare partition around a median of three; insertion sort below 16 values). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi - lo >= 16) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return; // between j and i every value equals the pivot
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;
const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;

/**
 * The indices of `values` in ascending order of value, equal values in index order, −0 equal to +0:
 * a stable sort's order, by least-significant-digit radix sort of the doubles' bits (six passes of 11
 * bits, each a count and a stable scatter) instead of n·log n comparisons. Iman–Conover ranks every
 * correlated column's scores with it. Null when a value is NaN (it has no place in that order).
 */
export function stableOrder(values: ArrayLike<number>): Int32Array | null {
  const n = values.length;
  // Each double's bits as an unsigned 64-bit number (hi, lo) that sorts as the doubles do: the sign
  // bit flipped for positives, every bit flipped for negatives.
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) return null;
    F64[0] = v === 0 ? 0 : v; // −0 as +0
    const h = U32[HI];
    const l = U32[LO];
    if (h >>> 31 === 1) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  let order = new Int32Array(n);
  let next = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const count = new Int32Array(BUCKETS);
  const digit = new Uint16Array(n);
  for (let shift = 0; shift < 64; shift += DIGIT_BITS) {
    // This pass's digit of every value (one straddles the two words: bits 22–32).
    if (shift + DIGIT_BITS <= 32) for (let i = 0; i < n; i++) digit[i] = (lo[i] >>> shift) & MASK;
    else if (shift >= 32) for (let i = 0; i < n; i++) digit[i] = (hi[i] >>> (shift - 32)) & MASK;
    else for (let i = 0; i < n; i++) digit[i] = ((lo[i] >>> shift) | (hi[i] << (32 - shift))) & MASK;
    count.fill(0);
    for (let i = 0; i < n; i++) count[digit[i]]++;
    if (n === 0 || count[digit[0]] === n) continue; // every value has this digit: the order stands
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let r = 0; r < n; r++) {
      const i = order[r];
      next[count[digit[i]]++] = i;
    }
    const t = order;
    order = next;
    next = t;
  }
  return order;
}
