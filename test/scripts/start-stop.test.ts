/**
 * `npm start` on Linux (no Excel): builds, serves the add-in over https on localhost with generated
 * certificates and prints how to upload the manifest; `npm stop` ends the server.
 */
import { execFileSync } from "child_process";
import * as https from "https";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const port = 3000;

function get(urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: "localhost", port, path: urlPath, rejectUnauthorized: false, timeout: 5000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error("timeout")));
  });
}

const run = (script: string) => execFileSync(process.execPath, [path.join(root, "scripts", script)], { cwd: root, encoding: "utf8", timeout: 240000 });

(process.platform === "linux" ? describe : describe.skip)("npm start / npm stop on Linux", () => {
  afterAll(() => {
    run("stop.js"); // never leave a server behind, even when a test failed
  });

  test("start serves manifest, metadata, functions and the pane (office.js from Microsoft's CDN) over https and prints the upload steps", async () => {
    const out = run("start.js");
    expect(out).toContain(`Manifest:  https://localhost:${port}/manifest.xml`);
    expect(out).toMatch(/Upload My Add-in/);
    expect(out).toMatch(/npm stop/);
    for (const file of ["/manifest.xml", "/taskpane.html", "/functions.js", "/functions.json", "/functions-ja.json"]) {
      const r = await get(file);
      expect(`${file} ${r.status}`).toBe(`${file} 200`);
    }
    expect(JSON.parse((await get("/functions-ja.json")).body).functions.length).toBeGreaterThan(10);
    expect((await get("/taskpane.html")).body).toMatch(/src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
  });

  test("a second start finds the running server instead of starting another", () => {
    expect(run("start.js")).toMatch(/already being served/);
  });

  test("stop ends the server", async () => {
    expect(run("stop.js")).toMatch(/IPVALUE server stopped/);
    await expect(get("/manifest.xml")).rejects.toThrow();
  });
});
