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
