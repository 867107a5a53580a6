/**
 * Native charts added to the .xlsx bytes exceljs wrote (exceljs writes none): per chart a DrawingML
 * chart part (xl/charts/chartN.xml), a two-cell anchor in the sheet's drawing (xl/drawings/drawingN.xml,
 * the one exceljs wrote for images if the sheet has one), the relationships sheet → drawing → chart,
 * the content types, and the sheet's <drawing r:id> in its place among the worksheet's children.
 *
 * Element order follows the ECMA-376 schema (CT_ChartSpace, CT_PlotArea, CT_BarChart, CT_BarSer,
 * CT_CatAx, CT_ValAx, CT_Worksheet): Excel refuses a part whose children are out of order.
 */
import JSZip from "jszip";
import type { ChartAnchor, ChartSpec, ColumnChartSpec, FootballChartSpec, SeriesRange, TornadoChartSpec } from "./chart-spec";
import { sheetRef } from "../model/a1";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
};
const CONTENT = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as XML character data or an attribute value (also drops characters XML 1.0 cannot hold). */
export function escapeXml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }[name]!
  );
}

/** "B5:B9" → "$B$5:$B$9" (a chart's references are absolute). */
function absolute(range: string): string {
  return range
    .split(":")
    .map((part) => part.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, (_, col: string, row: string) => `$${col.toUpperCase()}$${row}`))
    .join(":");
}

const formula = (s: SeriesRange) => escapeXml(`${sheetRef(s.sheet)}${absolute(s.range)}`);

// ---------------------------------------------------------------------------------------------
// The chart part

/** A colour as RRGGBB (a leading # allowed); anything else is refused rather than written. */
function rgb(color: string): string {
  const hex = color.replace(/^#/, "");
  if (!/^[0-9a-fA-F]{6}$/.test(hex)) throw new Error(`charts: a colour is RRGGBB, not ${JSON.stringify(color)}`);
  return hex.toUpperCase();
}

const solid = (color: string) => `<c:spPr><a:solidFill><a:srgbClr val="${rgb(color)}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>`;
const noFill = "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>";

function rich(text: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}"${b}/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

const title = (text: string, size: number) => `<c:title>${rich(text, size, true)}<c:overlay val="0"/></c:title>`;

function strRef(s: SeriesRange): string {
  const pts = s.cache.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${formula(s)}</c:f><c:strCache><c:ptCount val="${s.cache.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(s: SeriesRange, numFmt: string): string {
  // A cell without a number ("n/a") is a gap: no point is cached for it.
  const pts = s.cache.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numRef><c:f>${formula(s)}</c:f><c:numCache><c:formatCode>${escapeXml(numFmt)}</c:formatCode><c:ptCount val="${s.cache.length}"/>${pts}</c:numCache></c:numRef>`;
}

interface Series {
  name: string;
  values: SeriesRange;
  /** The series' shape properties (fill), already written. */
  spPr: string;
  /** Per category, a colour that overrides the series' (c:dPt). */
  pointColors?: readonly (string | undefined)[];
}

function ser(s: Series, index: number, categories: SeriesRange, numFmt: string): string {
  const points = (s.pointColors ?? [])
    .map((color, i) => (color ? `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${solid(color)}</c:dPt>` : ""))
    .join("");
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${s.spPr}` +
    `<c:invertIfNegative val="0"/>${points}<c:cat>${strRef(categories)}</c:cat><c:val>${numRef(s.values, numFmt)}</c:val></c:ser>`
  );
}

const CAT_AX = 500100;
const VAL_AX = 500200;

interface BarLayout {
  dir: "bar" | "col";
  grouping: "stacked" | "clustered";
  overlap?: number;
  gapWidth: number;
  series: Series[];
  categories: SeriesRange;
  /** Fixed axis ends and step; automatic when absent. */
  axis?: { min: number; max: number; step: number };
  legend: boolean;
}

