/**
 * The offline checks of an add-in manifest (`office-addin-manifest validate` needs Microsoft's web service):
 * the structure Excel needs for a shared-runtime custom-functions add-in, and nothing pointing off-origin.
 * Used on manifest.xml, the built dist/manifest.xml and the one `npm run package` zips.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- xml2js ships no types
const { parseStringPromise } = require("xml2js") as { parseStringPromise: (xml: string) => Promise<any> };

const root = path.resolve(__dirname, "../..");

type Node = Record<string, any>;

/** Every element (with its tag name) anywhere below `node`. */
function walk(node: unknown, tag = "", out: { tag: string; node: Node }[] = []): { tag: string; node: Node }[] {
  if (Array.isArray(node)) node.forEach((n) => walk(n, tag, out));
  else if (node && typeof node === "object") {
    out.push({ tag, node: node as Node });
    for (const [k, v] of Object.entries(node)) if (k !== "$" && k !== "_") walk(v, k, out);
  }
  return out;
}

export async function load(file: string) {
  const xml = fs.readFileSync(file, "utf8");
  const doc = await parseStringPromise(xml);
  const elements = walk(doc);
  const attr = (name: string) => elements.filter((e) => e.node.$?.[name] !== undefined).map((e) => ({ tag: e.tag, value: e.node.$[name] as string }));
  const resources = new Map<string, Node>();
  for (const e of elements) {
    if (["bt:Image", "bt:Url", "bt:String"].includes(e.tag) && e.node.$?.id) resources.set(e.node.$.id, e.node);
  }
  return { xml, elements, attr, resources };
}

/** Declares the offline checks on the manifest `file()` names (a function: the file may be made in a beforeAll). */
export function manifestChecks(file: () => string): void {
  let m: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    if (!fs.existsSync(file())) throw new Error(`${file()} is missing: run npm run build first (npm test does)`);
    m = await load(file());
  });

  test("every resid resolves to a resource, and every resource is used", () => {
    const used = m.attr("resid").map((r) => r.value);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(m.resources.has(id) ? id : `missing resource ${id}`).toBe(id);
    for (const id of m.resources.keys()) expect(used.includes(id) ? id : `unused resource ${id}`).toBe(id);
  });

  test("every URL is https and on one origin (the add-in's own)", () => {
    const urls = [...m.attr("DefaultValue"), ...m.attr("Value")].map((u) => u.value).filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    expect(new Set(urls.map((u) => new URL(u).origin)).size).toBe(1);
    expect(m.elements.filter((e) => e.tag === "AppDomain")).toEqual([]);
  });

  test("shared runtime: one long-lived runtime on the task pane page, SharedRuntime 1.1 required", () => {
    const runtimes = m.elements.filter((e) => e.tag === "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].node.$).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    const sets = m.elements.filter((e) => e.tag === "Set").map((e) => e.node.$);
    expect(sets).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
    // The functions page, the function file and the task pane action are that same page.
    const page = m.elements.find((e) => e.tag === "Page")!.node.SourceLocation[0].$.resid;
    expect(page).toBe("Taskpane.Url");
    expect(m.elements.find((e) => e.tag === "FunctionFile")!.node.$.resid).toBe("Taskpane.Url");
  });

  test("custom functions: namespace IPVALUE, script, metadata with a ja-JP override to functions-ja.json", () => {
    const ns = m.elements.find((e) => e.tag === "Namespace")!.node.$.resid;
    expect(m.resources.get(ns)!.$.DefaultValue).toBe("IPVALUE");
    const meta = m.resources.get("Functions.Metadata.Url")!;
    expect(meta.$.DefaultValue).toMatch(/\/functions\.json$/);
    expect(meta["bt:Override"][0].$).toEqual({ Locale: "ja-JP", Value: expect.stringMatching(/\/functions-ja\.json$/) });
    expect(m.resources.get("Functions.Script.Url")!.$.DefaultValue).toMatch(/\/functions\.js$/);
  });

  test("permissions are ReadWriteDocument and the host is Workbook", () => {
    expect(m.xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(m.elements.filter((e) => e.tag === "Host" && e.node.$?.Name).map((e) => e.node.$.Name)).toEqual(["Workbook"]);
  });

  test("user-facing strings have Japanese overrides", () => {
    for (const e of m.elements.filter((x) => x.tag === "bt:String" && x.node.$.id !== "Functions.Namespace")) {
      expect(e.node["bt:Override"]?.[0]?.$?.Locale ?? `no ja-JP override for ${e.node.$.id}`).toBe("ja-JP");
    }
  });

  test("office-addin-manifest reads the manifest offline", () => {
    const out = execFileSync(path.join(root, "node_modules/.bin/office-addin-manifest"), ["info", file()], { cwd: root, encoding: "utf8" });
    // The tool exits 0 even on failure: read what it printed.
    expect(out).toMatch(/Id: 4f277723-bab3-4d0b-a85e-d737549533b1/);
    expect(out).toMatch(/Hosts: Workbook/);
    expect(out).toMatch(/Permissions: ReadWriteDocument/);
  });
}
