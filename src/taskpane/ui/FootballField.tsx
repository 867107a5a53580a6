/**
 * The football field: one horizontal bar per valuation method, from its low to its high across the
 * scenarios, a tick at the base, and vertical lines at the offer price, the walk-away floor and the
 * ceiling; with a term sheet, the offer's own bar (its risk-adjusted value from the lowest to the
 * highest scenario, the base marked) below the methods. Plain SVG, drawn in a fixed 400-wide
 * coordinate system scaled to the pane.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { FootballBar } from "../model/results";
import type { Decisions } from "../../model/scenario-set";
import { CHART, HALO } from "./chart-colors";
import { formatAmount, formatCompact } from "./format";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  // Drawn 400 wide: capped at 440 px so that its 10–11 px text stays near that size in a wide pane.
  svg: { width: "100%", maxWidth: "440px", height: "auto", display: "block", fontFamily: "inherit", overflow: "visible" },
  empty: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const W = 400;
const PAD_L = 8;
const PAD_R = 8;
const ROW = 42;
const MARK_ROW = 14;
const AXIS = 22;
const LEGEND = 20;

/** A round step near `span / count` (1, 2 or 5 times a power of ten). */
export function niceStep(span: number, count = 4): number {
  const raw = span / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

type MarkKey = "offer" | "floor" | "ceiling";

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
  if (methods.length === 0) return <p className={s.empty}>{t.football.empty}</p>;
  const bars = offer ? [...methods, offer] : methods;
  const isOffer = (b: FootballBar) => b === offer;

  const marks = (["offer", "floor", "ceiling"] as MarkKey[])
    .map((k) => ({ key: k, value: decisions[k].value, label: t.football[k], color: CHART[k] }))
    .filter((m): m is { key: MarkKey; value: number; label: string; color: string } => m.value !== null);

  const values = [0, ...bars.flatMap((b) => [b.low, b.high]), ...marks.map((m) => m.value)];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const x = (v: number) => PAD_L + ((v - lo) / (hi - lo)) * (W - PAD_L - PAD_R);
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.abs(v) < step / 1e6 ? 0 : v);

  const top = marks.length * MARK_ROW + (marks.length ? 4 : 0);
  const barsBottom = top + bars.length * ROW;
  const height = barsBottom + AXIS + LEGEND;

  const amount = (v: number) => formatAmount(v, language);
  const compact = (v: number) => formatCompact(v, language);
  const sep = language === "ja" ? "、" : "; ";
  const barsText = bars.map((b) => `${b.label[language]}: ${amount(b.low)} – ${amount(b.high)} (${t.football.base} ${amount(b.base)})`).join(sep);
  const marksText = marks.map((m) => `${m.label} ${amount(m.value)}`).join(sep);

  return (
    <svg className={s.svg} viewBox={`0 0 ${W} ${height}`} role="img" aria-label={t.football.aria(barsText, marksText)} data-testid="football-field">
      <title>{t.football.heading}</title>
      {ticks.map((v) => (
        <line style={{ stroke: v === 0 ? CHART.zero : CHART.grid }} key={`g${v}`} x1={x(v)} x2={x(v)} y1={top} y2={barsBottom} strokeWidth={1} />
      ))}
      {bars.map((b, i) => {
        const y = top + i * ROW;
        const x0 = x(Math.min(b.low, b.high));
        const x1 = x(Math.max(b.low, b.high));
        return (
          <g key={isOffer(b) ? "offer" : b.output} data-output={isOffer(b) ? "offer" : b.output}>
            <rect
              style={{ fill: isOffer(b) ? CHART.offerBar : CHART.bar, stroke: isOffer(b) ? CHART.offer : CHART.barStroke }}
              x={x0}
              y={y + 18}
              width={Math.max(2, x1 - x0)}
              height={16}
              rx={2}

              strokeWidth={1}
            />
            <line style={{ stroke: CHART.base }} x1={x(b.base)} x2={x(b.base)} y1={y + 15} y2={y + 37} strokeWidth={3} />
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
          y1={i * MARK_ROW + 12}
          y2={barsBottom}

          strokeWidth={2}
          strokeDasharray={m.key === "ceiling" ? "4 3" : undefined}
        />
      ))}
      {bars.map((b, i) => {
        const y = top + i * ROW;
        return (
          <g style={HALO} key={`label-${isOffer(b) ? "offer" : b.output}`}>
            <text style={{ fill: CHART.text }} x={PAD_L} y={y + 13} fontSize={11}>
              {b.label[language]}
            </text>
            <text style={{ fill: CHART.text3 }} x={W - PAD_R} y={y + 13} fontSize={10} textAnchor="end">
              {`${compact(b.low)} – ${compact(b.high)}`}
            </text>
          </g>
        );
      })}
      {marks.map((m, i) => {
        const mx = x(m.value);
        const right = mx > W / 2;
        return (
          <text
            style={{ ...HALO, fill: m.color }}
            key={`label-${m.key}`}

            x={right ? mx - 3 : mx + 3}
            y={i * MARK_ROW + 11}
            fontSize={10}
            fontWeight={600}

            textAnchor={right ? "end" : "start"}
          >
            {`${m.label} ${compact(m.value)}`}
          </text>
        );
      })}
      <line style={{ stroke: CHART.text3 }} x1={PAD_L} x2={W - PAD_R} y1={barsBottom} y2={barsBottom} strokeWidth={1} />
      {ticks.map((v, i) => (
        <text
          style={{ fill: CHART.text2 }}
          key={`t${v}`}
          x={x(v)}
          y={barsBottom + 15}
          fontSize={10}

          textAnchor={i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle"}
        >
          {compact(v)}
        </text>
      ))}
      <g style={{ fill: CHART.text2 }} transform={`translate(${PAD_L}, ${barsBottom + AXIS + 4})`} fontSize={10}>
        <rect style={{ fill: CHART.bar, stroke: CHART.barStroke }} x={0} y={2} width={22} height={10} rx={2} strokeWidth={1} />
        <text x={28} y={11}>
          {t.football.legendRange}
        </text>
        <line style={{ stroke: CHART.base }} x1={W * 0.6} x2={W * 0.6} y1={0} y2={14} strokeWidth={3} />
        <text x={W * 0.6 + 6} y={11}>
          {t.football.legendBase}
        </text>
      </g>
    </svg>
  );
}
