#!/usr/bin/env node
/**
 * Cold load to the start view in headless Chromium: the built pane (dist/taskpane.html, `npm run build`
 * first) against Microsoft's React task-pane template (scripts/bench/template-pane/, built here with
 * webpack in production mode in the same run). Each load is a fresh browser context (empty cache) on
 * one local server, office.js served to both from the pinned npm copy in place of the CDN, the two
 * pages alternating (A B B A …) after one warm-up each. The time is the page's performance.now() when
 * its first view is in the DOM: IPVALUE's start screen, the template's "Welcome" heading.
 *   node scripts/bench/cold-load.js [rounds]      (npm run bench runs it too, as section (f))
 * Prints one JSON line with medians, spreads and the JavaScript each page loaded before its view.
 */
"use strict";
/* global window, document, MutationObserver -- the functions given to page.evaluate and addInitScript run in the page */
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const { CHROMIUM, launchChromium, median } = require("./chromium");
const zlib = require("zlib");

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_JS_COPY = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const STAND_IN = path.join(ROOT, "test/setup/custom-functions-stand-in.js");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png" };

/** Microsoft's template, built as its webpack.config.js does (react in its own entry), into `out`. */
async function buildTemplate(out) {
  const webpack = require("webpack");
  const HtmlWebpackPlugin = require("html-webpack-plugin");
  const here = path.join(__dirname, "template-pane");
  const config = {
    mode: "production",
    context: ROOT,
    devtool: false,
    entry: { react: ["react", "react-dom"], taskpane: { import: path.join(here, "index.tsx"), dependOn: "react" } },
    output: { path: out, clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.build.json" } } }],
    },
    performance: { hints: false },
    plugins: [new HtmlWebpackPlugin({ filename: "taskpane.html", template: path.join(here, "taskpane.html"), chunks: ["react", "taskpane"] })],
  };
  const stats = await new Promise((resolve, reject) => webpack(config, (err, s) => (err ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  fs.mkdirSync(path.join(out, "assets"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "assets/icon-80.png"), path.join(out, "assets/logo-filled.png"));
}

/** /ipvalue/… from dist/, /template/… from the template's build. */
async function serve(roots) {
  const server = http.createServer((req, res) => {
    const [, site, ...rest] = decodeURIComponent(new URL(req.url, "http://x").pathname).split("/");
    const root = roots[site];
    const file = root && path.join(root, path.normalize(rest.join("/")));
    if (!file || !file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
    const body = fs.readFileSync(file);
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Content-Length": body.length });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** One cold load: ms from navigation to `selector` in the DOM, and the page's own scripts fetched by then. */
async function coldLoad(browser, url, selector, standIn) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  try {
    if (standIn) await context.addInitScript({ path: STAND_IN });
    await context.addInitScript((sel) => {
      const seen = () => {
        if (window.__shownAt === undefined && document.querySelector(sel)) window.__shownAt = performance.now();
      };
      new MutationObserver(seen).observe(document, { childList: true, subtree: true });
    }, selector);
    await context.route(`${OFFICE_JS_CDN}**`, (route) => {
      const file = path.join(OFFICE_JS_COPY, new URL(route.request().url()).pathname.replace("/lib/1/hosted/", ""));
      if (!file.startsWith(OFFICE_JS_COPY + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
      return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file) });
    });
    const scripts = [];
    const page = await context.newPage();
    page.on("request", (r) => {
      if (r.resourceType() === "script" && r.url().startsWith(url.replace(/[^/]*$/, ""))) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(url);
    await page.waitForSelector(selector, { state: "attached", timeout: 30000 });
    // Only the scripts asked for before the view was there (the pane fetches its on-demand views after).
    const { ms, before } = await page.evaluate(() => ({
      ms: window.__shownAt,
      before: performance
        .getEntriesByType("resource")
        .filter((e) => e.startTime < window.__shownAt)
        .map((e) => new URL(e.name).pathname),
    }));
    return { ms, scripts: scripts.filter((s) => before.includes(s)) };
  } finally {
    await context.close();
  }
}

/** Raw and gzipped bytes of the given served paths (under /ipvalue/ or /template/). */
function sizes(paths, roots) {
  let raw = 0;
  let gz = 0;
  for (const p of new Set(paths)) {
    const [, site, ...rest] = p.split("/");
    const body = fs.readFileSync(path.join(roots[site], ...rest));
    raw += body.length;
    gz += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { raw, gz };
}

async function coldLoadBench(rounds = 15) {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) return { error: "dist/ not built (run `npm run build` first)" };
  if (!fs.existsSync(CHROMIUM)) return { error: `${CHROMIUM} missing (apt-get install chromium)` };
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-template-"));
  const roots = { ipvalue: DIST, template: out };
  let server;
  let browser;
  try {
    await buildTemplate(out);
    server = await serve(roots);
    browser = await launchChromium();
    const pages = {
      ipvalue: () => coldLoad(browser, `${server.url}ipvalue/taskpane.html`, '[data-testid="start-view"]', true),
      template: () => coldLoad(browser, `${server.url}template/taskpane.html`, "h1", false),
    };
    const times = { ipvalue: [], template: [] };
    const scripts = { ipvalue: [], template: [] };
    await pages.ipvalue(); // warm-up: disk cache, Chromium's own start-up
    await pages.template();
    for (let i = 0; i < rounds; i++) {
      for (const name of i % 2 ? ["template", "ipvalue"] : ["ipvalue", "template"]) {
        const r = await pages[name]();
        times[name].push(r.ms);
        scripts[name] = r.scripts;
      }
    }
    const summary = (name) => {
      const xs = times[name];
      return {
        median: median(xs),
        min: Math.min(...xs),
        max: Math.max(...xs),
        js: sizes(scripts[name], roots),
        scripts: scripts[name].map((s) => s.replace(/^\/[^/]+\//, "")),
      };
    };
    const ipvalue = summary("ipvalue");
    const template = summary("template");
    return { rounds, ipvalue, template, ratio: ipvalue.median / template.median };
  } finally {
    if (browser) await browser.close();
    if (server) await server.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

module.exports = { coldLoadBench };

if (require.main === module) {
  coldLoadBench(Number(process.argv[2]) || 15).then(
    (r) => console.log(JSON.stringify(r)),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
