/**
 * The negotiator export never carries license monitoring: the licensee's royalty reports, the audit's
 * settings and the claim stay in the licensor's workbook. The shared file is built (en and ja) from a
 * set that has the monitoring riding along on the same object, as a careless caller might pass it, and
 * every part of the .xlsx is searched as text for the report figures (raw and with separators), the
 * claim, the settings' distinctive values and the monitoring sheet's and tables' names. None may be
 * found; the same figures typed as a shared scenario's value must be (the search can fail).
 */
import JSZip from "jszip";
import { negotiatorWorkbook, BuildOptions } from "../../src/export/negotiator";
import { defaultShareChoice } from "../../src/export/share";
import { IPVALUE_VERSION } from "../../src/export/version";
import { exampleSet } from "../../src/taskpane/model/examples";
import { addReport, emptyMonitoring, monitoringFigures, setReport, setSetting } from "../../src/taskpane/model/monitoring";
import { MONITORING_SHEET, REPORTS_TABLE, SETTINGS_TABLE, SIGNED_TABLE } from "../../src/taskpane/model/monitoring-sheet";
import { setValue, ScenarioSet } from "../../src/model/scenario-set";

const SALES = [0, 0, 417352961, 861904723];
const PAID = [0, 0, 12520589, 23961547];
const AUDIT_COST = 3791113;

function monitoring() {
  let m = setSetting(setSetting(setSetting(emptyMonitoring(), "startDate", "2031-07-19"), "auditCost", String(AUDIT_COST)), "interestRate", "7.3");
  SALES.forEach((s, i) => {
    m = addReport(m);
    m = setReport(setReport(m, i + 1, "sales", String(s)), i + 1, "royaltyPaid", String(PAID[i]));
  });
  return m;
}

const variants = (n: number) => [String(n), n.toLocaleString("en-US"), n.toExponential().replace("e+", "E+")];

async function text(set: ScenarioSet, language: "en" | "ja"): Promise<string> {
  const options: BuildOptions = { language, date: new Date(2026, 10, 23), version: IPVALUE_VERSION, currency: "JPY" };
  const bytes = await negotiatorWorkbook(set, defaultShareChoice(set), options);
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.async("string"))
  );
  return parts.join("\n");
}

test.each(["en", "ja"] as const)("a shared file (%s) has none of the report figures, the claim or the monitoring sheet", async (language) => {
  const set = exampleSet("medical-device", language);
  const m = monitoring();
  const claim = monitoringFigures(set, m, language).audit!.total.claim;
  expect(claim).toBeGreaterThan(0);
  const carried = { ...set, monitoring: m } as ScenarioSet;
  const all = await text(carried, language);
  const secrets = [
    ...[...SALES, ...PAID].filter((x) => x > 0).flatMap(variants),
    ...variants(AUDIT_COST),
    String(Math.round(claim)),
    "2031-07-19",
    MONITORING_SHEET,
    REPORTS_TABLE,
    SETTINGS_TABLE,
    SIGNED_TABLE,
    "royalty_paid",
  ];
  expect(secrets.filter((x) => all.includes(x))).toEqual([]);
  // The search can fail: a shared scenario's value typed with a report's figure is found.
  const shared = await text(setValue(set, 1, "investment", String(SALES[2])), language);
  expect(shared.includes(String(SALES[2]))).toBe(true);
});
