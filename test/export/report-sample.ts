/** The committee report tests' sample (`npm run report`'s): the medical-device example with a term sheet, a floor and a ceiling. */
import * as fs from "fs";
import * as path from "path";
import type { ScenarioSet } from "../../src/model/scenario-set";
import { ROOT } from "./demo";

export const COMMITTEE_SAMPLE = path.join(ROOT, "assets", "samples", "committee-sample.json");
export const REPORT_SCRIPT = path.join(ROOT, "scripts", "report.js");
export const readCommitteeSample = (): { currency: string; set: ScenarioSet } => JSON.parse(fs.readFileSync(COMMITTEE_SAMPLE, "utf8"));
