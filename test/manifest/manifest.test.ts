/**
 * Offline manifest checks (`office-addin-manifest validate` needs Microsoft's web service) on the
 * manifest as written and as built: the checks themselves are in manifest-checks.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { load, manifestChecks } from "./manifest-checks";

const root = path.resolve(__dirname, "../..");

describe.each([
  ["manifest.xml", path.join(root, "manifest.xml")],
  ["dist/manifest.xml (as built)", path.join(root, "dist", "manifest.xml")],
])("%s", (_label, file) => manifestChecks(() => file));

test("every file the built manifest points to exists in dist/", async () => {
  const m = await load(path.join(root, "dist", "manifest.xml"));
  const urls = [...m.attr("DefaultValue"), ...m.attr("Value")].map((u) => u.value).filter((v) => v.startsWith("https://"));
  for (const u of urls) {
    const rel = new URL(u).pathname.replace(/^\//, "");
    expect(fs.existsSync(path.join(root, "dist", rel)) ? rel : `missing dist/${rel}`).toBe(rel);
  }
});
