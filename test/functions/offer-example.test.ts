/** The README's OFFER example (test/fixtures/spin-out.ts): case 7's model A against model B, the numbers printed there. */
import { readFileSync } from "fs";
import path from "path";
import { SPIN_OUT } from "../fixtures/spin-out";
import { F, grid } from "./helpers";

const README = readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
const offer = (preset: string) => grid(F.OFFER(SPIN_OUT, grid(F.TERMS(preset, 150)), "rnpv, licensee_npv, equivalent_rate"));
const money = (x: number) => (x < 0 ? "−" : "") + Math.round(Math.abs(x)).toLocaleString("en-US");
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

describe("README: which express license for a spin-out", () => {
  const a = offer("case7_a");
  const b = offer("case7_b_no_approval");

  test("the table printed is what OFFER gives for model A and model B", () => {
    expect(a[0]).toEqual(["scenario", "rnpv", "licensee_npv", "equivalent_rate"]);
    for (let i = 1; i <= 3; i++) {
      const row = [
        a[i][0],
        money(a[i][1] as number),
        money(a[i][2] as number),
        pct(a[i][3] as number),
        money(b[i][1] as number),
        money(b[i][2] as number),
        pct(b[i][3] as number),
      ];
      expect(README).toContain(`| ${row.join(" | ")} |`);
    }
  });

  test("what the README reads from it holds: B worth 2.2 to 2.5 times A, half the base case left to the startup, the low case failing either way", () => {
    for (let i = 1; i <= 3; i++) expect((b[i][1] as number) / (a[i][1] as number)).toBeGreaterThan(2.2);
    expect((b[2][2] as number) / (a[2][2] as number)).toBeLessThan(0.6);
    expect([a[1][2], b[1][2]].every((x) => (x as number) < 0)).toBe(true);
  });
});
