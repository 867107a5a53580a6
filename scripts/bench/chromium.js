/**
 * What the browser benches share (cold-load.js, simulate-million.js): Debian's Chromium, launched
 * headless with the flags test/browser/harness.ts uses (nothing downloads or phones home), and the
 * median of a run's times.
 */
"use strict";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** playwright-core's Chromium on Debian's binary. */
function launchChromium() {
  const { chromium } = require("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

module.exports = { CHROMIUM, launchChromium, median };