const textProps = (size: number) => `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
const gridLine = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';

function chartSpace(spec: ChartSpec, layout: BarLayout): string {
  const numFmt = spec.numFmt ?? "General";
  const horizontal = layout.dir === "bar";
  const series = layout.series.map((s, i) => ser(s, i, layout.categories, numFmt)).join("");
  const axis = layout.axis;
  const scaling = (reverse: boolean, ends?: { min: number; max: number }) =>
    `<c:scaling><c:orientation val="${reverse ? "maxMin" : "minMax"}"/>${ends ? `<c:max val="${ends.max}"/><c:min val="${ends.min}"/>` : ""}</c:scaling>`;
  // Horizontal bars list the categories top to bottom (reversed axis); the value axis then sits at the
  // bottom by crossing at the last category. Category labels stand at the low end, clear of bars below zero.
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/>${scaling(horizontal)}<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>${textProps(900)}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/>${scaling(false, axis)}<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/>${gridLine}` +
    (spec.valueTitle ? title(spec.valueTitle, 900) : "") +
    `<c:numFmt formatCode="${escapeXml(numFmt)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>${textProps(900)}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/>` +
    (axis ? `<c:majorUnit val="${axis.step}"/>` : "") +
    `</c:valAx>`;
  const bar =
    `<c:barChart><c:barDir val="${layout.dir}"/><c:grouping val="${layout.grouping}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="${layout.gapWidth}"/>${layout.overlap !== undefined ? `<c:overlap val="${layout.overlap}"/>` : ""}` +
    `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>`;
  const legend = layout.legend ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(900)}</c:legend>` : "";
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title(spec.title, 1200)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${bar}${catAx}${valAx}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="Calibri"/></a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

const BLUE = "2F6FB0";
const ORANGE = "D9822B";

/** Horizontal bars, one line per category (overlap 100): stacked for the football field, clustered either side of zero for the tornado. */
function horizontal(spec: FootballChartSpec | TornadoChartSpec, grouping: BarLayout["grouping"], series: Series[]): BarLayout {
  const football = spec.kind === "football";
  return {
    dir: "bar",
    grouping,
    overlap: 100,
    gapWidth: football ? 60 : 50,
    categories: spec.categories,
    axis: football ? spec.axis : undefined,
    legend: !football,
    series,
  };
}

const footballLayout = (spec: FootballChartSpec) =>
  horizontal(spec, "stacked", [
    // The first segment runs from zero to the low end and is not drawn.
    { name: spec.lowName ?? "low", values: spec.low, spPr: noFill },
    { name: spec.spanName ?? "range", values: spec.span, spPr: solid(spec.color ?? BLUE), pointColors: spec.pointColors },
  ]);

const tornadoLayout = (spec: TornadoChartSpec) =>
  horizontal(spec, "clustered", [
    { name: spec.lowName, values: spec.low, spPr: solid(spec.lowColor ?? ORANGE) },
    { name: spec.highName, values: spec.high, spPr: solid(spec.highColor ?? BLUE) },
  ]);

const columnLayout = (spec: ColumnChartSpec): BarLayout => ({
  dir: "col",
  grouping: "clustered",
  gapWidth: 30,
  categories: spec.categories,
  legend: false,
  series: [{ name: spec.seriesName ?? spec.title, values: spec.values, spPr: solid(spec.color ?? BLUE) }],
});

/** The chart part (c:chartSpace) of one spec. */
export function chartXml(spec: ChartSpec): string {
  switch (spec.kind) {
    case "football":
      return chartSpace(spec, footballLayout(spec));
    case "column":
      return chartSpace(spec, columnLayout(spec));
    case "tornado":
      return chartSpace(spec, tornadoLayout(spec));
  }
}

// ---------------------------------------------------------------------------------------------
// The package: drawing, relationships, content types, the sheet's <drawing>

function anchorXml(anchor: ChartAnchor, id: number, relId: string, name: string): string {
  const marker = (tag: string, p: { col: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  // Namespaces declared on the anchor itself, so it reads the same inside a drawing exceljs wrote.
  return (
    `<xdr:twoCellAnchor xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" editAs="oneCell">${marker("from", anchor.from)}${marker("to", anchor.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function readRels(xml: string | null): Relationship[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const attr = (name: string) => unescapeXml(new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1] ?? "");
    return { id: attr("Id"), type: attr("Type"), target: attr("Target") };
  });
}

function addRel(xml: string | null, rel: Relationship): string {
  const entry = `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"/>`;
  if (!xml) return `${XML_HEAD}<Relationships xmlns="${NS.rels}">${entry}</Relationships>`;
  return xml.replace(/<\/Relationships>\s*$/, `${entry}</Relationships>`);
}

