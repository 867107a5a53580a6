/** IPVALUE.RANGE's reference-bands row: the royalty rates published terms give, beside the DCF. */
import { F, grid, spilledError } from "./helpers";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";

describe("IPVALUE.RANGE with reference bands", () => {
  test("a band_filter adds a band_rate row after the default outputs", () => {
    const r = grid(F.RANGE(MEDICAL_DEVICE, null, null, "meti2010", null));
    expect(r.map((row) => row[0])).toEqual(["output", "rnpv", "npv", "rate25", "maxrate", "band_rate"]);
    expect(r[5].slice(1)).toEqual([0.037, 0.043, 0.06]);
  });

  test("band_rate can be asked for by name, with labels off", () => {
    expect(grid(F.RANGE(MEDICAL_DEVICE, "rate25, band_rate", false, "case07b approval", null))).toEqual([
      [0.045, 0.055, 0.065],
      [0.01, 0.015, 0.02],
    ]);
  });

  test('"all" takes every royalty band; the user\'s own deal widens it', () => {
    const user = [
      ["key", "low", "high", "unit"],
      ["our_deal", 0.12, 0.12, "share_of_net_sales"],
    ];
    const all = grid(F.RANGE(MEDICAL_DEVICE, "band_rate", false, "all", null))[0] as number[];
    const mine = grid(F.RANGE(MEDICAL_DEVICE, "band_rate", false, "all", user))[0] as number[];
    expect(all[2]).toBeLessThan(0.12);
    expect(mine[2]).toBe(0.12);
  });

  test("a filter no band matches is #N/A naming it", () => {
    spilledError(F.RANGE(MEDICAL_DEVICE, null, null, "zzz_nothing", null), "#N/A", /No band matches/);
  });

  test("without band_filter the range is unchanged", () => {
    expect(grid(F.RANGE(MEDICAL_DEVICE, null, null, null, null))).toHaveLength(5);
  });

  describe("band_spread: the ends of the band_rate row", () => {
    // Five comparables of the office's own, midpoints 1 %, 2 %, 3 %, 4 % and 10 %, lows 0.5 % under, highs 0.5 % over.
    const OWN = [
      ["key", "low", "high", "unit", "source"],
      ...[0.01, 0.02, 0.03, 0.04, 0.1].map((mid, i) => [`own_${i + 1}`, mid - 0.005, mid + 0.005, "share_of_net_sales", "ownfive"]),
    ];
    const row = (spread: string | null) => grid(F.RANGE(MEDICAL_DEVICE, "band_rate", false, "ownfive", OWN, spread))[0] as number[];

    test('"minmax" (and omitted): from the lowest low to the highest high, the median midpoint between', () => {
      [0.005, 0.03, 0.105].forEach((v, i) => expect(row(null)[i]).toBeCloseTo(v, 15));
      expect(row("minmax")).toEqual(row(null));
    });

    test('"iqr": the first and third quartiles of the midpoints (PERCENTILE.INC: ranks 1 and 3 of 0…4 → 2 % and 4 %), by hand', () => {
      const [low, base, high] = row("iqr");
      expect(low).toBeCloseTo(0.02, 15);
      expect(base).toBeCloseTo(0.03, 15);
      expect(high).toBeCloseTo(0.04, 15);
      expect(row("四分位")).toEqual(row("iqr"));
    });

    test('"iqr" equals BANDSTATS\' q1, median and q3 for the same bands (built-in, patent)', () => {
      const stats = grid(F.BANDSTATS("patent", null, null)) as unknown[][];
      const at = (name: string) => stats.find((r) => r[0] === name)![1] as number;
      const iqr = grid(F.RANGE(MEDICAL_DEVICE, "band_rate", false, "patent", null, "iqr"))[0] as number[];
      expect(iqr).toEqual([at("q1"), at("median"), at("q3")]);
      const minmax = grid(F.RANGE(MEDICAL_DEVICE, "band_rate", false, "patent", null, null))[0] as number[];
      expect(minmax[0]).toBeLessThan(iqr[0]);
      expect(minmax[2]).toBeGreaterThan(iqr[2]);
    });

    test("an unknown spread is #VALUE! naming the choices", () => {
      spilledError(F.RANGE(MEDICAL_DEVICE, "band_rate", false, "patent", null, "widest"), "#VALUE!", /minmax.*iqr/);
    });
  });
});
