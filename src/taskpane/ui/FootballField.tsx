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
import { formatAmount, formatCompact } from "./format";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block", fontFamily: "inherit", overflow: "visible" },
  empty: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const W = 400;
const PAD_L = 8;
const PAD_R = 8;
const ROW = 42;
const MARK_ROW = 14;
const AXIS = 22;
const LEGEND = 20;
const COLORS = {
  bar: "#8fc7cc",
  barStroke: "#0f6c74",
  base: "#063b40",
  offer: "#107c10",
  offerBar: "#9fd89f",
  floor: "#c50f1f",
  ceiling: "#5c5c5c",
  grid: "#e0e0e0",
};

/** A round step near `span / count` (1, 2 or 5 times a power of ten). */
export function niceStep(span: number, count = 4): number {
  const raw = span / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** A white outline under text, so that labels stay legible where lines cross them. */
const HALO = { stroke: "#ffffff", strokeWidth: 3, strokeLinejoin: "round" as const, paintOrder: "stroke" };

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
    .map((k) => ({ key: k, value: decisions[k].value, label: t.football[k], color: COLORS[k] }))
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
        <line key={`g${v}`} x1={x(v)} x2={x(v)} y1={top} y2={barsBottom} stroke={v === 0 ? "#9e9e9e" : COLORS.grid} strokeWidth={1} />
      ))}
      {bars.map((b, i) => {
        const y = top + i * ROW;
        const x0 = x(Math.min(b.low, b.high));
        const x1 = x(Math.max(b.low, b.high));
        return (
          <g key={isOffer(b) ? "offer" : b.output} data-output={isOffer(b) ? "offer" : b.output}>
            <rect
              x={x0}
              y={y + 18}
              width={Math.max(2, x1 - x0)}
              height={16}
              rx={2}
              fill={isOffer(b) ? COLORS.offerBar : COLORS.bar}
              stroke={isOffer(b) ? COLORS.offer : COLORS.barStroke}
              strokeWidth={1}
            />
            <line x1={x(b.base)} x2={x(b.base)} y1={y + 15} y2={y + 37} stroke={COLORS.base} strokeWidth={3} />
          </g>
        );
      })}
      {marks.map((m, i) => (
        <line
          key={m.key}
          data-mark={m.key}
          x1={x(m.value)}
          x2={x(m.value)}
          y1={i * MARK_ROW + 12}
          y2={barsBottom}
          stroke={m.color}
          strokeWidth={2}
          strokeDasharray={m.key === "ceiling" ? "4 3" : undefined}
        />
      ))}
      {bars.map((b, i) => {
        const y = top + i * ROW;
        return (
          <g key={`label-${isOffer(b) ? "offer" : b.output}`} {...HALO}>
            <text x={PAD_L} y={y + 13} fontSize={11} fill="#242424">
              {b.label[language]}
            </text>
            <text x={W - PAD_R} y={y + 13} fontSize={10} fill="#616161" textAnchor="end">
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
            key={`label-${m.key}`}
            {...HALO}
            x={right ? mx - 3 : mx + 3}
            y={i * MARK_ROW + 11}
            fontSize={10}
            fontWeight={600}
            fill={m.color}
            textAnchor={right ? "end" : "start"}
          >
            {`${m.label} ${compact(m.value)}`}
          </text>
        );
      })}
      <line x1={PAD_L} x2={W - PAD_R} y1={barsBottom} y2={barsBottom} stroke="#616161" strokeWidth={1} />
      {ticks.map((v, i) => (
        <text
          key={`t${v}`}
          x={x(v)}
          y={barsBottom + 15}
          fontSize={10}
          fill="#424242"
          textAnchor={i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle"}
        >
          {compact(v)}
        </text>
      ))}
      <g transform={`translate(${PAD_L}, ${barsBottom + AXIS + 4})`} fontSize={10} fill="#424242">
        <rect x={0} y={2} width={22} height={10} rx={2} fill={COLORS.bar} stroke={COLORS.barStroke} strokeWidth={1} />
        <text x={28} y={11}>
          {t.football.legendRange}
        </text>
        <line x1={W * 0.6} x2={W * 0.6} y1={0} y2={14} stroke={COLORS.base} strokeWidth={3} />
        <text x={W * 0.6 + 6} y={11}>
          {t.football.legendBase}
        </text>
      </g>
    </svg>
  );
}
