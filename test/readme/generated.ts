/**
 * README sections generated from the code: each sits between two markers and is checked against what
 * the code generates; `UPDATE_README=1 npx jest test/readme` rewrites them instead.
 */
import * as fs from "fs";
import * as path from "path";

export const README = path.resolve(__dirname, "../../README.md");

export function checkGeneratedSection(start: string, end: string, generated: string): void {
  const readme = fs.readFileSync(README, "utf8");
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (process.env.UPDATE_README === "1") {
    if (from < 0 || to < 0) throw new Error(`README.md needs the markers ${start} and ${end}`);
    fs.writeFileSync(README, readme.slice(0, from) + generated + readme.slice(to + end.length));
    return;
  }
  expect(from).toBeGreaterThan(0);
  expect(readme.slice(from, to + end.length)).toBe(generated);
}
