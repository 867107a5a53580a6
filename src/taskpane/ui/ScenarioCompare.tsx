/**
 * The scenarios side by side: one row per assumption whose value differs between them, one column per
 * scenario, so that the committee sees at a glance what makes Low low and High high. Assumptions that
 * every scenario shares are left out (the editor shows them).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { LockClosedFilled } from "@fluentui/react-icons";
import { assumptionSpec } from "../../engine";
import { isPercent, ScenarioSet } from "../../model/scenario-set";
import { differingKeys } from "../model/results";
import { displayEntry, formatCompact } from "./format";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  heading: { margin: "10px 0 4px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: "auto" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "right", fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: "2px 4px", whiteSpace: "nowrap" },
  key: { textAlign: "left", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, padding: "2px 4px" },
  num: {
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    padding: "2px 4px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  lock: { color: tokens.colorPaletteRedForeground1, verticalAlign: "middle", marginRight: "2px" },
  same: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function ScenarioCompare({ t, language, set }: { t: UiText; language: Language; set: ScenarioSet }) {
  const s = useStyles();
  if (set.scenarios.length < 2) return null;
  const keys = differingKeys(set);
  const shown = (key: (typeof keys)[number], v: unknown) => {
    if (v === undefined) return "—";
    const spec = assumptionSpec(key);
    if (typeof v === "number" && spec.unit.startsWith("currency") && Math.abs(v) >= 10000) return formatCompact(v, language);
    return displayEntry(key, v as never) + (typeof v === "number" && isPercent(spec) ? "%" : "");
  };
  const cell = (name: string, text: string) => (
    <td key={name} className={s.num}>
      {text}
    </td>
  );
  return (
    <section aria-labelledby="compare-heading" data-testid="scenario-compare">
      <h3 className={s.heading} id="compare-heading">
        {t.compare.heading}
      </h3>
      {keys.length === 0 ? (
        <p className={s.same}>{t.compare.same}</p>
      ) : (
        <div className={s.scroll}>
          <table className={s.table}>
            <thead>
              <tr>
                <th scope="col" className={s.key}>
                  {t.compare.assumption}
                </th>
                {set.scenarios.map((sc) => (
                  <th key={sc.name} scope="col" className={s.th}>
                    {sc.internal && <LockClosedFilled className={s.lock} aria-label={t.internalBadge} />}
                    {sc.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k} data-compare-key={k}>
                  <th scope="row" className={`${s.key} ${s.num}`} style={{ textAlign: "left", whiteSpace: "normal" }}>
                    {assumptionSpec(k).label[language]}
                  </th>
                  {set.scenarios.map((sc) => cell(sc.name, shown(k, sc.values[k])))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
