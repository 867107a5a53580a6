/**
 * The width a chart is drawn at: the width its SVG takes in the pane (CSS width 100%, at most
 * CHART_WIDTH.MAX), in CSS pixels, no less than MIN. A viewBox that wide shows the chart at scale 1,
 * so its SVG text renders at its font size in a 320 px pane as in a 900 px one (a fixed 400-wide
 * viewBox drew 11 px text at 8 px in the narrowest pane). The SVG's width does not depend on its
 * viewBox (only its height does), so measuring it cannot loop. Before the first measurement, and
 * without ResizeObserver, the chart keeps FALLBACK and scales as before.
 */
import { useCallback, useLayoutEffect, useState } from "react";

export const CHART_WIDTH = { MIN: 240, MAX: 560, FALLBACK: 400 };

/** A ref callback for the chart's <svg> and the width to draw it at (whole pixels, so a resize settles). */
export function useChartWidth(): [(svg: SVGSVGElement | null) => void, number] {
  const [svg, setSvg] = useState<SVGSVGElement | null>(null);
  const [width, setWidth] = useState(CHART_WIDTH.FALLBACK);
  const ref = useCallback((node: SVGSVGElement | null) => setSvg(node), []);
  useLayoutEffect(() => {
    if (!svg || typeof ResizeObserver === "undefined") return;
    const measure = () => {
      const w = Math.floor(svg.getBoundingClientRect().width);
      if (w > 0) setWidth(Math.max(CHART_WIDTH.MIN, Math.min(CHART_WIDTH.MAX, w)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, [svg]);
  return [ref, width];
}
