/**
 * `npm run package` for a host of an office's own: scripts/package.js is run as a user runs it (a real
 * production build, with IPVALUE_URL set), into a temporary folder, and its zip is read back with
 * JSZip. The zip's manifest must point every URL Office is given at IPVALUE_URL, name only files the zip
 * holds, and pass the same offline checks as manifest.xml (test/manifest/manifest-checks.ts).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { load, manifestChecks } from "../manifest/manifest-checks";

const root = path.resolve(__dirname, "../..");
const SCRIPT = path.join(root, "scripts", "package.js");
const HOST = "https://tlo.example.ac.jp/ipvalue/";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the script under test is plain CommonJS
const { hostUrl } = require(SCRIPT) as { hostUrl: (raw: string | undefined) => string };

let tmp: string;
let zip: JSZip;
let manifestFile: string;
let names: string[];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-package-"));
  const out = path.join(tmp, "ipvalue.zip");
  // Without the trailing "/", as people type it: the script adds it.
  execFileSync(process.execPath, [SCRIPT, "--dist", path.join(tmp, "site"), "--out", out], {
    cwd: root,
    env: { ...process.env, IPVALUE_URL: HOST.replace(/\/$/, ""), IPVALUE_OFFICE_JS: "" },
    stdio: "pipe",
  });
  zip = await JSZip.loadAsync(fs.readFileSync(out));
  names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  manifestFile = path.join(tmp, "manifest.xml");
  fs.writeFileSync(manifestFile, await zip.file("manifest.xml")!.async("nodebuffer"));
}, 300000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("the zip's manifest.xml passes the offline manifest checks", () => manifestChecks(() => manifestFile));

test("every URL in the zip's manifest is on IPVALUE_URL and names a file in the zip", async () => {
  const m = await load(manifestFile);
  const urls = [...m.attr("DefaultValue"), ...m.attr("Value"), ...m.elements.filter((e) => e.tag === "AppDomain").map((e) => ({ value: String(e.node) }))]
    .map((u) => u.value)
    .filter((v) => /^[a-z]+:\/\//i.test(v));
  expect(urls.length).toBeGreaterThanOrEqual(12);
  for (const u of urls) {
    expect(u.startsWith(HOST) ? HOST : u).toBe(HOST);
    const file = decodeURIComponent(u.slice(HOST.length).replace(/[?#].*$/, ""));
    expect(names.includes(file) ? file : `not in the zip: ${file}`).toBe(file);
  }
  expect(m.xml).not.toContain("localhost");
});

test("the manifest's task pane, icons, functions and help are the zip's own files at IPVALUE_URL", async () => {
  const m = await load(manifestFile);
  const value = (tag: string) => m.elements.find((e) => e.tag === tag)!.node.$.DefaultValue;
  const resource = (id: string) => m.resources.get(id)!.$.DefaultValue;
  expect(m.elements.find((e) => e.tag === "DefaultSettings")!.node.SourceLocation[0].$.DefaultValue).toBe(`${HOST}taskpane.html`);
  expect(value("IconUrl")).toBe(`${HOST}assets/icon-32.png`);
  expect(value("HighResolutionIconUrl")).toBe(`${HOST}assets/icon-64.png`);
  expect(value("SupportUrl")).toBe(`${HOST}help.html`);
  expect(resource("Taskpane.Url")).toBe(`${HOST}taskpane.html`);
  expect(resource("Functions.Script.Url")).toBe(`${HOST}functions.js`);
  expect(resource("Functions.Metadata.Url")).toBe(`${HOST}functions.json`);
  expect(resource("GetStarted.LearnMoreUrl")).toBe(`${HOST}help.html`);
  for (const size of ["16", "32", "80"]) expect(resource(`Icon.${size}x${size}`)).toBe(`${HOST}assets/icon-${size}.png`);
  const overrides = [...m.xml.matchAll(/<(?:bt:)?Override Locale="ja-JP" Value="([^"]+)"/g)].map((x) => x[1]).filter((v) => v.startsWith("http"));
  expect(overrides.sort()).toEqual([`${HOST}functions-ja.json`, `${HOST}help-ja.html`, `${HOST}help-ja.html`]);
});

test("each function's helpUrl, in both languages, is on IPVALUE_URL and its page is in the zip", async () => {
  for (const file of ["functions.json", "functions-ja.json"]) {
    const { functions } = JSON.parse(await zip.file(file)!.async("string")) as { functions: { id: string; helpUrl: string }[] };
    expect(functions.length).toBeGreaterThan(20);
    for (const f of functions) {
      expect(f.helpUrl.startsWith(HOST) ? HOST : f.helpUrl).toBe(HOST);
      expect(names).toContain(f.helpUrl.slice(HOST.length).replace(/#.*$/, ""));
    }
  }
});

test("the pane's page finds its scripts in the zip; office.js comes from Microsoft's CDN; no source maps", async () => {
  const html = await zip.file("taskpane.html")!.async("string");
  // The page is minified: attribute values may be unquoted.
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((x) => x[1] ?? x[2]);
  expect(scripts).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  const own = scripts.filter((s) => !/^https:/.test(s));
  expect(own.length).toBeGreaterThanOrEqual(2);
  for (const s of own) expect(names).toContain(s.replace(/^\.?\//, ""));
  expect(names.filter((n) => n.endsWith(".map"))).toEqual([]);
  expect(names).toEqual(expect.arrayContaining(["taskpane.js", "functions.js", "help.html", "help-ja.html", "pdfjs/pdf.worker.min.js"]));
});

test.each([
  [undefined, /IPVALUE_URL is not set/],
  ["http://tlo.example.ac.jp/ipvalue/", /must be https/],
  ["https://tlo.example.ac.jp/ipvalue/?v=1", /must be a folder/],
  ["https://localhost:3000/", /localhost/],
  ["tlo.example.ac.jp/ipvalue", /not a URL/],
])("IPVALUE_URL %p is refused with its reason, before any build", (raw, reason) => {
  expect(() => hostUrl(raw)).toThrow(reason);
  const run = spawnSync(process.execPath, [SCRIPT, "--dist", path.join(os.tmpdir(), "ipvalue-never-built"), "--out", path.join(os.tmpdir(), "never.zip")], {
    cwd: root,
    env: { ...process.env, IPVALUE_URL: raw ?? "" },
    encoding: "utf8",
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(reason);
  expect(fs.existsSync(path.join(os.tmpdir(), "ipvalue-never-built"))).toBe(false);
});
