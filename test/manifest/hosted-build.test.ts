/**
 * A production build for a host of one's own (`IPVALUE_URL=https://your.host/path/ npm run build`)
 * moves every URL Excel is given there: the manifest's and each function's helpUrl, in English and in
 * Japanese. Runs webpack.config.js itself with no entry (the metadata, help pages and manifest only).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

const root = path.resolve(__dirname, "../..");
const HOST = "https://tto.example.ac.jp/ipvalue/";

let out: string;
beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-hosted-"));
  const before = process.env.IPVALUE_URL;
  process.env.IPVALUE_URL = HOST;
  let config: webpack.Configuration;
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own config, read with IPVALUE_URL set
      const make = require(path.join(root, "webpack.config.js")) as (env: object, options: object) => Promise<webpack.Configuration>;
      config = make({}, { mode: "production" }) as unknown as webpack.Configuration;
    });
    config = await (config! as unknown as Promise<webpack.Configuration>);
  } finally {
    if (before === undefined) delete process.env.IPVALUE_URL;
    else process.env.IPVALUE_URL = before;
  }
  const plain = { ...config, mode: "production" as const, context: root, entry: {}, output: { ...config.output, path: out } };
  // The task pane page needs the bundles this build does not make.
  plain.plugins = (config.plugins ?? []).filter((p) => p?.constructor?.name !== "HtmlWebpackPlugin");
  const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(plain, (err, s) => (err || !s ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}, 120000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test.each([
  ["functions.json", "help.html"],
  ["functions-ja.json", "help-ja.html"],
])("%s: every helpUrl is on IPVALUE_URL and finds its section in the built %s", (file, page) => {
  const { functions } = JSON.parse(fs.readFileSync(path.join(out, file), "utf8")) as { functions: { id: string; helpUrl?: string }[] };
  expect(functions.length).toBeGreaterThan(20);
  const built = fs.readFileSync(path.join(out, page), "utf8");
  for (const f of functions) {
    expect(f.helpUrl).toBe(`${HOST}${page}#ipvalue-${f.id.toLowerCase()}`);
    expect(built).toContain(`<section id="ipvalue-${f.id.toLowerCase()}"`);
  }
  expect(fs.readFileSync(path.join(out, file), "utf8")).not.toContain("localhost");
});

test("the manifest's URLs, the help pages' among them, are on IPVALUE_URL", () => {
  const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain(`${HOST}help.html`);
  expect(manifest).toContain(`${HOST}help-ja.html`);
});
