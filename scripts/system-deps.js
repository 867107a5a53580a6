#!/usr/bin/env node
/**
 * The tests drive Debian's Chromium (headless browser test of the built add-in) and LibreOffice Calc
 * (independent recalculation of .xlsx cross-checks), the Japanese screenshots need a CJK font, and
 * pictures of workbooks rendered by LibreOffice need pdftoppm.
 * None of these comes from npm. When one is missing and we are root on Debian, install it with
 * apt-get; otherwise say exactly what to install and fail.
 */
const { execSync, spawnSync } = require("child_process");
const fs = require("fs");

const NEEDED = [
  { what: "Chromium", present: () => fs.existsSync("/usr/bin/chromium"), packages: ["chromium"] },
  { what: "LibreOffice Calc", present: () => spawnSync("sh", ["-c", "command -v soffice"]).status === 0, packages: ["libreoffice-calc"] },
  { what: "a Japanese font", present: () => spawnSync("sh", ["-c", "fc-list :lang=ja | grep -q ."]).status === 0, packages: ["fonts-ipafont-gothic"] },
  {
    what: "pdftoppm (pictures of LibreOffice renderings)",
    present: () => spawnSync("sh", ["-c", "command -v pdftoppm"]).status === 0,
    packages: ["poppler-utils"],
  },
];

const missing = NEEDED.filter((n) => !n.present());
if (missing.length === 0) process.exit(0);

const packages = missing.flatMap((m) => m.packages);
const canInstall = process.platform === "linux" && process.getuid && process.getuid() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (!canInstall) {
  console.error(`The tests need ${missing.map((m) => m.what).join(", ")}. On Debian/Ubuntu: sudo apt-get install -y ${packages.join(" ")}`);
  process.exit(1);
}
console.log(`Installing ${packages.join(", ")} with apt-get (needed by the tests)...`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execSync("apt-get update -qq", { stdio: "inherit", env });
execSync(`apt-get install -y -qq --no-install-recommends ${packages.join(" ")}`, { stdio: "inherit", env });
const still = missing.filter((m) => !m.present());
if (still.length > 0) {
  console.error(`Still missing after apt-get: ${still.map((m) => m.what).join(", ")}`);
  process.exit(1);
}
