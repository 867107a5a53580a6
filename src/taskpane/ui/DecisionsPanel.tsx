/**
 * The committee's decisions: offer price, walk-away floor, ceiling and notes, each with an internal
 * box (ticked by default, as the model's defaults are) and a visible mark while it is ticked.
 */
import { Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Textarea, tokens } from "@fluentui/react-components";
import { ReactNode, useState } from "react";
import { bandRateRange, type BandSpread, mergeBands, type Text } from "../../engine";
import { isInternalBand, NO_SAVED_BANDS, type SavedBands } from "../model/comparables";
import { DECISION_KEYS, DecisionKey, Decisions } from "../../model/scenario-set";
import { decisionLabel } from "../../model/table-layout";
import { formatAmount } from "./format";
import { InternalBadge } from "./InternalBadge";
import { listOf, type Language, type UiText } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: { margin: "4px 0 0", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  item: { display: "flex", flexDirection: "column", gap: "2px", paddingTop: "6px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  line: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "150px" },
});

export interface DecisionsProps {
  t: UiText;
  language: Language;
  decisions: Decisions;
  onAmount: (which: DecisionKey, input: string) => Text | null;
  onInternal: (which: DecisionKey | "notes" | "bands" | "includeInternal", internal: boolean) => void;
  onNotes: (text: string) => void;
  /** Sets the reference-band filter; returns the reason when no royalty band matches it. */
  onBandFilter: (filter: string) => Text | null;
  /** Chooses how the band bar spans the matching bands. */
  onBandSpread?: (spread: BandSpread) => void;
  /** The workbook's own bands, matched beside the published ones. */
  savedBands?: SavedBands;
  /** The offer's term sheet and its review, shown under the offer's amount. */
  offerTerms?: ReactNode;
  /** Whether the committee's range counts internal scenarios. */
  onIncludeInternal?: (include: boolean) => void;
}

export function DecisionsPanel(props: DecisionsProps) {
  const { t } = props;
  const s = useStyles();
  return (
    <section className={s.root} aria-labelledby="decisions-heading" data-testid="decisions">
      <h2 className={s.heading} id="decisions-heading">
        {t.decisions.heading}
      </h2>
      <p className={s.intro}>{t.decisions.intro}</p>
      <ScopeRow {...props} />
      {DECISION_KEYS.map((k) => (
        <AmountRow key={k} which={k} {...props} />
      ))}
      {props.offerTerms}
      <NotesRow {...props} />
      <BandFilterRow {...props} />
    </section>
  );
}

function InternalBox({
  t,
  which,
  internal,
  onInternal,
}: {
  t: UiText;
  which: DecisionKey | "notes" | "bands";
  internal: boolean;
  onInternal: DecisionsProps["onInternal"];
}) {
  return (
    <>
      <Checkbox label={t.decisions.internal} checked={internal} onChange={(_, d) => onInternal(which, d.checked === true)} data-testid={`internal-${which}`} />
      {internal && <InternalBadge t={t} size="small" />}
    </>
  );
}

/**
 * A text field committed on blur or Enter: `apply` returns the reason when the model refuses the
 * entry, which is then shown while the draft stays for correction; the model keeps its last good value.
 */
function useCommittedDraft(current: string, apply: (input: string) => Text | null) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<Text | null>(null);
  const commit = () => {
    if (draft === null || draft === current) return setDraft(null);
    const reason = apply(draft);
    setError(reason);
    if (!reason) setDraft(null);
  };
  return {
    error,
    input: {
      value: draft ?? current,
      onChange: (_: unknown, d: { value: string }) => setDraft(d.value),
      onBlur: commit,
      onKeyDown: (e: { key: string }) => e.key === "Enter" && commit(),
    },
  };
}

function AmountRow(props: DecisionsProps & { which: DecisionKey }) {
  const { t, language, which, decisions } = props;
  const s = useStyles();
  const value = decisions[which].value;
  const { error, input } = useCommittedDraft(value === null ? "" : formatAmount(value, "en"), (draft) => props.onAmount(which, draft));
  return (
    <div className={s.item} data-decision={which}>
      <div className={s.line}>
        <Field
          className={s.grow}
          size="small"
          label={decisionLabel(which, language)}
          validationState={error ? "error" : "none"}
          validationMessage={error?.[language]}
        >
          <Input inputMode="decimal" {...input} placeholder={t.decisions.amount} data-testid={`decision-${which}`} />
        </Field>
      </div>
      <div className={s.line}>
        <InternalBox t={t} which={which} internal={decisions[which].internal} onInternal={props.onInternal} />
      </div>
    </div>
  );
}

