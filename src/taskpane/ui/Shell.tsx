/**
 * What the page renders first: the frame (header, banners, status line), the start view, and the
 * spinner — React, a few Fluent components and the pane's texts, not the editor. It reads the
 * workbook once; when there is a set (or tables to fix), or once the user starts from the start view,
 * it hands that read to the editor (App.tsx, its own chunk), which is fetched as soon as the first
 * view is up, so it is usually there before she clicks.
 */
import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { ScenarioSet } from "../../model/scenario-set";
import type { Example } from "../model/example-data";
import { loadOnce } from "../model/load-once";
import type { AppProps } from "./App";
import { FirstLoad, isEditError, opensEditor, reasonOf } from "./first-load";
import { useFrameStyles } from "./frame";
import { Header } from "./Header";
import { StartView } from "./StartView";
import { TEXT } from "./strings";
import { fluentTheme, OfficeColors } from "./theme";

type Editor = typeof import("./App");
// The editor (App.tsx and what only it uses), its own chunk.
const loadEditor = loadOnce((): Promise<Editor> => import(/* webpackChunkName: "editor" */ "./App"));

export interface ShellProps extends Omit<AppProps, "first"> {
  /** The workbook's first read (readFirst), once it is done; null while it runs. */
  read: FirstLoad | null;
}

export function Shell({ port, initialLanguage, inOffice, theme, read }: ShellProps) {
  const f = useFrameStyles();
  const [colors, setColors] = useState<OfficeColors | null>(() => theme?.current() ?? null);
  useEffect(() => theme?.watch(setColors), [theme]);
  const [language, setLanguage] = useState(initialLanguage);
  const t = TEXT[language];
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // What the editor gets: the page's first read, with the set the user started from here.
  const [started, setStarted] = useState<ScenarioSet | undefined>(undefined);
  const first = useMemo(() => (read && started ? { ...read, started } : read), [read, started]);

  const [App, setApp] = useState<Editor["App"] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  // Bumped by the failure's retry button: the chunk is asked for again (loadOnce forgets a failed fetch).
  const [attempt, setAttempt] = useState(0);
  const shown = first !== null;
  useEffect(() => {
    if (!shown) return;
    setFailed(null);
    loadEditor().then(
      (m) => {
        setApp(() => m.App);
        m.preloadViews(); // the views on demand, as the editor asks for them once it is shown
      },
      (e: unknown) => {
        // Said, and the start view's buttons back: a start asks for the chunk again.
        setFailed(reasonOf(e).en);
        setStarted(undefined);
      }
    );
  }, [shown, started, attempt]);

  if (App && first && (first.started || opensEditor(first.loaded))) {
    return <App port={port} initialLanguage={language} inOffice={inOffice} theme={theme} first={first} />;
  }

  const offline = first && "error" in first.loaded && !isEditError(first.loaded.error) ? reasonOf(first.loaded.error).en : null;
  // A start is made with the editor's chunk (the set and the engine come with it): usually there already, else awaited.
  const startFrom = (make: (editor: Editor) => ScenarioSet) => {
    setStarting(true);
    loadEditor()
      .then(
        (m) => setStarted(make(m)),
        (e: unknown) => setFailed(reasonOf(e).en)
      )
      .finally(() => setStarting(false));
  };
  const onStart = first !== null && !opensEditor(first.loaded);
  const statusText = offline !== null ? (inOffice ? t.status.offline : t.outsideOffice) : first === null ? t.loading : "";
  return (
    <FluentProvider theme={fluentTheme(colors)} lang={language}>
      <div className={f.app}>
        <Header t={t} language={language} onLanguage={setLanguage} />
        <div className={f.banners}>
          {offline !== null && inOffice && (
            <MessageBar intent="warning" data-testid="offline">
              <MessageBarBody>{t.workbookUnavailable(offline)}</MessageBarBody>
            </MessageBar>
          )}
          {failed !== null && (
            <MessageBar intent="error" data-testid="editor-failed">
              <MessageBarBody>{t.editorUnavailable(failed)}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => setAttempt((n) => n + 1)} data-testid="editor-retry">
                  {t.retry}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>
        {onStart ? (
          // The start screen is the page's main content until a set is open (axe: landmark-one-main).
          <main>
            <StartView
              t={t}
              language={language}
              busy={started !== undefined || starting}
              onBlank={() => startFrom((m) => m.blankSet(language))}
              onExample={(id: Example["id"]) => startFrom((m) => m.exampleSet(id, language))}
            />
          </main>
        ) : (
          <div className={f.center}>
            <Spinner size="small" label={t.loading} />
          </div>
        )}
        <p className={f.status} id="status" role="status" data-state={offline !== null ? "offline" : "idle"} data-testid="status">
          {statusText}
        </p>
      </div>
    </FluentProvider>
  );
}
