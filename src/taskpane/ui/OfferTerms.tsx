/**
 * The offer as a term sheet (case 15: the committee fixes the offer's conditions and the acceptable
 * range): its terms, one row each, filled by hand or from a published model (TERMS) with the citation
 * kept beside each figure; then what the terms are worth in every scenario — the licensor's
 * risk-adjusted value, the licensee's NPV, one equivalent rate — and the checks: floor ≤ offer ≤
 * ceiling in money, and the licensee better off signing in every scenario (or which scenario breaks it).
 */
import { Button, Caption1, Field, InfoLabel, Input, makeStyles, Select, tokens, useId } from "@fluentui/react-components";
import { AddRegular, CheckmarkCircleRegular, WarningRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { AssumptionKey, assumptionSpec, BUILT_IN_PRESETS, presetCitation, Text } from "../../engine";
import { Decisions, OFFER_TERM_KEYS } from "../../model/scenario-set";
import type { CommitteeOffer, OfferCheck } from "../model/offer";
import type { OutputValue } from "../model/results";
import { EntryField } from "./AssumptionEditor";
import { formatAmount, formatPercent } from "./format";
import { InternalBadge } from "./InternalBadge";
import { RemoveButton } from "./RemoveButton";
import { ScopeNote } from "./ScopeNote";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px", paddingTop: "6px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: "2px 0 0", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { display: "block", color: tokens.colorNeutralForeground3 },
  line: { display: "flex", alignItems: "flex-end", gap: "6px", flexWrap: "wrap" },
  // Grows in its line, but no wider than the pane: a select is as wide as its longest option by itself.
  grow: { flexGrow: 1, minWidth: "140px", maxWidth: "100%", gridTemplateColumns: "minmax(0, 1fr)" },
  fitControl: { maxWidth: "100%", minWidth: 0 },
  rate: { width: "120px" },
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed" },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, padding: "2px 4px" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", padding: "4px", overflowWrap: "anywhere" },
  row: { borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  cell: { verticalAlign: "top", padding: "4px" },
  narrow: { width: "32px", padding: "4px 0", verticalAlign: "top" },
  negative: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  checks: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  check: { display: "flex", gap: "6px", alignItems: "flex-start", fontSize: tokens.fontSizeBase200 },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  bad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  info: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
});

export interface OfferTermsProps {
  t: UiText;
  language: Language;
  decisions: Decisions;
  /** The terms valued and checked (null: neither terms nor an amount). */
  review: CommitteeOffer | null;
  onTerm: (key: AssumptionKey, input: string) => Text | null;
  onRemove: (key: AssumptionKey) => Text | null;
  onPreset: (id: string, exchangeRate: string) => Text | null;
}

export function OfferTerms(props: OfferTermsProps) {
  const { t, language, decisions, review } = props;
  const s = useStyles();
  const headingId = useId("offer-terms");
  const used = new Set(decisions.terms.map((x) => x.key));
  // One citation for the whole sheet when its cited terms come from one published model (terms typed
  // by hand have none); else each term says its own.
  const sources = new Set(decisions.terms.map((x) => x.source).filter((x) => x !== ""));
  const common = sources.size === 1 ? [...sources][0] : "";
  return (
    <section className={s.root} aria-labelledby={headingId} data-testid="offer-terms">
      <h3 className={s.heading} id={headingId}>
        {t.offer.heading}
      </h3>
      <Caption1 className={s.hint}>{t.offer.intro}</Caption1>
      <PresetPicker {...props} />
      {decisions.terms.length === 0 ? (
        <Caption1 className={s.hint} data-testid="offer-no-terms">
          {t.offer.none}
        </Caption1>
      ) : (
        <table className={s.table} data-testid="offer-term-rows">
          {common !== "" && (
            <caption className={s.hint} style={{ textAlign: "left" }} data-testid="offer-source">
              {t.offer.source(common)}
            </caption>
          )}
          <thead>
            <tr>
              <th className={s.th} scope="col">
                {t.offer.term}
              </th>
              <th className={s.th} scope="col" style={{ width: "46%" }}>
                {t.offer.value}
              </th>
              <th className={`${s.th} ${s.narrow}`} scope="col" />
            </tr>
          </thead>
          <tbody>
            {decisions.terms.map((term) => (
              <TermRow key={term.key} {...props} termKey={term.key} showSource={term.source !== common} />
            ))}
          </tbody>
        </table>
      )}
      <AddTerm {...props} used={used} />
      {review && <Review t={t} language={language} review={review} />}
    </section>
  );
}

