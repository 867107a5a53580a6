#!/usr/bin/env node
/** `npm stop`: ends the server `npm start` left running, and on Windows/macOS unloads the add-in from Excel. */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const pidFile = path.join(root, ".run", "server.pid");

let stopped = false;
if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  try {
    process.kill(-pid, "SIGTERM"); // the server was started detached: end its whole process group
    stopped = true;
  } catch {
    try {
      process.kill(pid, "SIGTERM");
      stopped = true;
    } catch {
      /* already gone */
    }
  }
  fs.rmSync(pidFile, { force: true });
}
if (process.platform !== "linux") {
  const bin = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  spawnSync(bin, ["stop", "manifest.xml"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
}
console.log(stopped ? "IPVALUE server stopped." : "No IPVALUE server was running.");
