/**
 * The simulation's two charts, plain SVG drawn as wide as the pane shows them (chart-width.ts), as the
 * football field, so their 11 px text is 11 px at any width: the histogram of the simulated value with P10, P50 and P90 (and the committee's
 * floor) marked, and the tornado — one bar per assumption from the output at its low to the output at
 * its high, around the base value, largest swing on top — and beside it the spider: the value along each
 * assumption's range, low at the left, base in the middle, high at the right, every line through the base.
 */
import { makeStyles } from "@fluentui/react-components";
import { assumptionSpec, percentileLabel, roundStep, type Spider, type Tornado, ValuationError } from "../../engine";
import type { SimulationView } from "../model/simulation";
import { CHART, HALO, SERIES, SPIDER_DASHES } from "./chart-colors";
import { CHART_WIDTH, useChartWidth } from "./chart-width";
import { textWidth } from "../../model/football";
import { formatAmount, formatCompact, formatPercent } from "./format";
import type { Language } from "./strings";
import type { SimulationText } from "./simulation-text";

const useStyles = makeStyles({
  svg: { width: "100%", maxWidth: `${CHART_WIDTH.MAX}px`, height: "auto", display: "block", fontFamily: "inherit", overflow: "visible" },
});

/** Font size in px as rendered (the viewBox is the drawn width): 11 px at least, as Office's own small text. */
const FONT = 11;
/** Margin at the chart's edges. */
const PAD = 8;

function ticksOf(lo: number, hi: number, count = 4): { lo: number; hi: number; ticks: number[] } {
  if (!(hi > lo)) hi = lo + Math.max(1, Math.abs(lo) * 0.1);
  const step = roundStep(hi - lo, count);
  const a = Math.floor(lo / step) * step;
  const b = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = a; v <= b + step / 2; v += step) ticks.push(Math.abs(v) < step / 1e6 ? 0 : v);
  return { lo: a, hi: b, ticks };
}

export function HistogramChart({ view, language, x }: { view: SimulationView; language: Language; x: SimulationText }) {
  const s = useStyles();
  const [svgRef, W] = useChartWidth();
  const { histogram: h, result, floor } = view;
  const TOP = 30;
  const PLOT = 130;
  const AXIS = 18;
  const height = TOP + PLOT + AXIS + 4;
  const edgeLo = h.edges[0];
  const edgeHi = h.edges[h.edges.length - 1];
  const domain = ticksOf(Math.min(edgeLo, floor ?? edgeLo), Math.max(edgeHi, floor ?? edgeHi), 6);
  const px = (v: number) => PAD + ((v - domain.lo) / (domain.hi - domain.lo)) * (W - 2 * PAD);
  const max = Math.max(...h.counts, 1);
  const bottom = TOP + PLOT;
  const marks = result.percentiles.map((p) => ({ label: percentileLabel(p.p), value: p.value }));
  const compact = (v: number) => formatCompact(v, language);
  const summary = [
    ...marks.map((m) => `${m.label} ${formatAmount(m.value, language)}`),
    `${x.mean} ${formatAmount(result.mean, language)}`,
    ...(floor !== null && result.below ? [`${x.belowFloor(formatAmount(floor, language))} ${formatPercent(result.below.probability, language)}`] : []),
    `${result.iterations.toLocaleString(language === "ja" ? "ja-JP" : "en-US")} ${x.draws}`,
  ].join(language === "ja" ? "、" : "; ");
  return (
    <svg ref={svgRef} className={s.svg} viewBox={`0 0 ${W} ${height}`} role="img" aria-label={x.histogramAria(summary)} data-testid="simulation-histogram">
      <title>{x.histogram}</title>
      {domain.ticks.map((v) => (
        <line style={{ stroke: CHART.grid }} key={`g${v}`} x1={px(v)} x2={px(v)} y1={TOP} y2={bottom} strokeWidth={1} />
      ))}
      {h.counts.map((c, i) => {
        const x0 = px(h.edges[i]);
        const x1 = px(h.edges[i + 1] ?? h.edges[i]);
        const hgt = (c / max) * PLOT;
        const holds = marks.some((m) => m.value >= h.edges[i] && (m.value < h.edges[i + 1] || i === h.counts.length - 1));
        return (
          <rect
            style={{ fill: holds ? CHART.barStroke : CHART.bar }}
            key={i}
            x={x0 + 0.5}
            y={bottom - hgt}
            width={Math.max(1, x1 - x0 - 1)}
            height={hgt}

            data-bin={i}
            data-count={c}
          />
        );
      })}
      {marks.map((m, i) => (
        <g key={m.label} data-percentile={m.label} data-value={m.value}>
          <line
            style={{ stroke: CHART.base }}
            x1={px(m.value)}
            x2={px(m.value)}
            y1={TOP - 4 - (i % 2) * 12}
            y2={bottom}
            strokeWidth={1.5}
            strokeDasharray="4 3"
          />
          <text style={{ ...HALO, fill: CHART.base }} x={px(m.value)} y={TOP - 8 - (i % 2) * 12} fontSize={FONT} fontWeight={600} textAnchor="middle">
            {`${m.label} ${compact(m.value)}`}
          </text>
        </g>
      ))}
      {floor !== null && (
        <g data-mark="floor">
          <line style={{ stroke: CHART.floor }} x1={px(floor)} x2={px(floor)} y1={TOP} y2={bottom} strokeWidth={2} />
          <text
            style={{ ...HALO, fill: CHART.floor }}

            x={px(floor) > W / 2 ? px(floor) - 3 : px(floor) + 3}
            y={TOP + 10}
            fontSize={FONT}
            fontWeight={600}

            textAnchor={px(floor) > W / 2 ? "end" : "start"}
          >
            {x.floor}
          </text>
        </g>
      )}
      <Axis W={W} from={PAD} y={bottom} ticks={domain.ticks} px={px} label={compact} />
    </svg>
  );
}

