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
});