function NotesRow(props: DecisionsProps) {
  const { t, language, decisions } = props;
  const s = useStyles();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className={s.item} data-decision="notes">
      <Field size="small" label={decisionLabel("notes", language)}>
        <Textarea
          resize="vertical"
          value={draft ?? decisions.notes.text}
          onChange={(_, d) => setDraft(d.value)}
          onBlur={() => {
            if (draft !== null && draft !== decisions.notes.text) props.onNotes(draft);
            setDraft(null);
          }}
          data-testid="decision-notes"
        />
      </Field>
      <div className={s.line}>
        <InternalBox t={t} which="notes" internal={decisions.notes.internal} onInternal={props.onInternal} />
      </div>
    </div>
  );
}

/** Whether the committee's range (and so the football field and the simulation) counts internal scenarios. */
function ScopeRow(props: DecisionsProps) {
  const { t, decisions } = props;
  const s = useStyles();
  return (
    <div className={s.item} data-decision="includeInternal">
      <Checkbox
        label={t.scope.include}
        checked={decisions.includeInternal.value}
        onChange={(_, d) => props.onIncludeInternal?.(d.checked === true)}
        data-testid="decision-include-internal"
      />
      <p className={s.intro}>{t.scope.includeHint}</p>
    </div>
  );
}

function matchedBands(filter: string, saved: SavedBands): string[] {
  try {
    return bandRateRange(filter, mergeBands(saved.bands)).keys;
  } catch {
    return [];
  }
}

/**
 * Which reference bands the deal is compared with (the words BANDS takes): the published ones and the
 * workbook's own (IpvalueUserBands), the internal ones marked; and how the band bar spans them.
 */
function BandFilterRow(props: DecisionsProps) {
  const { t, language, decisions } = props;
  const saved = props.savedBands ?? NO_SAVED_BANDS;
  const s = useStyles();
  const { error, input } = useCommittedDraft(decisions.bands.filter, props.onBandFilter);
  // The bands the stored filter selects (a stored filter always matches: setBandFilter refuses one that does not).
  const matched = matchedBands(decisions.bands.filter, saved);
  const shown = matched.map((k) => (isInternalBand(saved, k) ? t.decisions.bandInternal(k) : k));
  return (
    <div className={s.item} data-decision="bands">
      <Field
        size="small"
        label={decisionLabel("bands", language)}
        hint={t.decisions.bandsHint}
        validationState={error ? "error" : "none"}
        validationMessage={error?.[language]}
      >
        <Input {...input} placeholder={t.decisions.bandsPlaceholder} data-testid="decision-bands" />
      </Field>
      {matched.length > 0 && (
        <p className={s.intro} data-testid="decision-bands-matched">
          {t.decisions.bandsMatched(matched.length, listOf(shown, language))}
        </p>
      )}
      {saved.bands.length > 0 && (
        <p className={s.intro} data-testid="decision-own-bands">
          {t.decisions.ownBands(saved.bands.length, saved.internal.length)}
        </p>
      )}
      {saved.problem && (
        <p className={s.intro} role="alert" data-testid="decision-own-bands-problem">
          {t.decisions.ownBandsProblem(saved.problem[language])}
        </p>
      )}
      <Field size="small" label={t.decisions.bandSpread}>
        <RadioGroup
          layout="horizontal"
          value={decisions.bands.spread}
          onChange={(_, d) => props.onBandSpread?.(d.value === "iqr" ? "iqr" : "minmax")}
          data-testid="decision-band-spread"
        >
          <Radio value="minmax" label={t.decisions.bandSpreadMinmax} data-testid="decision-band-spread-minmax" />
          <Radio value="iqr" label={t.decisions.bandSpreadIqr} data-testid="decision-band-spread-iqr" />
        </RadioGroup>
      </Field>
      <div className={s.line}>
        <InternalBox t={t} which="bands" internal={decisions.bands.internal} onInternal={props.onInternal} />
      </div>
    </div>
  );
}
