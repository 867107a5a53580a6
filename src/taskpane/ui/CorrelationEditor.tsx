/**
 * The correlation editor of the simulation panel: pairs of assumptions that vary, each with a slider and
 * a number from −1 to 1 (market size ↔ peak share …). A change is committed when the slider is released
 * or the number is entered, and refused with the engine's reason when the pairs together are impossible
 * (not positive semi-definite) — what was typed stays in the field, marked, until it is changed.
 */
import { Button, Field, Input, makeStyles, Select, Slider, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { AssumptionKey, assumptionSpec, Text } from "../../engine";
import type { Correlation } from "../../model/correlations";
import { pairId } from "../../model/correlations";
import { RemoveButton } from "./RemoveButton";
import type { SimulationText } from "./simulation-text";
import type { Language } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px" },
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 72px auto", gap: "2px 6px", alignItems: "center" },
  label: { gridColumn: "1 / -1", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  slider: { minWidth: 0, width: "100%" },
  // Two selects side by side, each no wider than its column (a select is as wide as its longest option by itself), the button under them.
  add: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: "6px",
    alignItems: "end",
    "& > *": { minWidth: 0, maxWidth: "100%" },
    "& select": { width: "100%", minWidth: 0 },
  },
  addButton: { justifySelf: "start" },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Reads a correlation typed as 0.5, -0.3, "−0.3" (a typographic minus) or with a comma as decimal mark. */
function parseValue(text: string): number {
  const t = text.normalize("NFKC").replace(/[−–]/g, "-").replace(",", ".").trim();
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : NaN;
}

export interface CorrelationEditorProps {
  language: Language;
  x: SimulationText;
  /** The assumptions that vary, which the editor offers. */
  keys: readonly AssumptionKey[];
  pairs: readonly Correlation[];
  /** Sets a pair (0 removes it); the refusal's reason, or null when it was taken. */
  onChange: (a: AssumptionKey, b: AssumptionKey, value: number) => Text | null;
  disabled?: boolean;
}

export function CorrelationEditor({ language, x, keys, pairs, onChange, disabled }: CorrelationEditorProps) {
  const s = useStyles();
  const label = (k: AssumptionKey) => assumptionSpec(k).label[language];
  // What is being typed or dragged, per pair, until it is committed (or refused, then kept with its reason).
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [first, setFirst] = useState<AssumptionKey | "">("");
  const [second, setSecond] = useState<AssumptionKey | "">("");
  const [addError, setAddError] = useState<string | null>(null);
  useEffect(() => {
    // A pair the workbook changed or removed: its draft goes, unless it is being refused.
    setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([id]) => errors[id] !== undefined)));
  }, [pairs]); // eslint-disable-line react-hooks/exhaustive-deps

  const commit = (p: Correlation, text: string) => {
    const id = pairId(p);
    const value = parseValue(text);
    if (!Number.isFinite(value) || value < -1 || value > 1) {
      setErrors((e) => ({ ...e, [id]: x.correlationRule }));
      return;
    }
    if (value === p.value) {
      setErrors(({ [id]: _, ...rest }) => rest);
      setDrafts(({ [id]: __, ...rest }) => rest);
      return;
    }
    const refused = onChange(p.a, p.b, value);
    if (refused) setErrors((e) => ({ ...e, [id]: refused[language] }));
    else {
      setErrors(({ [id]: _, ...rest }) => rest);
      setDrafts(({ [id]: __, ...rest }) => rest);
    }
  };

  const add = () => {
    if (first === "" || second === "" || first === second) {
      setAddError(x.correlationPick);
      return;
    }
    const refused = onChange(first, second, 0.5);
    setAddError(refused ? refused[language] : null);
    if (!refused) {
      setFirst("");
      setSecond("");
    }
  };

  if (keys.length < 2) return <p className={s.hint}>{x.correlationsNeedTwo}</p>;
  return (
    <div className={s.root} data-testid="correlations">
      {pairs.length === 0 && <p className={s.hint}>{x.correlationsNone}</p>}
      {pairs.map((p) => {
        const id = pairId(p);
        const text = drafts[id] ?? String(p.value);
        const shown = parseValue(text);
        const name = `${label(p.a)} ↔ ${label(p.b)}`;
        return (
          <Field key={id} validationMessage={errors[id]} validationState={errors[id] ? "error" : "none"} data-testid={`correlation-${p.a}-${p.b}`}>
            <div className={s.pair}>
              <span className={s.label}>{name}</span>
              <Slider
                className={s.slider}
                min={-1}
                max={1}
                step={0.05}
                value={Number.isFinite(shown) ? Math.max(-1, Math.min(1, shown)) : p.value}
                disabled={disabled}
                aria-label={x.correlationSlider(name)}
                onChange={(_, d) => setDrafts((old) => ({ ...old, [id]: String(Math.round(d.value * 100) / 100) }))}
                onPointerUp={() => commit(p, drafts[id] ?? String(p.value))}
                onKeyUp={(e) => {
                  if (["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"].includes(e.key))
                    commit(p, drafts[id] ?? String(p.value));
                }}
                data-testid={`correlation-slider-${p.a}-${p.b}`}
              />
              <Input
                value={text}
                disabled={disabled}
                aria-label={x.correlationValue(name)}
                onChange={(_, d) => setDrafts((old) => ({ ...old, [id]: d.value }))}
                onBlur={() => commit(p, text)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") commit(p, text);
                }}
                data-testid={`correlation-value-${p.a}-${p.b}`}
              />
              <RemoveButton label={x.correlationRemove(name)} onClick={() => onChange(p.a, p.b, 0)} testid={`correlation-remove-${p.a}-${p.b}`} />
            </div>
          </Field>
        );
      })}
      <div className={s.add}>
        <Field label={x.correlationFirst}>
          <Select value={first} disabled={disabled} onChange={(_, d) => setFirst(d.value as AssumptionKey)} data-testid="correlation-first">
            <option value="">—</option>
            {keys.map((k) => (
              <option key={k} value={k}>
                {label(k)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={x.correlationSecond}>
          <Select value={second} disabled={disabled} onChange={(_, d) => setSecond(d.value as AssumptionKey)} data-testid="correlation-second">
            <option value="">—</option>
            {keys
              .filter((k) => k !== first)
              .map((k) => (
                <option key={k} value={k}>
                  {label(k)}
                </option>
              ))}
          </Select>
        </Field>
        <Button className={s.addButton} icon={<AddRegular />} disabled={disabled} onClick={add} data-testid="correlation-add">
          {x.correlationAdd}
        </Button>
      </div>
      {addError && (
        <p className={s.error} role="alert" data-testid="correlation-add-error">
          {addError}
        </p>
      )}
      <p className={s.hint}>{x.correlationsHint}</p>
    </div>
  );
}
