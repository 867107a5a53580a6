/**
 * One line under a range saying which scenarios it covers ("Covers: Low, Base, High (includes internal
 * scenarios)"), so that neither the committee nor a reader of a shared file mistakes whose range it is.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { RangeScope } from "../model/results";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  note: { margin: "2px 0 4px", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function scopeText(t: UiText, language: Language, scope: RangeScope): string {
  const sep = language === "ja" ? "、" : ", ";
  const notes = [scope.internal.length > 0 ? t.scope.includesInternal : t.scope.noInternal];
  if (scope.excluded.length > 0) notes.push(t.scope.leavesOut(scope.excluded.join(sep)));
  return language === "ja"
    ? `${t.scope.covers(scope.names.join(sep))}（${notes.join("、")}）`
    : `${t.scope.covers(scope.names.join(sep))} (${notes.join("; ")})`;
}

export function ScopeNote({ t, language, scope, testid }: { t: UiText; language: Language; scope: RangeScope; testid: string }) {
  const s = useStyles();
  return (
    <p className={s.note} data-testid={testid} data-covers={scope.names.join("\u0000")}>
      {scopeText(t, language, scope)}
    </p>
  );
}
