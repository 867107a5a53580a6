/**
 * "Freeze for sharing", for a manager who prefers to send her own workbook: choose sheets; each is
 * copied and, in the copy, every =IPVALUE formula is replaced by its value (through the port), so the
 * copy reads the same on a machine without the add-in. The dialog lists every cell it changed.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { DocumentLockRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { FrozenCell } from "../model/freeze";
import { useReturnFocus } from "./focus";
import { formatAmount } from "./format";
import type { WorkbookPort } from "./port";
import { Language, listOf, SHARE_TEXT } from "./strings";

const useStyles = makeStyles({
  surface: { maxWidth: "min(560px, calc(100vw - 24px))" },
  hint: { margin: "0 0 6px", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  groupTitle: { margin: "6px 0 2px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { display: "flex", flexDirection: "column", gap: "2px", marginBottom: "8px" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200, marginTop: "6px" },
  cell: { textAlign: "left", verticalAlign: "top", padding: "2px 6px 2px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, wordBreak: "break-all" },
});

function shown(c: FrozenCell, language: Language): string {
  const x = SHARE_TEXT[language].freeze;
  if (c.kind === "reference") return `${x.reference}: ${String(c.value)}`;
  if (Array.isArray(c.value)) return x.block(c.value.length, Array.isArray(c.value[0]) ? c.value[0].length : 1);
  if (typeof c.value !== "number") return String(c.value);
  return Math.abs(c.value) >= 1000 ? formatAmount(c.value, language) : String(Number(c.value.toPrecision(6)));
}

export function FreezePanel({ language, port, disabled }: { language: Language; port: WorkbookPort; disabled?: boolean }) {
  const s = useStyles();
  const x = SHARE_TEXT[language].freeze;
  const [open, setOpen] = useState(false);
  const opener = useReturnFocus<HTMLButtonElement>(open);
  const [sheets, setSheets] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ cells: FrozenCell[]; sheets: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setOpen(true);
    setResult(null);
    setError(null);
    setSheets(null);
    try {
      const names = await port.listSheets();
      setSheets(names);
      setChosen(names.filter((n) => n === "Valuation")); // the sheet "Insert Valuation sheet" makes
    } catch (e) {
      setError(x.failed(e instanceof Error ? e.message : String(e)));
    }
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const cells = await port.freezeForSharing(chosen);
      setResult({ cells, sheets: [...new Set(cells.map((c) => c.sheet))] });
    } catch (e) {
      const reason = (e as { reason?: Record<Language, string> } | null)?.reason;
      setError(x.failed(reason?.[language] ?? (e instanceof Error ? e.message : String(e))));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button ref={opener} icon={<DocumentLockRegular />} disabled={disabled} onClick={() => void start()} data-testid="freeze-open">
        {x.open}
      </Button>
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
        <DialogSurface className={s.surface} data-testid="freeze-dialog">
          <DialogBody>
            <DialogTitle>{x.title}</DialogTitle>
            <DialogContent>
              <p className={s.hint}>{x.about}</p>
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{x.warning}</MessageBarBody>
              </MessageBar>
              <h3 className={s.groupTitle}>{x.sheets}</h3>
              {sheets === null && !error && <Spinner size="tiny" />}
              {sheets !== null && sheets.length === 0 && <p className={s.hint}>{x.noSheets}</p>}
              <div className={s.list}>
                {(sheets ?? []).map((name) => (
                  <Checkbox
                    key={name}
                    label={name}
                    checked={chosen.includes(name)}
                    disabled={busy}
                    onChange={(_, d) =>
                      setChosen((c) => (d.checked === true ? sheets!.filter((n) => n === name || c.includes(n)) : c.filter((n) => n !== name)))
                    }
                    data-testid="freeze-sheet"
                    data-name={name}
                  />
                ))}
              </div>
              {busy && <Spinner size="tiny" label={x.running} />}
              {error && (
                <MessageBar intent="error" layout="multiline" data-testid="freeze-error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              {result && (
                <div data-testid="freeze-result">
                  <MessageBar intent="success" layout="multiline">
                    <MessageBarBody>{result.cells.length > 0 ? x.done(result.cells.length, listOf(result.sheets, language)) : x.none}</MessageBarBody>
                  </MessageBar>
                  {result.cells.length > 0 && (
                    <table className={s.table}>
                      <thead>
                        <tr>
                          {[x.sheet, x.cell, x.formula, x.value].map((h) => (
                            <th key={h} className={s.cell}>
                              {h}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {result.cells.map((c) => (
                          <tr key={`${c.sheet}!${c.address}`} data-testid="freeze-change" data-address={c.address} data-kind={c.kind}>
                            <td className={s.cell}>{c.sheet}</td>
                            <td className={s.cell}>{c.address}</td>
                            <td className={s.cell}>
                              <code>{c.formula}</code>
                            </td>
                            <td className={s.cell}>{shown(c, language)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={busy || chosen.length === 0} onClick={() => void run()} data-testid="freeze-run">
                {busy ? x.running : x.run}
              </Button>
              <Button onClick={() => setOpen(false)} data-testid="freeze-close">
                {SHARE_TEXT[language].close}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