/** The horizontal axis under a chart W wide: a line from `from` to the right edge, a label at each tick. */
function Axis({
  W,
  from,
  y,
  ticks,
  px,
  label,
}: {
  W: number;
  from: number;
  y: number;
  ticks: number[];
  px: (v: number) => number;
  label: (v: number) => string;
}) {
  return (
    <>
      <line style={{ stroke: CHART.axis }} x1={from} x2={W - PAD} y1={y} y2={y} strokeWidth={1} />
      {ticks.map((v, i) => (
        <text
          style={{ fill: CHART.text2 }}
          key={`t${v}`}
          x={px(v)}
          y={y + 14}
          fontSize={FONT}
          textAnchor={i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle"}
        >
          {label(v)}
        </text>
      ))}
    </>
  );
}

/** An assumption's input as its unit reads: rates and shares as percentages, amounts compact, years plain. */
function formatInput(key: Parameters<typeof assumptionSpec>[0], v: number, language: Language): string {
  const unit = assumptionSpec(key).unit;
  if (unit === "rate" || unit === "share") return formatPercent(v, language);
  if (unit === "currency" || unit === "currency_per_year") return formatCompact(v, language);
  return String(v);
}

export function TornadoChart({ tornado, language, x }: { tornado: Tornado; language: Language; x: SimulationText }) {
  const s = useStyles();
  const [svgRef, W] = useChartWidth();
  const LABEL = 142;
  const ROW = 30;
  const TOP = 16;
  const rows = tornado.rows;
  const numbers = [tornado.base, ...rows.flatMap((r) => [r.outputLow, r.outputHigh].filter((v): v is number => typeof v === "number"))];
  const domain = ticksOf(Math.min(...numbers), Math.max(...numbers), 3);
  const px = (v: number) => LABEL + ((v - domain.lo) / (domain.hi - domain.lo)) * (W - LABEL - PAD);
  const bottom = TOP + rows.length * ROW;
  // The legend under the plot; from the chart's left edge, then on two lines, where the pane is narrow.
  const lowWidth = 18 + textWidth(x.atLow, FONT) + 14;
  const legendWidth = lowWidth + 18 + textWidth(x.atHigh, FONT);
  const legendX = LABEL + legendWidth <= W - PAD ? LABEL : 0;
  const legendWraps = legendX + legendWidth > W - PAD;
  const high = legendWraps ? { x: 0, y: 16 } : { x: lowWidth, y: 0 };
  const height = bottom + 36 + (legendWraps ? 16 : 0);
  const compact = (v: number) => formatCompact(v, language);
  const summary = rows
    .map((r) => {
      const label = assumptionSpec(r.key).label[language];
      const lo = r.outputLow instanceof ValuationError ? x.noAnswer : formatAmount(r.outputLow, language);
      const hi = r.outputHigh instanceof ValuationError ? x.noAnswer : formatAmount(r.outputHigh, language);
      return `${label}: ${lo} – ${hi}`;
    })
    .join(language === "ja" ? "、" : "; ");
  return (
    <svg
      ref={svgRef}
      className={s.svg}
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-label={x.tornadoAria(`${x.base} ${formatAmount(tornado.base, language)}. ${summary}`)}
      data-testid="tornado"
    >
      <title>{x.tornado}</title>
      {domain.ticks.map((v) => (
        <line style={{ stroke: CHART.grid }} key={`g${v}`} x1={px(v)} x2={px(v)} y1={TOP} y2={bottom} strokeWidth={1} />
      ))}
      {rows.map((r, i) => {
        const y = TOP + i * ROW;
        const bar = (v: number | ValuationError, color: string, side: string) =>
          typeof v === "number" ? (
            <rect
              style={{ fill: color }}
              data-side={side}
              x={Math.min(px(v), px(tornado.base))}
              y={y + 6}
              width={Math.max(1, Math.abs(px(v) - px(tornado.base)))}
              height={16}

              rx={1}
            />
          ) : null;
        return (
          <g key={r.key} data-key={r.key} data-swing={r.swing ?? ""}>
            <text style={{ fill: CHART.text }} x={0} y={y + 13} fontSize={FONT}>
              {assumptionSpec(r.key).label[language]}
            </text>
            <text style={{ fill: CHART.text3 }} x={0} y={y + 25} fontSize={FONT}>
              {`${formatInput(r.key, r.low, language)} → ${formatInput(r.key, r.high, language)}`}
            </text>
            {bar(r.outputLow, CHART.low, "low")}
            {bar(r.outputHigh, CHART.high, "high")}
            {r.swing === undefined && (
              <text style={{ fill: CHART.text3 }} x={px(tornado.base) + 4} y={y + 18} fontSize={FONT}>
                {x.noAnswer}
              </text>
            )}
          </g>
        );
      })}
      <line style={{ stroke: CHART.base }} x1={px(tornado.base)} x2={px(tornado.base)} y1={TOP - 6} y2={bottom} strokeWidth={2} data-mark="base" />
      <text style={{ ...HALO, fill: CHART.base }} x={px(tornado.base)} y={TOP - 8} fontSize={FONT} fontWeight={600} textAnchor="middle">
        {`${x.base} ${compact(tornado.base)}`}
      </text>
      <Axis W={W} from={LABEL} y={bottom} ticks={domain.ticks} px={px} label={compact} />
      <g style={{ fill: CHART.text2 }} transform={`translate(${legendX}, ${bottom + 22})`} fontSize={FONT}>
        <rect style={{ fill: CHART.low }} x={0} y={2} width={14} height={10} />
        <text x={18} y={11}>
          {x.atLow}
        </text>
        <rect style={{ fill: CHART.high }} x={high.x} y={high.y + 2} width={14} height={10} />
        <text x={high.x + 18} y={high.y + 11}>
          {x.atHigh}
        </text>
      </g>
    </svg>
  );
}

/** The i-th line's colour and dash (none for the first); a dash as well as a colour tells lines apart. */
function spiderLine(i: number): { color: string; dash: string | undefined } {
  return { color: SERIES[i % SERIES.length], dash: SPIDER_DASHES[i % SPIDER_DASHES.length] || undefined };
}

/**
 * The spider: the value (vertical) as each assumption moves from its low (left) through the base
 * (middle) to its high (right), the others at base; one line per assumption, a point without an
 * answer left out of its line, the legend underneath in order of spread.
 */
export function SpiderChart({ spider, language, x }: { spider: Spider; language: Language; x: SimulationText }) {
  const s = useStyles();
  const [svgRef, W] = useChartWidth();
  const LEFT = 54;
  const TOP = 14;
  const PLOT = 150;
  const LEGEND_ROW = 16;
  const lines = spider.lines;
  const numbers = [spider.base, ...lines.flatMap((l) => l.outputs.filter((v): v is number => typeof v === "number"))];
  const range = ticksOf(Math.min(...numbers), Math.max(...numbers), 4);
  const px = (position: number) => LEFT + ((position + 1) / 2) * (W - LEFT - PAD);
  const py = (v: number) => TOP + PLOT - ((v - range.lo) / (range.hi - range.lo)) * PLOT;
  const bottom = TOP + PLOT;
  // The axis caption on two lines where it does not fit one (at a bracket or a colon).
  const captionFits = textWidth(x.spiderAxis, FONT) <= W - 2 * PAD;
  const cut = Math.max(x.spiderAxis.indexOf(" ("), x.spiderAxis.indexOf("（"), x.spiderAxis.indexOf(": ") + 1);
  const caption = captionFits || cut <= 0 ? [x.spiderAxis] : [x.spiderAxis.slice(0, cut).trim(), x.spiderAxis.slice(cut).trim()];
  const legendTop = bottom + 34 + (caption.length - 1) * 13;
  // The legend in two columns when every label fits half the width, else one (a narrow pane).
  const legendLabel = (l: (typeof lines)[number]) =>
    l.spread === undefined ? `${assumptionSpec(l.key).label[language]} (${x.noAnswer})` : assumptionSpec(l.key).label[language];
  const columns = Math.max(0, ...lines.map((l) => textWidth(legendLabel(l), FONT))) + 22 <= (W - 2 * PAD) / 2 ? 2 : 1;
  const height = legendTop + Math.ceil(lines.length / columns) * LEGEND_ROW + 4;
  const compact = (v: number) => formatCompact(v, language);
  const summary = lines
    .map((l) => {
      const values = l.outputs.map((v) => (v instanceof ValuationError ? x.noAnswer : formatAmount(v, language)));
      return `${assumptionSpec(l.key).label[language]}: ${values.join(" → ")}`;
    })
    .join(language === "ja" ? "、" : "; ");
  const ends = [
    { position: -1, label: x.spiderLow, anchor: "start" as const },
    { position: 0, label: x.base, anchor: "middle" as const },
    { position: 1, label: x.spiderHigh, anchor: "end" as const },
  ];
  return (
    <svg
      ref={svgRef}
      className={s.svg}
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-label={x.spiderAria(`${x.base} ${formatAmount(spider.base, language)}. ${summary}`)}
      data-testid="spider"
    >
      <title>{x.spider}</title>
      {range.ticks.map((v) => (
        <g key={`g${v}`}>
          <line style={{ stroke: CHART.grid }} x1={LEFT} x2={W - PAD} y1={py(v)} y2={py(v)} strokeWidth={1} />
          <text style={{ fill: CHART.text2 }} x={LEFT - 4} y={py(v) + 3} fontSize={FONT} textAnchor="end">
            {compact(v)}
          </text>
        </g>
      ))}
      {spider.positions.map((p) => (
        <line style={{ stroke: p === 0 ? CHART.zero : CHART.grid }} key={`p${p}`} x1={px(p)} x2={px(p)} y1={TOP} y2={bottom} strokeWidth={p === 0 ? 1.5 : 1} />
      ))}
      {lines.map((l, i) => {
        const { color, dash } = spiderLine(i);
        const points = spider.positions.flatMap((p, j) => (typeof l.outputs[j] === "number" ? [{ p, v: l.outputs[j] as number }] : []));
        return (
          <g key={l.key} data-key={l.key} data-spread={l.spread ?? ""}>
            <polyline
              style={{ stroke: color, fill: "none" }}
              points={points.map((q) => `${px(q.p)},${py(q.v)}`).join(" ")}
              strokeWidth={2}
              strokeDasharray={dash}
              strokeLinejoin="round"
            />
            {points.map((q) => (
              <circle style={{ fill: color }} key={q.p} cx={px(q.p)} cy={py(q.v)} r={2.5} data-position={q.p} data-value={q.v} />
            ))}
          </g>
        );
      })}
      <line style={{ stroke: CHART.axis }} x1={LEFT} x2={W - PAD} y1={bottom} y2={bottom} strokeWidth={1} />
      {ends.map((e) => (
        <text style={{ fill: CHART.text2 }} key={e.position} x={px(e.position)} y={bottom + 14} fontSize={FONT} textAnchor={e.anchor}>
          {e.label}
        </text>
      ))}
      {caption.map((part, k) => (
        <text key={`caption-${k}`} style={{ fill: CHART.text3 }} x={W / 2} y={bottom + 27 + k * 13} fontSize={FONT} textAnchor="middle">
          {part}
        </text>
      ))}
      {lines.map((l, i) => {
        const { color, dash } = spiderLine(i);
        const col = i % columns;
        const row = Math.floor(i / columns);
        const lx = PAD + col * ((W - 2 * PAD) / columns);
        const ly = legendTop + row * LEGEND_ROW;
        return (
          <g key={`legend-${l.key}`} data-legend={l.key}>
            <line style={{ stroke: color }} x1={lx} x2={lx + 18} y1={ly} y2={ly} strokeWidth={2} strokeDasharray={dash} />
            <text style={{ fill: CHART.text }} x={lx + 22} y={ly + 4} fontSize={FONT}>
              {legendLabel(l)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