function freshRelId(rels: readonly Relationship[]): string {
  const taken = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** A relationship target resolved against the folder of the part that holds it ("xl/worksheets"). */
function resolve(folder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = folder.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

const folderOf = (part: string) => part.slice(0, part.lastIndexOf("/"));
const relsOf = (part: string) => `${folderOf(part)}/_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
/** `to` relative to the folder of `from` (both package paths without a leading slash). */
function relative(from: string, to: string): string {
  const a = folderOf(from).split("/");
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

/** Worksheet children that must come after <drawing> (CT_Worksheet's sequence). */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** The worksheet with <drawing r:id> inserted before the first child that must follow it. */
function withDrawingElement(sheet: string, relId: string): string {
  const root = /<((?:(\w+):)?worksheet)\b[^>]*>/.exec(sheet);
  if (!root) throw new Error("charts: a worksheet part without <worksheet>");
  const prefix = root[2] ? `${root[2]}:` : "";
  // The prefix the sheet binds to the relationships namespace, or a declaration of our own.
  const bound = new RegExp(`xmlns:(\\w+)="${NS.r.replace(/[./]/g, "\\$&")}"`).exec(root[0])?.[1];
  const element = bound ? `<${prefix}drawing ${bound}:id="${relId}"/>` : `<${prefix}drawing xmlns:r="${NS.r}" r:id="${relId}"/>`;
  const after = new RegExp(`<${prefix}(?:${AFTER_DRAWING.join("|")})\\b|</${prefix}worksheet>`).exec(sheet);
  if (!after) throw new Error("charts: a worksheet part without </worksheet>");
  return sheet.slice(0, after.index) + element + sheet.slice(after.index);
}

function withOverride(types: string, part: string, contentType: string): string {
  if (types.includes(`PartName="/${part}"`)) return types;
  return types.replace(/<\/Types>\s*$/, `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/></Types>`);
}

function nextFree(zip: JSZip, folder: string, stem: string): (taken: Set<string>) => string {
  return (taken) => {
    for (let n = 1; ; n++) {
      const part = `${folder}/${stem}${n}.xml`;
      if (!zip.file(part) && !taken.has(part)) {
        taken.add(part);
        return part;
      }
    }
  };
}

/** The package path of each worksheet, by sheet name (workbook.xml and its relationships). */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  if (!workbook) throw new Error("charts: not an .xlsx (no xl/workbook.xml)");
  const rels = readRels((await zip.file(relsOf("xl/workbook.xml"))?.async("string")) ?? null);
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[1])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[1])?.[1];
    const rel = rels.find((r) => r.id === id);
    if (name !== undefined && rel) out.set(unescapeXml(name), resolve("xl", rel.target));
  }
  return out;
}

/**
 * The workbook's bytes with `charts` added (each on the sheet its anchor names, which must exist).
 * Leaves every other part as it was, and keeps the drawing a sheet already has (images).
 */
export async function addCharts(xlsx: Uint8Array, charts: readonly ChartSpec[]): Promise<Uint8Array> {
  if (charts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const sheets = await sheetParts(zip);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  const taken = new Set<string>();
  const newChart = nextFree(zip, "xl/charts", "chart");
  const newDrawing = nextFree(zip, "xl/drawings", "drawing");

  const bySheet = new Map<string, ChartSpec[]>();
  for (const c of charts) bySheet.set(c.anchor.sheet, [...(bySheet.get(c.anchor.sheet) ?? []), c]);
  for (const [name, specs] of bySheet) {
    const sheetPart = sheets.get(name);
    if (!sheetPart) throw new Error(`charts: no sheet named ${JSON.stringify(name)}`);
    let sheetXml = await zip.file(sheetPart)!.async("string");
    const sheetRelsPart = relsOf(sheetPart);
    let sheetRels = (await zip.file(sheetRelsPart)?.async("string")) ?? null;

    // The sheet's drawing: the one it has (exceljs's, for images), else a new one.
    const existingId = /<(?:\w+:)?drawing\b[^>]*?\b\w+:id="([^"]*)"/.exec(sheetXml)?.[1];
    const existing = existingId ? readRels(sheetRels).find((r) => r.id === existingId) : undefined;
    let drawingPart: string;
    let drawingXml: string;
    if (existing) {
      drawingPart = resolve(folderOf(sheetPart), existing.target);
      drawingXml = (await zip.file(drawingPart)?.async("string")) ?? `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
    } else {
      drawingPart = newDrawing(taken);
      drawingXml = `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
      const relId = freshRelId(readRels(sheetRels));
      sheetRels = addRel(sheetRels, { id: relId, type: REL.drawing, target: relative(sheetPart, drawingPart) });
      sheetXml = withDrawingElement(sheetXml, relId);
      types = withOverride(types, drawingPart, CONTENT.drawing);
    }
    const drawingRelsPart = relsOf(drawingPart);
    let drawingRels = (await zip.file(drawingRelsPart)?.async("string")) ?? null;
    const ids = [...drawingXml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*?\bid="(\d+)"/g)].map((m) => Number(m[1]));
    let nextId = Math.max(1, ...ids) + 1;

    const anchors: string[] = [];
    for (const spec of specs) {
      const chartPart = newChart(taken);
      zip.file(chartPart, chartXml(spec));
      types = withOverride(types, chartPart, CONTENT.chart);
      const relId = freshRelId(readRels(drawingRels));
      drawingRels = addRel(drawingRels, { id: relId, type: REL.chart, target: relative(drawingPart, chartPart) });
      anchors.push(anchorXml(spec.anchor, nextId, relId, `Chart ${nextId - 1}`));
      nextId++;
    }
    const close = /<\/(?:\w+:)?wsDr>\s*$/.exec(drawingXml);
    if (!close) throw new Error(`charts: ${drawingPart} is not a drawing`);
    drawingXml = drawingXml.slice(0, close.index) + anchors.join("") + drawingXml.slice(close.index);

    zip.file(sheetPart, sheetXml);
    if (sheetRels) zip.file(sheetRelsPart, sheetRels);
    zip.file(drawingPart, drawingXml);
    zip.file(drawingRelsPart, drawingRels!);
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
