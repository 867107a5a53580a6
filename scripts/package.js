#!/usr/bin/env node
/**
 * `npm run package`: the add-in as an office deploys it. Builds for production with every URL on
 * IPVALUE_URL (the static https folder the site will be served from), then writes one zip holding the
 * built site, manifest.xml for that host included, laid out as the folder is served (unzip it there
 * and upload manifest.xml in the Microsoft 365 admin center or to an add-in catalog).
 *   IPVALUE_URL=https://tlo.example.ac.jp/ipvalue/ npm run package
 *   … npm run package -- --dist <build folder> --out <zip file>   (defaults: dist/, ipvalue-<version>.zip)
 * IPVALUE_OFFICE_JS=local is passed on to the build (office.js served from the same folder).
 * Source maps stay out of the zip (the host need not serve them). Refuses, writing nothing, when the
 * built manifest names a URL off IPVALUE_URL or a file the build did not make.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const JSZip = require("jszip");

const root = path.resolve(__dirname, "..");

/** IPVALUE_URL as the build needs it: an absolute https URL of a folder (ending in "/"), without query or fragment. */
function hostUrl(raw) {
  if (!raw) throw new Error("IPVALUE_URL is not set: give the https address the site will be served from, e.g. IPVALUE_URL=https://tlo.example.ac.jp/ipvalue/");
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`IPVALUE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`IPVALUE_URL must be https (Office loads add-ins over https only): ${raw}`);
  if (url.search || url.hash) throw new Error(`IPVALUE_URL must be a folder, without ? or #: ${raw}`);
  if (url.hostname === "localhost") throw new Error(`IPVALUE_URL is localhost, the development address; npm start serves that`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function option(argv, name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : fallback;
}

/** Every file below `dir`, as paths relative to it with "/" separators. */
function filesBelow(dir, base = dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesBelow(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join("/")]));
}

/** The URLs the manifest gives Office (DefaultValue and Value attributes, and AppDomain elements). */
function manifestUrls(xml) {
  const attributes = [...xml.matchAll(/\s(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/gi)].map((m) => m[1]);
  const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1].trim());
  return [...attributes, ...domains];
}

/** What is wrong with the built site for `host` (empty when nothing is). */
function problems(xml, files, host) {
  const found = [];
  if (xml.includes("localhost")) found.push("the manifest still names localhost");
  const urls = manifestUrls(xml);
  if (urls.length === 0) found.push("the manifest names no URL");
  for (const u of urls) {
    if (!u.startsWith(host)) found.push(`${u} is not on ${host}`);
    else {
      const file = decodeURIComponent(new URL(u).pathname.slice(new URL(host).pathname.length));
      if (file && !files.includes(file)) found.push(`${u} names ${file}, which the build did not make`);
    }
  }
  return found;
}

async function main(argv = process.argv.slice(2)) {
  const host = hostUrl(process.env.IPVALUE_URL);
  const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
  const dist = option(argv, "--dist", path.join(root, "dist"));
  const out = option(argv, "--out", path.join(root, `ipvalue-${version}.zip`));
  if (out.startsWith(dist + path.sep)) throw new Error("--out must be outside the build folder (the build empties it)");

  const webpack = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "webpack.cmd" : "webpack");
  const built = spawnSync(webpack, ["--mode", "production", "--output-path", dist], {
    cwd: root,
    env: { ...process.env, IPVALUE_URL: host },
    stdio: ["ignore", "inherit", "inherit"],
    shell: process.platform === "win32",
  });
  if (built.status !== 0) throw new Error(`the build failed (webpack exit ${built.status ?? built.signal})`);

  const files = filesBelow(dist).filter((f) => !f.endsWith(".map"));
  const xml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
  const wrong = problems(xml, files, host);
  if (wrong.length > 0) throw new Error(`not packaged:\n  ${wrong.join("\n  ")}`);

  const zip = new JSZip();
  for (const f of files) zip.file(f, fs.readFileSync(path.join(dist, f)), { date: new Date("2000-01-01T00:00:00Z") });
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bytes);
  console.log(`${path.relative(process.cwd(), out) || out}: ${files.length} files, ${(bytes.length / 1024 / 1024).toFixed(1)} MiB, for ${host}`);
  console.log(`Serve its contents at ${host} (https), then deploy its manifest.xml (README: Deploying to an office).`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`npm run package: ${e.message}`);
    process.exit(1);
  });
}

module.exports = { hostUrl, manifestUrls, problems };
