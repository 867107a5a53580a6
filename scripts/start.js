#!/usr/bin/env node
/**
 * `npm start`. On Windows and macOS it sideloads into desktop Excel as Microsoft's template does
 * (office-addin-debugging, which builds and starts the dev server). On Linux there is no Excel: it
 * builds, serves the add-in over https on localhost with locally generated certificates (no sudo
 * needed), and prints how to upload the manifest to Excel on the web. `npm stop` ends the server.
 *   npm start            desktop Excel (Windows/macOS) or serve-only (Linux)
 *   npm start -- web     serve-only on any platform, for Excel on the web
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const https = require("https");
const path = require("path");

const root = path.resolve(__dirname, "..");
const runDir = path.join(root, ".run");
const pidFile = path.join(runDir, "server.pid");
const logFile = path.join(runDir, "server.log");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

// The office-addin-* tools report usage data to Microsoft unless told not to; IPVALUE sends nothing.
function usageDataOff() {
  const log = console.log;
  try {
    console.log = () => undefined;
    require("office-addin-usage-data/lib/command").turnUsageDataOff();
  } catch {
    /* older versions: nothing to turn off */
  } finally {
    console.log = log;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function probe() {
  return new Promise((resolve) => {
    const req = https.get({ host: "localhost", port, path: "/manifest.xml", rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
  });
}

async function serveOnly() {
  fs.mkdirSync(runDir, { recursive: true });
  if (fs.existsSync(pidFile) && alive(Number(fs.readFileSync(pidFile, "utf8")))) {
    console.log(`IPVALUE is already being served (pid ${fs.readFileSync(pidFile, "utf8").trim()}); \`npm stop\` ends it.`);
    return instructions();
  }
  // Certificates first, so a failure is reported here rather than in a detached server's log.
  await require("./certs").certificateOptions();
  const out = fs.openSync(logFile, "w");
  const server = spawn(bin("webpack"), ["serve", "--mode", "development"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", out, out],
  });
  server.unref();
  fs.writeFileSync(pidFile, String(server.pid));
  process.stdout.write(`Building and serving IPVALUE on https://localhost:${port}/ (log: ${path.relative(root, logFile)}) `);
  const deadline = Date.now() + 180000;
  while (Date.now() < deadline) {
    if (!alive(server.pid)) {
      console.error(`\nThe server stopped. Last lines of ${logFile}:\n${fs.readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n")}`);
      fs.rmSync(pidFile, { force: true });
      process.exit(1);
    }
    if (await probe()) {
      console.log("ready.");
      return instructions();
    }
    process.stdout.write(".");
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.error("\nThe server did not answer within 3 minutes; see the log. `npm stop` ends it.");
  process.exit(1);
}

function instructions() {
  const { caCertificatePath } = require("./certs");
  console.log(`
Manifest:  https://localhost:${port}/manifest.xml   (file: ${path.join(root, "manifest.xml")})

There is no desktop Excel on this platform. To use IPVALUE in Excel on the web, in a browser on this machine:
  1. Trust the development certificate once: import ${caCertificatePath} as a trusted
     certificate authority in the browser (or open https://localhost:${port}/taskpane.html and accept the warning).
  2. Open a workbook at https://www.office.com, then Home > Add-ins > More Add-ins > Upload My Add-in
     (or Insert > Office Add-ins > Upload My Add-in), and choose the manifest.xml file above.
  3. Type =IPVALUE. in a cell.
\`npm stop\` ends the server.`);
}

function desktop(args) {
  const r = spawnSync(bin("office-addin-debugging"), ["start", "manifest.xml", ...args], {
    cwd: root,
    stdio: "pipe",
    encoding: "utf8",
    shell: process.platform === "win32",
  });
  const output = `${r.stdout || ""}${r.stderr || ""}`;
  process.stdout.write(output);
  // office-addin-debugging exits 0 even when it fails: read what it said.
  if (r.status !== 0 || /platform not supported|error/i.test(output)) process.exit(r.status || 1);
}

const args = process.argv.slice(2);
usageDataOff();
if (process.platform === "linux" || args.includes("web") || args.includes("--serve-only")) {
  serveOnly().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  desktop(args);
}