function PresetPicker(props: OfferTermsProps) {
  const { t, language } = props;
  const s = useStyles();
  const [id, setId] = useState("");
  const [rate, setRate] = useState("");
  const [said, setSaid] = useState<{ error: Text | null; done: string | null }>({ error: null, done: null });
  const preset = BUILT_IN_PRESETS.find((p) => p.id === id);
  const name = (p: (typeof BUILT_IN_PRESETS)[number]) => (language === "ja" ? p.name_ja : p.name_en);
  const fill = () => {
    if (!preset) return;
    const error = props.onPreset(preset.id, rate);
    setSaid({ error, done: error ? null : name(preset) });
  };
  return (
    <div data-testid="offer-preset">
      <div className={s.line}>
        <Field className={s.grow} size="small" label={t.offer.preset}>
          <Select
            value={id}
            onChange={(_, d) => (setId(d.value), setSaid({ error: null, done: null }))}
            data-testid="offer-preset-select"
            className={s.fitControl}
          >
            <option value="">{t.offer.presetNone}</option>
            {BUILT_IN_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {name(p)}
              </option>
            ))}
          </Select>
        </Field>
        {preset && (
          <Field
            className={s.rate}
            size="small"
            label={t.offer.exchangeRate(preset.currency)}
            validationState={said.error ? "error" : "none"}
            validationMessage={said.error?.[language]}
          >
            <Input inputMode="decimal" value={rate} placeholder="1" onChange={(_, d) => setRate(d.value)} data-testid="offer-exchange-rate" />
          </Field>
        )}
        <Button size="small" disabled={!preset} onClick={fill} data-testid="offer-preset-fill">
          {t.offer.fill}
        </Button>
      </div>
      {preset && (
        <Caption1 className={s.hint} data-testid="offer-preset-note">
          {(language === "ja" ? preset.note_ja : preset.note_en) + " "}
          {t.offer.source(presetCitation(preset))} {t.offer.exchangeHint}
        </Caption1>
      )}
      {said.done && (
        <Caption1 role="status" data-testid="offer-preset-filled">
          {t.offer.filled(said.done)}
        </Caption1>
      )}
    </div>
  );
}

function TermRow(props: OfferTermsProps & { termKey: AssumptionKey; showSource: boolean }) {
  const { t, language, decisions, termKey } = props;
  const s = useStyles();
  const id = useId("offer-term");
  const spec = assumptionSpec(termKey);
  const term = decisions.terms.find((x) => x.key === termKey)!;
  const label = spec.label[language];
  const [error, setError] = useState<Text | null>(null);
  return (
    <tr className={s.row} data-term={termKey} data-testid="offer-term">
      <td className={s.cell}>
        <InfoLabel htmlFor={id} size="small" info={<span lang={language}>{spec.help[language]}</span>} infoButton={{ "aria-label": t.assumptions.info(label) }}>
          {label}
        </InfoLabel>
        {props.showSource && term.source !== "" && <Caption1 className={s.hint}>{t.offer.source(term.source)}</Caption1>}
      </td>
      <td className={s.cell}>
        <EntryField
          t={t}
          language={language}
          spec={spec}
          value={term.value}
          id={id}
          testPrefix="offer"
          placeholder={t.offer.notFixed}
          onCommit={(key, input) => props.onTerm(key, input)}
          onDraft={() => undefined}
        />
      </td>
      <td className={s.narrow}>
        <RemoveButton label={t.offer.remove(label)} onClick={() => setError(props.onRemove(termKey))} testid={`offer-remove-${termKey}`} />
        {error && <Caption1 role="alert">{error[language]}</Caption1>}
      </td>
    </tr>
  );
}

function AddTerm(props: OfferTermsProps & { used: Set<AssumptionKey> }) {
  const { t, language, used } = props;
  const s = useStyles();
  const [key, setKey] = useState("");
  const free = OFFER_TERM_KEYS.filter((k) => !used.has(k));
  const add = () => {
    if (key === "") return;
    if (!props.onTerm(key as AssumptionKey, "")) setKey("");
  };
  return (
    <div className={s.line}>
      <Field className={s.grow} size="small" label={t.offer.addTerm}>
        <Select value={key} onChange={(_, d) => setKey(d.value)} data-testid="offer-add-select" className={s.fitControl}>
          <option value="">{t.offer.addChoose}</option>
          {free.map((k) => (
            <option key={k} value={k}>
              {assumptionSpec(k).label[language]}
            </option>
          ))}
        </Select>
      </Field>
      <Button size="small" icon={<AddRegular />} disabled={key === ""} onClick={add} data-testid="offer-add">
        {t.offer.addTerm}
      </Button>
    </div>
  );
}

