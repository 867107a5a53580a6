/**
 * The task pane, in the order of the work: start view, scenarios and assumptions, results and the
 * football field (with the scenarios side by side), the simulation, the committee's decision with its
 * checks, then sharing and monitoring; a notice shows next to the control that caused it. State
 * is one ScenarioSet; every edit goes through the model's operations, is saved through the port a
 * moment later (debounced) and recomputes the results. Edits made in Excel come back through
 * port.watch. No Excel or Office call here: the port is the only way to the workbook. This module is
 * its own chunk (editor.js): the page first draws the start view from Shell.tsx, which hands over its
 * read of the workbook (`first`).
 */
import { Button, Divider, FluentProvider, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, ArrowRedoRegular, ArrowUndoRegular, DismissRegular, TableAddRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { AssumptionKey, Text } from "../../engine";
import { Example, exampleSet } from "../model/examples";
import { computeResults } from "../model/results";
import { NO_SAVED_BANDS, type SavedBands } from "../model/comparables";
import { committeeOffer } from "../model/offer";
import {
  blankSet,
  clearMilestone,
  DecisionKey,
  EditError,
  ScenarioSet,
  setDecision,
  setDecisionInternal,
  setIncludeInternal,
  setNotes,
  setBandFilter,
  setBandSpread,
  setSource,
  setValue,
  usesDealTerms,
  setOfferTerm,
  removeOfferTerm,
  offerFromPreset,
} from "../../model/scenario-set";
import { emptyHistory, History, record, recordMonitoring, recordSheet, redo as redoStep, undo as undoStep } from "../../model/history";
import { Kept, mergeSets, sameSet } from "../../model/set-merge";
import { AssumptionEditor } from "./AssumptionEditor";
import { DecisionsPanel } from "./DecisionsPanel";
import { FootballField } from "./FootballField";
import { OfferTerms } from "./OfferTerms";
import { MonitoringPanel } from "./MonitoringPanel";
import type { SimulationRequest } from "../model/simulation";
import type { WorkbookPort } from "./port";
import { RangeResults, ResultsSummary, ScenarioResults } from "./ResultsPanel";
import { ScenarioBar } from "./ScenarioBar";
import { ScenarioCompare } from "./ScenarioCompare";
import { ScopeNote } from "./ScopeNote";
import { Header } from "./Header";
import { StartView } from "./StartView";
// Loaded on demand, each its own chunk (lazy-views.tsx): the first load parses the start screen and the editor only.
import { ComparablesPanel, FreezePanel, preloadViews, SharePanel, SimulationPanel } from "./lazy-views";
import { setCorrelation } from "../model/simulation";
import { COMPARABLES_TEXT, Language, SHARE_TEXT, TEXT } from "./strings";
import { fluentTheme, OfficeColors, ThemeSource } from "./theme";
import { useFrameStyles } from "./frame";
import { FirstLoad, isEditError, Loaded, reasonOf, settle } from "./first-load";

// The shell starts fetching the views on demand once the editor's chunk is in.
export { preloadViews } from "./lazy-views";
// The start view's sets: the shell makes them with this chunk (the engine comes with it), as it opens the editor anyway.
export { blankSet, exampleSet };

const SAVE_DELAY_MS = 300;

const useStyles = makeStyles({
  main: { display: "flex", flexDirection: "column", gap: "14px", padding: "10px 12px 16px" },
  subheading: { margin: "10px 0 4px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: "4px 0 0", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // A read-only pane: every control of the editor is disabled at once (a disabled fieldset).
  editor: { border: 0, margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", gap: "14px" },
  toolbar: { display: "flex", gap: "6px" },
  kept: { margin: "4px 0 0", paddingLeft: "18px" },
});

type Phase = "loading" | "start" | "unreadable" | "editing";
type SaveState = { kind: "idle" } | { kind: "loaded" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };
/** A notice, shown next to the control whose action it reports (`at`). */
type Notice = { intent: "success" | "error" | "warning"; text: string; testid: string; at: "history" | "insert" };

function NoticeBar({ t, notice, onClose }: { t: (typeof TEXT)[Language]; notice: Notice; onClose: () => void }) {
  return (
    <MessageBar intent={notice.intent} data-testid={notice.testid} style={{ marginTop: "6px" }}>
      <MessageBarBody>{notice.text}</MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.close} icon={<DismissRegular />} onClick={onClose} />} />
    </MessageBar>
  );
}

export interface AppProps {
  port: WorkbookPort;
  initialLanguage: Language;
  /** False when the page runs outside Office (a browser, the tests): said in the status line when the workbook is unreachable. */
  inOffice: boolean;
  /** Office's theme (the Office glue); the light theme without it. */
  theme?: ThemeSource;
  /** The workbook as the shell (Shell.tsx) already read it, and what the user started from there; without it the pane reads the workbook itself. */
  first?: FirstLoad;
}

export function App({ port, initialLanguage, inOffice, theme, first }: AppProps) {
  const s = useStyles();
  const f = useFrameStyles();
  const [colors, setColors] = useState<OfficeColors | null>(() => theme?.current() ?? null);
  useEffect(() => theme?.watch(setColors), [theme]);
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const t = TEXT[language];
  const [phase, setPhase] = useState<Phase>("loading");
  const shown = phase !== "loading";
  useEffect(() => {
    // Once the first view is up, the views loaded on demand are fetched while the user reads it.
    if (shown) preloadViews();
  }, [shown]);
  const [set, setSet] = useState<ScenarioSet | null>(null);
  const [selected, setSelected] = useState(0);
  const [preview, setPreview] = useState<{ index: number; key: AssumptionKey; text: string } | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [offline, setOffline] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState<Text | null>(null);
  const [externalError, setExternalError] = useState<Text | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // What the workbook kept against the pane's changes (a cell changed in both places), shown until closed.
  const [kept, setKept] = useState<Kept[]>([]);
  const [history, setHistory] = useState<History>(emptyHistory);
  const [watching, setWatching] = useState(false);
  const [inserting, setInserting] = useState(false);
  // The short summary stays in view while the range table is scrolled out of it: at the top once she
  // has scrolled past the range, at the bottom while the range is below (editing the assumptions above it).
  const [rangeAt, setRangeAt] = useState<"in" | "above" | "below">("in");
  const rangeEl = useRef<HTMLElement | null>(null);
  const placeRange = useCallback(() => {
    const el = rangeEl.current;
    if (!el) return setRangeAt("in");
    const r = el.getBoundingClientRect();
    setRangeAt(r.bottom < 0 ? "above" : r.top > window.innerHeight ? "below" : "in");
  }, []);
  const rangeRef = useCallback(
    (el: HTMLElement | null) => {
      rangeEl.current = el;
      placeRange();
    },
    [placeRange]
  );
  // Measured on every scroll and resize: a jump from below the range to above it (or back) crosses no
  // intersection threshold, so an IntersectionObserver alone would leave the summary on the wrong side.
  useEffect(() => {
    window.addEventListener("scroll", placeRange, { passive: true });
    window.addEventListener("resize", placeRange);
    return () => {
      window.removeEventListener("scroll", placeRange);
      window.removeEventListener("resize", placeRange);
    };
  }, [placeRange]);

  // Refs for callbacks that outlive a render (the debounced save, the watch handler).
  const setRef = useRef<ScenarioSet | null>(null);
  setRef.current = set;
  const languageRef = useRef(language);
  languageRef.current = language;
  const offlineRef = useRef<string | null>(null);
  offlineRef.current = offline;
  const saver = useRef<{ timer?: ReturnType<typeof setTimeout>; pending?: ScenarioSet; inFlight?: Promise<void> }>({});
  // The workbook's tables as the pane last got them (load, a save's result, a change in Excel): what
  // the pane's edits are made on, so that a save writes only those edits.
  const baseRef = useRef<ScenarioSet | null>(null);
  // Set while the tables cannot be trusted (unreadable, a newer layout): the pane is read-only.
  const readOnlyRef = useRef<Text | null>(null);
  readOnlyRef.current = externalError;
  const historyRef = useRef<History>(emptyHistory);
  historyRef.current = history;
  // The monitoring panel keeps its own state: an undone or redone monitoring step is laid back through it.
  const monitoringApply = useRef<((from: unknown, to: unknown) => void) | null>(null);

  /** Shows the pane's set merged with the workbook's; pending edits stay pending on the new set. */
  const adopt = useCallback((next: ScenarioSet) => {
    setSet(next);
    setRef.current = next;
    setPreview(null);
    setSelected((i) => Math.min(i, next.scenarios.length - 1));
  }, []);
  const tell = useCallback((more: Kept[]) => {
    if (more.length > 0) setKept((k) => [...k, ...more].slice(-20));
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // ---- saving (debounced; one save at a time; the latest set wins) ----
  const flush = useCallback(async (): Promise<void> => {
    const sv = saver.current;
    if (sv.timer !== undefined) {
      clearTimeout(sv.timer);
      sv.timer = undefined;
    }
    if (sv.inFlight) {
      await sv.inFlight;
      return flush();
    }
    const next = sv.pending;
    if (!next) return;
    sv.pending = undefined;
    sv.inFlight = (async () => {
      try {
        const saved = await port.save(next, languageRef.current, baseRef.current);
        baseRef.current = saved.set;
        tell(saved.kept);
        // Edits made while the save was on its way are laid onto what the workbook now holds.
        const current = setRef.current ?? next;
        const shown = current === next ? saved.set : mergeSets(next, current, saved.set).set;
        if (!sameSet(shown, current)) adopt(shown);
        if (sv.pending) sv.pending = shown;
        if (!sv.pending) setSaveState({ kind: "saved" });
        setExternalError(null);
        setWatching(true);
      } catch (e) {
        if (isEditError(e)) {
          // The tables cannot be trusted: nothing was written; the pane is read-only until they are fixed.
          setExternalError(reasonOf(e));
          if (!sv.pending) sv.pending = next; // saved once the tables can be read again
        }
        setSaveState({ kind: "error", message: reasonOf(e)[languageRef.current] });
      } finally {
        sv.inFlight = undefined;
      }
    })();
    await sv.inFlight;
    if (sv.pending && sv.timer === undefined) return flush();
  }, [port, adopt, tell]);

  const scheduleSave = useCallback(
    (next: ScenarioSet) => {
      if (offlineRef.current !== null) return;
      const sv = saver.current;
      sv.pending = next;
      setSaveState({ kind: "saving" });
      if (sv.timer !== undefined) clearTimeout(sv.timer);
      sv.timer = setTimeout(() => {
        sv.timer = undefined;
        void flush();
      }, SAVE_DELAY_MS);
    },
    [flush]
  );

  const update = useCallback(
    (next: ScenarioSet, step: "record" | "keep" = "record") => {
      const before = setRef.current;
      if (step === "record" && before) setHistory((h) => record(h, before, next));
      setSet(next);
      setRef.current = next;
      scheduleSave(next);
    },
    [scheduleSave]
  );

  const move = async (which: "undo" | "redo") => {
    const current = setRef.current;
    if (!current || readOnlyRef.current) return;
    const moved = (which === "undo" ? undoStep : redoStep)(historyRef.current, current);
    if (!moved) return;
    if (moved.monitoring) {
      monitoringApply.current?.(moved.monitoring.from, moved.monitoring.to);
      setHistory(moved.history);
      return;
    }
    if (moved.sheet) {
      // An inserted sheet: deleted (and the sheet of IPVALUE's it replaced made again), or inserted again.
      const { step, action } = moved.sheet;
      const insertAgain = () =>
        step.sheet === "valuation"
          ? port.insertValuationSheet(current, language)
          : port.insertSimulationCharts(current, language, step.request as SimulationRequest);
      try {
        await flush();
        if (action === "remove") {
          if (!(await port.removeInsertedSheet(step.name)))
            setNotice({ intent: "warning", text: t.sheetNotRemoved(step.name), testid: "sheet-not-removed", at: "history" });
          else if (step.replaced) await insertAgain();
        } else await insertAgain();
        setHistory(moved.history);
      } catch (e) {
        setNotice({ intent: "error", text: t.sheetUndoFailed(reasonOf(e)[language]), testid: "sheet-undo-failed", at: "history" });
      }
      return;
    }
    setHistory(moved.history);
    tell(moved.kept);
    update(moved.set, "keep");
  };

  /** Applies a model operation to the current set; the refusal's reason when the model refuses it. */
  const tryUpdate = useCallback(
    (edit: (current: ScenarioSet) => ScenarioSet): Text | null => {
      const current = setRef.current;
      if (!current) return null;
      if (readOnlyRef.current) return { en: TEXT.en.readOnlyRefusal, ja: TEXT.ja.readOnlyRefusal };
      try {
        update(edit(current));
        return null;
      } catch (e) {
        if (e instanceof EditError) return e.reason;
        throw e;
      }
    },
    [update]
  );

  // ---- the office's own bands (IpvalueUserBands), beside the built-in ones in the band row and bar ----
  const [savedBands, setSavedBands] = useState<SavedBands>(NO_SAVED_BANDS);
  const readBands = useCallback(() => {
    port
      .userBands()
      .then(setSavedBands)
      .catch(() => setSavedBands(NO_SAVED_BANDS)); // no workbook: the built-in bands only
  }, [port]);

  // ---- loading ----
  /** Shows what a read of the workbook gave (the first one may be the shell's). */
  const apply = useCallback(
    (loaded: Loaded) => {
      if ("set" in loaded) {
        readBands();
        baseRef.current = loaded.set;
        setUnreadable(null);
        if (loaded.set) {
          setSet(loaded.set);
          setSelected(0);
          setPhase("editing");
          setSaveState({ kind: "loaded" });
          setWatching(true);
        } else {
          setPhase("start");
        }
      } else if (isEditError(loaded.error)) {
        // The sheet is there but cannot be read: say why, and pick up a fix made in Excel.
        setUnreadable(reasonOf(loaded.error));
        setPhase("unreadable");
        setWatching(true);
      } else {
        setOffline(reasonOf(loaded.error).en);
        offlineRef.current = reasonOf(loaded.error).en; // a start made now (below) is not saved
        setPhase("start");
      }
    },
    [readBands]
  );
  const load = useCallback(async () => {
    setPhase("loading");
    apply(await settle(port.load()));
  }, [port, apply]);

  // The watch the shell began after its read, taken by the first watch below (then gone).
  const heldWatch = useRef(first?.watch);
  // The first read: the shell's when it made one (with the set the user started from on its start view), else the pane's own.
  const firstRef = useRef(first);
  // Before the first paint: the editor opens on the shell's view, not on a spinner in between.
  useLayoutEffect(() => {
    const given = firstRef.current;
    firstRef.current = undefined;
    if (!given) return void load();
    apply(given.loaded);
    if (given.started) start(given.started);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount: start is the same function the start view calls
  }, [load, apply]);

  // ---- edits made in Excel ----
  useEffect(() => {
    if (!watching || offline !== null) return;
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    const onChange = (result: ScenarioSet | EditError) => {
      if (isEditError(result)) {
        if (setRef.current) setExternalError(reasonOf(result));
        else setUnreadable(reasonOf(result));
        return;
      }
      // The port reports edits made in Excel (or another pane), not its own saves. The pane's edits not
      // yet saved are laid onto them; where both changed a cell, the workbook's value wins.
      readBands(); // an edit in Excel may have changed the bands' table too
      const sv = saver.current;
      const base = baseRef.current;
      const current = setRef.current;
      baseRef.current = result;
      const wasReadOnly = readOnlyRef.current !== null;
      setExternalError(null);
      setUnreadable(null);
      setPhase("editing");
      if (!current || !base) {
        if (!current || !sameSet(result, current)) adopt(result);
        return;
      }
      const merge = mergeSets(base, current, result);
      tell(merge.kept);
      if (!sameSet(merge.set, current)) adopt(merge.set);
      if (sv.pending) sv.pending = merge.set;
      else if (wasReadOnly && !sameSet(merge.set, result)) scheduleSave(merge.set); // edits held back while read-only
    };
    const held = heldWatch.current;
    heldWatch.current = undefined;
    (held ? held.take(onChange) : port.watch(onChange))
      .then((unsubscribe) => {
        if (cancelled) void unsubscribe();
        else stop = unsubscribe;
      })
      .catch(() => undefined); // no watching: the pane still works, it just does not see Excel's edits
    return () => {
      cancelled = true;
      if (stop) void stop();
    };
  }, [watching, offline, port, adopt, tell, scheduleSave, readBands]);

  // ---- results, with what is being typed previewed ----
  const shownSet = useMemo(() => {
    if (!set || !preview) return set;
    try {
      return setValue(set, preview.index, preview.key, preview.text);
    } catch {
      return set;
    }
  }, [set, preview]);
  const results = useMemo(() => (shownSet ? computeResults(shownSet, language, savedBands) : null), [shownSet, language, savedBands]);
  const offer = useMemo(() => (shownSet ? committeeOffer(shownSet, language) : null), [shownSet, language]);

  // After a start (blank or an example) focus goes to the results the start made, not to <body>.
  const focusResults = useRef(false);
  useEffect(() => {
    if (phase !== "editing" || !focusResults.current) return;
    focusResults.current = false;
    (document.getElementById("results-heading") ?? document.querySelector<HTMLElement>('[data-testid="scenario-tab"]'))?.focus();
  }, [phase]);

  const start = (next: ScenarioSet) => {
    focusResults.current = true;
    setSelected(0);
    setPhase("editing");
    update(next);
    void flush();
  };

  const insertSheet = async () => {
    if (!set) return;
    setInserting(true);
    setNotice(null);
    try {
      await flush();
      const inserted = await port.insertValuationSheet(set, language);
      setHistory((h) => recordSheet(h, { sheet: "valuation", ...inserted }));
      setNotice({ intent: "success", text: t.inserted, testid: "inserted", at: "insert" });
    } catch (e) {
      setNotice({ intent: "error", text: t.insertFailed(reasonOf(e)[language]), testid: "insert-failed", at: "insert" });
    } finally {
      setInserting(false);
    }
  };

  const statusText = (() => {
    if (offline !== null) return inOffice ? t.status.offline : t.outsideOffice;
    switch (saveState.kind) {
      case "loaded":
        return t.status.loaded;
      case "saving":
        return t.status.saving;
      case "saved":
        return t.status.saved;
      case "error":
        return t.status.notSaved(saveState.message);
      default:
        return phase === "loading" ? t.loading : "";
    }
  })();

  const selectedIndex = set ? Math.min(selected, set.scenarios.length - 1) : 0;

  return (
    <FluentProvider theme={fluentTheme(colors)} lang={language}>
      <div className={f.app}>
        <Header t={t} language={language} onLanguage={setLanguage} />
        {phase === "editing" && results && rangeAt !== "in" && (
          <ResultsSummary t={t} language={language} results={results} at={rangeAt === "above" ? "top" : "bottom"} />
        )}
        <div className={f.banners}>
          {offline !== null && inOffice && (
            <MessageBar intent="warning" data-testid="offline">
              <MessageBarBody>{t.workbookUnavailable(offline)}</MessageBarBody>
            </MessageBar>
          )}
          {externalError && (
            <MessageBar intent="error" layout="multiline" data-testid="external-error">
              <MessageBarBody>
                {t.externalError} {externalError[language]}
              </MessageBarBody>
            </MessageBar>
          )}
          {kept.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="kept">
              <MessageBarBody>
                {t.keptHeading}
                <ul className={s.kept}>
                  {kept.map((k, i) => (
                    <li key={i} data-testid="kept-item">
                      {k.text[language]}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
              <MessageBarActions
                containerAction={<Button appearance="transparent" aria-label={t.close} icon={<DismissRegular />} onClick={() => setKept([])} />}
              />
            </MessageBar>
          )}
        </div>

        {phase === "loading" && (
          <div className={f.center}>
            <Spinner size="small" label={t.loading} />
          </div>
        )}

        {phase === "unreadable" && (
          <div className={f.banners}>
            <MessageBar intent="error" layout="multiline" data-testid="unreadable">
              <MessageBarBody>
                {t.cannotRead} {unreadable?.[language]}
              </MessageBarBody>
              <MessageBarActions>
                <Button icon={<ArrowClockwiseRegular />} onClick={() => void load()}>
                  {t.retry}
                </Button>
              </MessageBarActions>
            </MessageBar>
          </div>
        )}

        {phase === "start" && (
          // The start screen is the page's main content until a set is open (axe: landmark-one-main).
          <main>
            <StartView
              t={t}
              language={language}
              busy={false}
              onBlank={() => start(blankSet(language))}
              onExample={(id: Example["id"]) => start(exampleSet(id, language))}
            />
          </main>
        )}

        {phase === "editing" && set && results && (
          <main className={s.main}>
            {/* In the order of the work: the scenarios and their assumptions, the results, the uncertainty, the committee's decision, then sharing and monitoring. */}
            <fieldset className={s.editor} disabled={externalError !== null} data-testid="editor" data-readonly={externalError !== null}>
              <div className={s.toolbar} role="toolbar" aria-label={t.history}>
                <Button size="small" icon={<ArrowUndoRegular />} disabled={history.undo.length === 0} onClick={() => void move("undo")} data-testid="undo">
                  {t.undo}
                </Button>
                <Button size="small" icon={<ArrowRedoRegular />} disabled={history.redo.length === 0} onClick={() => void move("redo")} data-testid="redo">
                  {t.redo}
                </Button>
              </div>
              {notice?.at === "history" && <NoticeBar t={t} notice={notice} onClose={() => setNotice(null)} />}
              <ScenarioBar
                t={t}
                language={language}
                set={set}
                selected={selectedIndex}
                onSelect={(i) => (setPreview(null), setSelected(i))}
                tryUpdate={tryUpdate}
              />
              <AssumptionEditor
                t={t}
                language={language}
                scenario={set.scenarios[selectedIndex]}
                index={selectedIndex}
                onCommit={(key, input) => tryUpdate((x) => setValue(x, selectedIndex, key, input))}
                onDraft={(key, input) => setPreview(input === null ? null : { index: selectedIndex, key, text: input })}
                dealTermsInUse={set.scenarios.some(usesDealTerms)}
                onRemoveMilestone={(n) => tryUpdate((x) => clearMilestone(x, selectedIndex, n))}
                sources={set.sources}
                onSource={(key, text) => tryUpdate((x) => setSource(x, key, text))}
              />
            </fieldset>
            <Divider />
            <RangeResults t={t} language={language} results={results} sectionRef={rangeRef}>
              <h3 className={s.subheading} id="football-heading">
                {t.football.heading}
              </h3>
              <ScopeNote t={t} language={language} scope={results.scope} testid="football-scope" />
              <FootballField t={t} language={language} bars={results.football} decisions={set.decisions} offer={offer?.bar} />
              <ScenarioCompare t={t} language={language} set={shownSet ?? set} />
            </RangeResults>
            <ScenarioResults t={t} language={language} results={results} />
            <Divider />
            <SimulationPanel
              language={language}
              set={set}
              port={port}
              beforeInsert={flush}
              onInserted={(inserted, request) => setHistory((h) => recordSheet(h, { sheet: "simulation", ...inserted, request }))}
              disabled={offline !== null}
              scope={<ScopeNote t={t} language={language} scope={results.scope} testid="simulation-scope" />}
              onCorrelation={(a, b, value) => tryUpdate((x) => setCorrelation(x, language, a, b, value))}
            />
            <Divider />
            <fieldset className={s.editor} disabled={externalError !== null} data-testid="decisions-editor">
              <DecisionsPanel
                t={t}
                language={language}
                decisions={set.decisions}
                onAmount={(which: DecisionKey, input) => tryUpdate((x) => setDecision(x, which, input))}
                onInternal={(which, internal) => void tryUpdate((x) => setDecisionInternal(x, which, internal))}
                onNotes={(text) => void tryUpdate((x) => setNotes(x, text))}
                onIncludeInternal={(include) => void tryUpdate((x) => setIncludeInternal(x, include))}
                onBandFilter={(filter) => tryUpdate((x) => setBandFilter(x, filter, savedBands.bands))}
                onBandSpread={(spread) => void tryUpdate((x) => setBandSpread(x, spread))}
                savedBands={savedBands}
                offerTerms={
                  <OfferTerms
                    t={t}
                    language={language}
                    decisions={set.decisions}
                    review={offer}
                    onTerm={(key, input) => tryUpdate((x) => setOfferTerm(x, key, input))}
                    onRemove={(key) => tryUpdate((x) => removeOfferTerm(x, key))}
                    onPreset={(id, rate) => tryUpdate((x) => offerFromPreset(x, id, rate))}
                  />
                }
              />
            </fieldset>
            <Divider />
            <section>
              <Button
                appearance="primary"
                icon={<TableAddRegular />}
                disabled={inserting || offline !== null}
                onClick={() => void insertSheet()}
                data-testid="insert-sheet"
              >
                {t.insertSheet}
              </Button>
              <p className={s.hint}>{t.insertHint}</p>
              {notice?.at === "insert" && <NoticeBar t={t} notice={notice} onClose={() => setNotice(null)} />}
            </section>
            <section data-testid="share-section">
              <h3 className={s.subheading}>{SHARE_TEXT[language].heading}</h3>
              <p className={s.hint}>{SHARE_TEXT[language].intro}</p>
              <div style={{ display: "flex", gap: "8px", flexWrap: "wrap", marginTop: "6px" }}>
                <SharePanel t={t} language={language} set={set} port={port} />
                <FreezePanel language={language} port={port} disabled={offline !== null} />
              </div>
            </section>
            <section data-testid="comparables-section">
              <h3 className={s.subheading}>{COMPARABLES_TEXT[language].heading}</h3>
              <p className={s.hint}>{COMPARABLES_TEXT[language].intro}</p>
              <ComparablesPanel language={language} port={port} disabled={offline !== null} onSaved={readBands} />
            </section>
            <Divider />
            <MonitoringPanel
              language={language}
              set={set}
              port={port}
              disabled={externalError !== null || offline !== null}
              onStep={(before, after) => setHistory((h) => recordMonitoring(h, before, after))}
              applyRef={monitoringApply}
            />
          </main>
        )}
        <p className={f.status} id="status" role="status" data-state={offline !== null ? "offline" : saveState.kind} data-testid="status">
          {statusText}
        </p>
      </div>
    </FluentProvider>
  );
}
