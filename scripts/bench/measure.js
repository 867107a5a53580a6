/**
 * A small timing harness: calibrate a batch size, warm up, then time several rounds and report the
 * median rate. Each call's result is folded into a sink so the work cannot be optimised away.
 */
"use strict";

let sink = 0;
const now = () => Number(process.hrtime.bigint()) / 1e9;

/** Runs `call(i)` for i = 0..n-1, folding numeric results into the sink. */
function batch(call, n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const r = call(i);
    s += typeof r === "number" ? r : 1;
  }
  sink += s;
}

/**
 * Calls per second of `call`, median of `rounds` rounds of about `roundSeconds` each, after about
 * `warmupSeconds` of warm-up (at least one batch of `firstBatch` calls).
 */
function measure(call, { rounds = 7, roundSeconds = 0.25, warmupSeconds = 0.4, firstBatch = 64 } = {}) {
  // Warm-up (lets the JIT optimise) and calibration of the batch size; firstBatch 1 for calls of seconds.
  let n = firstBatch;
  const until = now() + warmupSeconds;
  let perCall = Infinity;
  while (now() < until || perCall === Infinity) {
    const t0 = now();
    batch(call, n);
    const dt = now() - t0;
    if (dt > 0.02) perCall = Math.min(perCall, dt / n);
    if (dt < 0.05) n *= 2;
  }
  const size = Math.max(1, Math.round(roundSeconds / perCall));
  const rates = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    batch(call, size);
    rates.push(size / (now() - t0));
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  return { median, min: rates[0], max: rates[rates.length - 1], rounds, callsPerRound: size };
}

module.exports = { measure, getSink: () => sink };
