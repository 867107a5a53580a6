/**
 * Bench (e): IPVALUE.BAND with an unknown key and 1,000 user bands, per second.
 *  - the "did you mean" lookup as it was before bounded messages (edit distance against every key,
 *    whatever its length), kept here as the baseline and run in the same process on the same rows;
 *  - the engine's similarKeys (keys of at most SIMILAR_KEY_CHARS, within the allowed length difference);
 *  - IPVALUE.BAND as Excel calls it (the 1,000 user bands parsed, the lookup, the #N/A message).
 * For an unknown 32,767-character key (Excel's longest cell) and for an ordinary typo, whose
 * suggestions both lookups must agree on.
 */
"use strict";

const USER_BANDS = 1000;
const LONG_KEY = "k".repeat(32767);
const TYPO = "own_deal_0O07";

/** The lookup before bounded messages, verbatim apart from its inputs. */
function unboundedSimilarKeys(rows, key) {
  const norm = (s) => s.trim().toLowerCase();
  const editDistance = (a, b) => {
    const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diag = prev[0];
      prev[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const up = prev[j];
        prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
        diag = up;
      }
    }
    return prev[b.length];
  };
  const k = norm(key);
  if (k === "") return [];
  return rows
    .map((r) => {
      const rk = norm(r.key);
      return { key: r.key, d: rk.includes(k) || k.includes(rk) ? 0 : editDistance(rk, k) };
    })
    .filter((s) => s.d <= Math.max(2, Math.floor(k.length / 4)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((s) => s.key);
}

function bandLookupBench({ engine, functions: F, measure, rounds }) {
  const range = [
    ["key", "low", "high", "unit"],
    ...Array.from({ length: USER_BANDS }, (_, i) => [`own_deal_${String(i).padStart(4, "0")}`, 0.02, 0.05, "share_of_net_sales"]),
  ];
  const rows = engine.mergeBands(engine.parseUserBands(range));
  for (const key of [LONG_KEY, TYPO]) {
    const before = JSON.stringify(unboundedSimilarKeys(rows, key));
    const after = JSON.stringify(engine.similarKeys(rows, key));
    if (before !== after) throw new Error(`BAND's suggestions changed for a ${key.length}-character key: ${before} before, ${after} now`);
  }
  const band = (key) => {
    const r = F.band(key, null, range)[0][0];
    if (!(r instanceof globalThis.CustomFunctions.Error) || r.message.length > 600) throw new Error("BAND did not give a short #N/A");
    return r.message.length;
  };
  // The old lookup takes seconds a call on the long key: few short rounds.
  const slow = { rounds: 3, roundSeconds: 0.01, warmupSeconds: 0, firstBatch: 1 };
  const opts = { rounds };
  return {
    rows: rows.length,
    long: {
      before: measure(() => unboundedSimilarKeys(rows, LONG_KEY).length, slow),
      after: measure(() => engine.similarKeys(rows, LONG_KEY).length, opts),
      band: measure(() => band(LONG_KEY), opts),
    },
    typo: {
      before: measure(() => unboundedSimilarKeys(rows, TYPO).length, opts),
      after: measure(() => engine.similarKeys(rows, TYPO).length, opts),
      band: measure(() => band(TYPO), opts),
    },
  };
}

module.exports = { bandLookupBench, unboundedSimilarKeys, USER_BANDS, LONG_KEY_CHARS: LONG_KEY.length };
