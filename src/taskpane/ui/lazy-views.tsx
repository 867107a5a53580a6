/**
 * The views most sessions never open — the share and freeze dialogs, the simulation and its charts,
 * the comparables import with its document readers — each in its own webpack chunk, so the first load
 * parses only the start screen and the editor. Each is drawn behind a small spinner until its chunk
 * arrives; the pane asks for all of them once the start screen is up (preloadViews), so by the time a
 * set is open they are usually there. Same names and props as the views themselves.
 */
import { Spinner } from "@fluentui/react-components";
import { ComponentType, lazy, Suspense } from "react";
import type { Language } from "./strings";
import { TEXT } from "./strings";

const chunks = {
  share: () => import(/* webpackChunkName: "share" */ "./SharePanel"),
  freeze: () => import(/* webpackChunkName: "freeze" */ "./FreezePanel"),
  simulation: () => import(/* webpackChunkName: "simulation" */ "./SimulationPanel"),
  charts: () => import(/* webpackChunkName: "simulation-charts" */ "./SimulationCharts"),
  comparables: () => import(/* webpackChunkName: "comparables" */ "./ComparablesPanel"),
};

/** Starts fetching every view's chunk (once; the browser caches the modules), without waiting. */
export function preloadViews(): void {
  for (const load of Object.values(chunks)) void load().catch(() => undefined); // a failed fetch is retried, and reported, when the view is drawn
}

/** `pick` from the chunk `load`, drawn behind a spinner labelled in the pane's language until it arrives. */
function onDemand<M, P extends { language: Language }>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>) {
  const Lazy = lazy(async () => ({ default: pick(await load()) }));
  function OnDemand(props: P) {
    return (
      <Suspense fallback={<Spinner size="tiny" label={TEXT[props.language].loadingView} data-testid="view-loading" />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return OnDemand;
}

export const SharePanel = onDemand(chunks.share, (m) => m.SharePanel);
export const FreezePanel = onDemand(chunks.freeze, (m) => m.FreezePanel);
export const SimulationPanel = onDemand(chunks.simulation, (m) => m.SimulationPanel);
export const ComparablesPanel = onDemand(chunks.comparables, (m) => m.ComparablesPanel);
export const HistogramChart = onDemand(chunks.charts, (m) => m.HistogramChart);
export const TornadoChart = onDemand(chunks.charts, (m) => m.TornadoChart);
export const SpiderChart = onDemand(chunks.charts, (m) => m.SpiderChart);
