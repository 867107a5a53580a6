/**
 * The football field: one horizontal bar per valuation method, from its low to its high across the
 * scenarios, a tick at the base, the committee's zone (floor to ceiling) shaded, and vertical lines at
 * the offer price, the walk-away floor and the ceiling; with a term sheet, the offer's own bar (its
 * risk-adjusted value from the lowest to the highest scenario, the base marked) below the methods.
 * The axis is the shared clipped one (src/model/football.ts): a method far beyond the others is drawn
 * to the axis's end with a break and an arrow, its value printed. Methods can be hidden (chips above
 * the chart, remembered for the session); a hidden method leaves the axis too. The offer, floor and
 * ceiling labels sit in lanes above the bars, stacked where close values would collide. Plain SVG,
 * drawn as wide as the pane shows it (chart-width.ts), so its 11–12 px text is 11–12 px at any width.
 */
import { makeStyles, ToggleButton, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { FootballBar } from "../model/results";
import type { Decisions } from "../../model/scenario-set";
import { fieldScale, placeLabels, textWidth } from "../../model/football";
import { CHART, HALO } from "./chart-colors";
import { CHART_WIDTH, useChartWidth } from "./chart-width";
import { formatAmount, formatCompact } from "./format";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px" },
  chips: { display: "flex", flexWrap: "wrap", gap: "4px" },
  chip: { minWidth: 0, maxWidth: "100%", fontWeight: tokens.fontWeightRegular, whiteSpace: "normal", textAlign: "left" },
  svg: { width: "100%", maxWidth: `${CHART_WIDTH.MAX}px`, height: "auto", display: "block", fontFamily: "inherit", overflow: "visible" },
  empty: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const PAD_L = 8;
const PAD_R = 8;
const ROW = 42;
const LANE = 14;
const AXIS = 22;
const LEGEND = 20;
// Font sizes in px as rendered (the viewBox is the drawn width): 11 px at least, as Office's own small text.
const LABEL_FONT = 12;
const FONT = 11;
const MARK_FONT = 11;
/** How long the break-and-arrow end of a clipped bar is. */
const ARROW = 7;

type MarkKey = "offer" | "floor" | "ceiling";

/** The methods hidden this session (sessionStorage: survives a reload of the pane, not a new session). */
const HIDDEN_KEY = "ipvalue.football.hidden";
function readHidden(): string[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(HIDDEN_KEY) ?? "[]");
    return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function FootballField({
  t,
  language,
  bars: methods,
  decisions,
  offer,
}: {
  t: UiText;
  language: Language;
  bars: FootballBar[];
  decisions: Decisions;
  /** The offer's terms valued across the scenarios (a term sheet), drawn as a bar of its own. */
  offer?: FootballBar;
}) {
  const s = useStyles();
  const [hidden, setHidden] = useState<string[]>(readHidden);
  const [svgRef, W] = useChartWidth();
  if (methods.length === 0) return <p className={s.empty}>{t.football.empty}</p>;
  const toggle = (output: string) => {
    const next = hidden.includes(output) ? hidden.filter((o) => o !== output) : [...hidden, output];
    setHidden(next);
    try {
      sessionStorage.setItem(HIDDEN_KEY, JSON.stringify(next));
    } catch {
      // no session storage (a locked-down host): the choice lasts while the pane is open
    }
  };
  const shown = methods.filter((b) => !hidden.includes(b.output));
  const bars = offer ? [...shown, offer] : shown;
  const isOffer = (b: FootballBar) => b === offer;

  const marks = (["offer", "floor", "ceiling"] as MarkKey[])
    .map((k) => ({ key: k, value: decisions[k].value, label: t.football[k], color: CHART[k] }))
    .filter((m): m is { key: MarkKey; value: number; label: string; color: string } => m.value !== null);

  const scale = fieldScale(
    bars,
    marks.map((m) => m.value)
  );
  const { min: lo, max: hi, step } = scale;
  const x = (v: number) => PAD_L + ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * (W - PAD_L - PAD_R);
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.abs(v) < step / 1e6 ? 0 : v);

  const amount = (v: number) => formatAmount(v, language);
  const compact = (v: number) => formatCompact(v, language);
  // The marks' labels in lanes above the bars: close values stack instead of colliding.
  const markText = marks.map((m) => `${m.label} ${compact(m.value)}`);
  const slots = placeLabels(
    marks.map((m, i) => ({ x: x(m.value), width: textWidth(markText[i], MARK_FONT, true) })),
    PAD_L,
    W - PAD_R
  );
  const lanes = slots.length ? Math.max(...slots.map((sl) => sl.lane)) + 1 : 0;
  const top = lanes * LANE + (lanes ? 4 : 0);
  const barsBottom = top + bars.length * ROW;
  // The legend's second entry follows the first, or goes below it where the pane is too narrow for both.
  const legendGap = 28 + textWidth(t.football.legendRange, FONT) + 16;
  const legendWraps = PAD_L + legendGap + 6 + textWidth(t.football.legendBase, FONT) > W - PAD_R;
  const legendBase = legendWraps ? { x: 11, y: 16 } : { x: Math.max(W * 0.6, legendGap), y: 0 };
  const height = barsBottom + AXIS + LEGEND + (legendWraps ? 16 : 0);
  const floor = decisions.floor.value;
  const ceiling = decisions.ceiling.value;

  const sep = language === "ja" ? "、" : "; ";
  const barsText = bars.map((b) => `${b.label[language]}: ${amount(b.low)} – ${amount(b.high)} (${t.football.base} ${amount(b.base)})`).join(sep);
  const marksText = marks.map((m) => `${m.label} ${amount(m.value)}`).join(sep);
  const key = (b: FootballBar) => (isOffer(b) ? "offer" : b.output);

  return (
    <div className={s.root}>
      <div className={s.chips} role="group" aria-label={t.football.methods}>
        {methods.map((b) => (
          <ToggleButton
            key={b.output}
            size="small"
            shape="circular"
            className={s.chip}
            checked={!hidden.includes(b.output)}
            onClick={() => toggle(b.output)}
            data-testid="football-method"
            data-output={b.output}
          >
            {b.label[language]}
          </ToggleButton>
        ))}
      </div>
      {bars.length === 0 ? (
        <p className={s.empty}>{t.football.allHidden}</p>
      ) : (
        <svg
          ref={svgRef}
          className={s.svg}
          viewBox={`0 0 ${W} ${height}`}
          role="img"
          aria-label={t.football.aria(barsText, marksText)}
          data-testid="football-field"
        >
          <title>{t.football.heading}</title>
          {floor !== null && ceiling !== null && ceiling > floor && (
            <rect
              style={{ fill: CHART.offerBar, opacity: 0.45 }}
              data-zone=""
              x={x(floor)}
              y={top}
              width={Math.max(1, x(ceiling) - x(floor))}
              height={barsBottom - top}
            />
          )}
          {ticks.map((v) => (
            <line style={{ stroke: v === 0 ? CHART.zero : CHART.grid }} key={`g${v}`} x1={x(v)} x2={x(v)} y1={top} y2={barsBottom} strokeWidth={1} />
          ))}
          {bars.map((b, i) => {
            const y = top + i * ROW;
            const cutHigh = scale.clippedHigh[i];
            const cutLow = scale.clippedLow[i];
            const x0 = x(Math.min(b.low, b.high)) + (cutLow ? ARROW : 0);
            const x1 = x(Math.max(b.low, b.high)) - (cutHigh ? ARROW : 0);
            const fill = isOffer(b) ? CHART.offerBar : CHART.bar;
            const stroke = isOffer(b) ? CHART.offer : CHART.barStroke;
            return (
              <g key={key(b)} data-output={key(b)} data-clipped={cutHigh ? "high" : cutLow ? "low" : undefined}>
                <rect style={{ fill, stroke }} x={x0} y={y + 18} width={Math.max(2, x1 - x0)} height={16} rx={2} strokeWidth={1} />
                {cutHigh && <ClippedEnd x={x1} y={y + 18} dir={1} fill={fill} stroke={stroke} />}
                {cutLow && <ClippedEnd x={x0} y={y + 18} dir={-1} fill={fill} stroke={stroke} />}
                {b.base >= lo && b.base <= hi && <line style={{ stroke: CHART.base }} x1={x(b.base)} x2={x(b.base)} y1={y + 15} y2={y + 37} strokeWidth={3} />}
              </g>
            );
          })}
          {marks.map((m, i) => (
            <line
              style={{ stroke: m.color }}
              key={m.key}
              data-mark={m.key}
              x1={x(m.value)}
              x2={x(m.value)}
              y1={slots[i].lane * LANE + 13}
              y2={barsBottom}
              strokeWidth={2}
              strokeDasharray={m.key === "ceiling" ? "4 3" : undefined}
            />
          ))}
          {bars.map((b, i) => {
            const y = top + i * ROW;
            const x0 = x(Math.min(b.low, b.high));
            const x1 = x(Math.max(b.low, b.high));
            return (
              <g style={HALO} key={`label-${key(b)}`}>
                <text style={{ fill: CHART.text }} x={PAD_L} y={y + 13} fontSize={LABEL_FONT} data-bar-label={key(b)}>
                  {b.label[language]}
                </text>
                <text style={{ fill: CHART.text3 }} x={W - PAD_R} y={y + 13} fontSize={FONT} textAnchor="end" data-bar-label={key(b)}>
                  {`${compact(b.low)} – ${compact(b.high)}`}
                </text>
                {scale.clippedHigh[i] && (
                  <text
                    style={{ fill: CHART.text }}
                    x={x1 - ARROW - 16}
                    y={y + 30}
                    fontSize={FONT}
                    textAnchor="end"
                    data-clipped-value={key(b)}
                    data-bar-label={key(b)}
                  >
                    {t.football.clipped(compact(Math.max(b.low, b.high)))}
                  </text>
                )}
                {scale.clippedLow[i] && (
                  <text style={{ fill: CHART.text }} x={x0 + ARROW + 16} y={y + 30} fontSize={FONT} data-clipped-value={key(b)} data-bar-label={key(b)}>
                    {t.football.clipped(compact(Math.min(b.low, b.high)))}
                  </text>
                )}
              </g>
            );
          })}
          {marks.map((m, i) => {
            const mx = x(m.value);
            const { left, lane } = slots[i];
            const width = textWidth(markText[i], MARK_FONT, true);
            const baseline = lane * LANE + 11;
            // A label moved off its line is joined to it.
            const leader = mx < left ? left : mx > left + width ? left + width : null;
            return (
              <g key={`label-${m.key}`}>
                {leader !== null && <line style={{ stroke: m.color }} x1={leader} x2={mx} y1={baseline - 3} y2={baseline - 3} strokeWidth={1} />}
                <text
                  style={{ ...HALO, fill: m.color }}
                  data-mark-label={m.key}
                  x={left}
                  y={baseline}
                  fontSize={MARK_FONT}
                  fontWeight={600}
                  textLength={width > W - PAD_L - PAD_R ? W - PAD_L - PAD_R : undefined}
                >
                  {markText[i]}
                </text>
              </g>
            );
          })}
          <line style={{ stroke: CHART.text3 }} x1={PAD_L} x2={W - PAD_R} y1={barsBottom} y2={barsBottom} strokeWidth={1} />
          {ticks.map((v, i) => (
            <text
              style={{ fill: CHART.text2 }}
              key={`t${v}`}
              data-tick={v}
              x={x(v)}
              y={barsBottom + 15}
              fontSize={FONT}
              textAnchor={i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle"}
            >
              {compact(v)}
            </text>
          ))}
          <g style={{ fill: CHART.text2 }} transform={`translate(${PAD_L}, ${barsBottom + AXIS + 4})`} fontSize={FONT}>
            <rect style={{ fill: CHART.bar, stroke: CHART.barStroke }} x={0} y={2} width={22} height={10} rx={2} strokeWidth={1} />
            <text x={28} y={11}>
              {t.football.legendRange}
            </text>
            <line style={{ stroke: CHART.base }} x1={legendBase.x} x2={legendBase.x} y1={legendBase.y} y2={legendBase.y + 14} strokeWidth={3} />
            <text x={legendBase.x + 6} y={legendBase.y + 11}>
              {t.football.legendBase}
            </text>
          </g>
        </svg>
      )}
    </div>
  );
}

/** A clipped bar's end: a break (two slanted strokes) and an arrow pointing past the axis. */
function ClippedEnd({ x, y, dir, fill, stroke }: { x: number; y: number; dir: 1 | -1; fill: string; stroke: string }) {
  const tip = x + dir * ARROW;
  return (
    <g data-clip-mark="">
      <path style={{ fill, stroke }} d={`M${x} ${y} L${tip} ${y + 8} L${x} ${y + 16} Z`} strokeWidth={1} />
      <line style={{ stroke: CHART.halo }} x1={x - dir * 9} x2={x - dir * 5} y1={y + 17} y2={y - 1} strokeWidth={2} />
      <line style={{ stroke: CHART.halo }} x1={x - dir * 14} x2={x - dir * 10} y1={y + 17} y2={y - 1} strokeWidth={2} />
    </g>
  );
}