function Review({ t, language, review }: { t: UiText; language: Language; review: CommitteeOffer }) {
  const s = useStyles();
  const money = (v: OutputValue) => (typeof v === "number" ? formatAmount(v, language) : "—");
  const rate = (v: OutputValue) => (typeof v === "number" ? formatPercent(v, language) : "—");
  const title = (v: OutputValue) => (typeof v === "number" ? undefined : v.error);
  return (
    <div data-testid="offer-review">
      {review.problem && (
        <Caption1 role="status" className={s.hint} data-testid="offer-problem">
          {t.offer.problem} {review.problem}
        </Caption1>
      )}
      {review.hasTerms && review.base !== null && typeof review.value === "number" && (
        <Caption1 data-testid="offer-terms-value">
          {t.offer.termsValue(review.base)}: <strong>{money(review.value)}</strong>
        </Caption1>
      )}
      {review.rows.length > 0 && (
        <ScopeNote
          t={t}
          language={language}
          scope={{ names: review.rows.map((r) => r.name), internal: review.rows.filter((r) => r.internal).map((r) => r.name), excluded: [] }}
          testid="offer-scope"
        />
      )}
      {review.rows.length > 0 && (
        <table className={s.table} data-testid="offer-values">
          <caption className={s.th} style={{ textAlign: "left" }}>
            {t.offer.review}
          </caption>
          <thead>
            <tr>
              <th className={s.th} scope="col">
                {t.offer.scenario}
              </th>
              <th className={`${s.th} ${s.num}`} scope="col">
                {t.offer.licensor}
              </th>
              <th className={`${s.th} ${s.num}`} scope="col">
                {t.offer.licensee}
              </th>
              <th className={`${s.th} ${s.num}`} scope="col">
                {t.offer.equivalent}
              </th>
            </tr>
          </thead>
          <tbody>
            {review.rows.map((r) => (
              <tr key={r.name} className={s.row} data-scenario={r.name}>
                <th scope="row" className={s.cell} style={{ textAlign: "left", fontWeight: 400 }}>
                  {r.name}
                  {r.name === review.base && ` (${t.offer.base})`} {r.internal && <InternalBadge t={t} size="small" />}
                </th>
                <td className={s.num} title={title(r.rnpv)} data-value={dataValue(r.rnpv)} data-column="rnpv">
                  {money(r.rnpv)}
                </td>
                <td
                  className={`${s.num} ${typeof r.licenseeNpv === "number" && r.licenseeNpv < 0 ? s.negative : ""}`}
                  title={title(r.licenseeNpv)}
                  data-value={dataValue(r.licenseeNpv)}
                  data-column="licensee_npv"
                  data-negative={typeof r.licenseeNpv === "number" && r.licenseeNpv < 0}
                >
                  {money(r.licenseeNpv)}
                </td>
                <td className={s.num} title={title(r.equivalentRate)} data-value={dataValue(r.equivalentRate)} data-column="equivalent_rate">
                  {rate(r.equivalentRate)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!review.hasTerms && <Caption1 className={s.hint}>{t.offer.bareAmount}</Caption1>}
      {review.checks.length > 0 && (
        <ul className={s.checks} data-testid="offer-checks">
          {review.checks.map((c) => (
            <li key={c.id} className={s.check} data-check={c.id} data-ok={c.ok}>
              {c.id === "unfixed" ? (
                <WarningRegular className={s.info} aria-hidden="true" />
              ) : c.ok ? (
                <CheckmarkCircleRegular className={s.ok} aria-hidden="true" />
              ) : (
                <WarningRegular className={s.bad} aria-hidden="true" />
              )}
              <span>{checkText(t, language, c)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The number behind a shown cell, for the tests ("" when it has no answer). */
const dataValue = (v: OutputValue) => (typeof v === "number" ? String(v) : "");

function checkText(t: UiText, language: Language, c: OfferCheck): string {
  const money = (v: number) => formatAmount(v, language);
  switch (c.id) {
    case "floor":
      return t.offer.check.floor(money(c.value), money(c.limit), c.ok);
    case "ceiling":
      return t.offer.check.ceiling(money(c.value), money(c.limit), c.ok);
    case "range":
      return t.offer.check.range(money(c.floor), money(c.ceiling));
    case "walkAway":
      return t.offer.check.walkAway(c.scenarios, c.unknown);
    case "unfixed":
      return t.offer.check.unfixed(c.keys.map((k) => assumptionSpec(k as AssumptionKey).label[language]));
  }
}
