/**
 * An in-memory stand-in for the part of the Excel JavaScript API that src/taskpane/office/ uses,
 * and nothing more (see IMPLEMENTED below; a test checks that the adapter uses every member listed).
 *
 * It follows Office's proxy model closely enough to catch the usual mistakes: every call only queues
 * an action; actions run in order at `context.sync()` (asynchronously, like a round trip); a property
 * can be read only after it was `load`ed and synced ("PropertyNotLoaded" otherwise, as in Office);
 * `isNullObject` is known only after a sync; proxies die with their `Excel.run` unless the run is
 * resumed with `Excel.run(context, …)` (the documented way to remove an event handler).
 * Values are typed as Excel types them: "=…" is a formula, "'…" is text without the apostrophe,
 * "5", "5%", "1,000" and "TRUE" become numbers and booleans, "-abc" becomes a formula (#NAME? in Excel).
 * Table headers are kept as Excel keeps them: text, never blank ("Column1"), unique ignoring case
 * ("Base2"). A change to cells inside a table fires that table's onChanged handlers, for the add-in's
 * own writes (source "Local", after the sync) as for a user's edit made through the helpers.
 * Formulas are stored, not calculated: a formula cell's value reads as its formula text, unless a test
 * sets what Excel would have calculated (helpers.calculate, which also spills an array result).
 * Entire rows inserted (Range.getEntireRow().insert("Down")) move every cell below down, with its
 * value, formula and format; tables below move, a table the rows fall inside grows, and A1 references
 * to the moved cells in every formula (and chart source) follow, as in Excel.
 *
 * One plain script with no imports, so it loads in Node (require) and in a page (Playwright
 * addInitScript({ path })). It installs globalThis.Excel and globalThis.__fakeExcel (helpers to
 * inspect the workbook, edit it as a user would, reset it); in a page the workbook is kept in
 * localStorage, so it survives a reload of the pane.
 */
(function installFakeExcel() {
  "use strict";
  const root = typeof globalThis !== "undefined" ? globalThis : window;
  const STORAGE_KEY = "ipvalue.fakeExcel.workbook";
  const THEME_KEY = "ipvalue.fakeExcel.officeTheme";
  let officeTheme;
  const themeHandlers = new Set();

  /** Every API member the stand-in implements, as "Class.member". */
  const IMPLEMENTED = [
    "Excel.run",
    "RunOptions.mergeUndoGroup",
    "RequestContext.sync",
    "RequestContext.workbook",
    "Workbook.worksheets",
    "Workbook.tables",
    "WorksheetCollection.getItemOrNullObject",
    "WorksheetCollection.add",
    "Worksheet.isNullObject",
    "Worksheet.name",
    "Worksheet.getRange",
    "Worksheet.getRangeByIndexes",
    "Worksheet.tables",
    "Worksheet.charts",
    "Worksheet.delete",
    "Worksheet.activate",
    "Worksheet.load",
    "TableCollection.getItemOrNullObject",
    "TableCollection.add",
    "TableCollection.load",
    "TableCollection.items",
    "Table.isNullObject",
    "Table.name",
    "Table.id",
    "Table.getRange",
    "Table.worksheet",
    "Table.resize",
    "Table.onChanged",
    "Table.load",
    "EventHandlers.add",
    "EventHandlerResult.context",
    "EventHandlerResult.remove",
    "Range.values",
    "Range.formulas",
    "Range.numberFormat",
    "Range.rowIndex",
    "Range.columnIndex",
    "Range.rowCount",
    "Range.columnCount",
    "Range.clear",
    "Range.load",
    "Range.getEntireRow",
    "Range.insert",
    "InsertShiftDirection.down",
    "ChartCollection.add",
    "Chart.name",
    "Chart.title",
    "Chart.legend",
    "Chart.series",
    "Chart.setPosition",
    "ChartTitle.text",
    "ChartLegend.visible",
    "ChartSeriesCollection.getItemAt",
    "ChartSeries.format",
    "ChartSeriesFormat.fill",
    "ChartFill.clear",
    "ChartFill.setSolidColor",
    // Sharing (negotiator workbook, freeze for sharing)
    "Excel.createWorkbook",
    "WorksheetCollection.load",
    "WorksheetCollection.items",
    "Worksheet.copy",
    "Worksheet.getUsedRangeOrNullObject",
    "Range.isNullObject",
    "Range.getSpillingToRangeOrNullObject",
  ];
  const used = new Set();
  const use = (member) => {
    if (!IMPLEMENTED.includes(member)) throw new Error(`fake-excel: ${member} is not in IMPLEMENTED`);
    used.add(member);
  };
  const stats = { runs: 0, syncs: 0, undoGroups: 0 };

  // ---------------------------------------------------------------- errors (shaped like OfficeExtension.Error)
  class FakeOfficeError extends Error {
    constructor(code, message) {
      super(message);
      this.name = "RichApi.Error";
      this.code = code;
      this.debugInfo = { code, message };
    }
  }
  const notLoaded = (prop) =>
    new FakeOfficeError(
      "PropertyNotLoaded",
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
    );

  // ---------------------------------------------------------------- addresses
  function columnName(c) {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function columnIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  }
  function splitSheet(address) {
    const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(String(address).trim());
    if (!m) return { sheet: null, ref: String(address).trim() };
    return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ref: m[3] };
  }
  function parseRef(ref) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref);
    if (!m)
      throw new FakeOfficeError(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format. (fake-excel cannot read the address '${ref}')`
      );
    const c1 = columnIndex(m[1]);
    const r1 = Number(m[2]) - 1;
    const c2 = m[3] ? columnIndex(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    return { r0: Math.min(r1, r2), c0: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  }
  function formatRef(r0, c0, rows, cols) {
    const first = `${columnName(c0)}${r0 + 1}`;
    return rows === 1 && cols === 1 ? first : `${first}:${columnName(c0 + cols - 1)}${r0 + rows}`;
  }

  // ---------------------------------------------------------------- workbook state (plain JSON, so it can be stored)
  let state;
  const handlers = new Map(); // table id -> Set of handler functions (not stored: they die with the page)
  const pendingEvents = new Map(); // table id -> changed address

  function emptyState() {
    return { nextId: 2, active: "{sheet-1}", sheets: [newSheet("{sheet-1}", "Sheet1")], tables: [] };
  }
  function newSheet(id, name) {
    return { id, name, visibility: "Visible", cells: {}, charts: [] };
  }
  const nextId = (kind) => `{${kind}-${state.nextId++}}`;
  const sheetById = (id) => state.sheets.find((s) => s.id === id) || null;
  const sheetByName = (name) => state.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase()) || null;
  const tableByName = (name) => state.tables.find((t) => t.name.toLowerCase() === String(name).toLowerCase()) || null;
  const tableById = (id) => state.tables.find((t) => t.id === id) || null;
  const key = (r, c) => `${r},${c}`;

  function checkSheetName(name) {
    if (typeof name !== "string" || name.trim() === "" || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name)) {
      throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (sheet name ${JSON.stringify(name)})`);
    }
    if (sheetByName(name)) throw new FakeOfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (sheet ${name})`);
  }

  function readCell(sheet, r, c) {
    return sheet.cells[key(r, c)] || null;
  }
  function cellValue(cell) {
    if (!cell) return "";
    // Not calculated: the formula text stands for its value, unless a test set the result (helpers.calculate).
    if (cell.f !== undefined) return cell.c !== undefined ? cell.c : cell.f;
    return cell.v === undefined ? "" : cell.v;
  }

  /** What Excel stores when a string is typed (or written through `values`/`formulas`). */
  function typed(input) {
    if (typeof input === "boolean") return { v: input };
    if (typeof input === "number") {
      if (!Number.isFinite(input))
        throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (a number that is not finite)");
      return { v: input };
    }
    if (typeof input !== "string")
      throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${typeof input} in a cell)`);
    if (input === "") return null;
    if (input.startsWith("'")) return { v: input.slice(1) };
    if (input.startsWith("=")) return { f: input };
    const t = input.trim();
    if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return { v: Number(t) };
    if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { v: Number(t.replace(/,/g, "")) };
    if (/^[-+]?(\d+\.?\d*|\.\d+)%$/.test(t)) return { v: Number(t.slice(0, -1)) / 100 };
    if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === "true" };
    const date = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t);
    if (date) return { v: (Date.UTC(+date[1], +date[2] - 1, +date[3]) - Date.UTC(1899, 11, 30)) / 86400000 };
    if (/^[-+@]/.test(t) && t.length > 1) return { f: t.startsWith("@") ? `=${t.slice(1)}` : `=${t}` };
    return { v: input };
  }

  function writeCell(sheet, r, c, input, what) {
    if (input === null || input === undefined) return; // null leaves the cell as it is, as in Office
    const k = key(r, c);
    const old = sheet.cells[k] || {};
    const next = what === "numberFormat" ? { ...old, nf: String(input) } : { ...(old.nf !== undefined ? { nf: old.nf } : {}), ...(typed(input) || {}) };
    if (next.v === undefined && next.f === undefined && next.nf === undefined) delete sheet.cells[k];
    else sheet.cells[k] = next;
  }

  function checkShape(rect, array, what) {
    if (!Array.isArray(array) || array.length !== rect.rows || array.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${what} for ${formatRef(rect.r0, rect.c0, rect.rows, rect.cols)})`
      );
    }
  }

  const intersect = (a, b) => {
    const r0 = Math.max(a.r0, b.r0);
    const c0 = Math.max(a.c0, b.c0);
    const r1 = Math.min(a.r0 + a.rows, b.r0 + b.rows);
    const c1 = Math.min(a.c0 + a.cols, b.c0 + b.cols);
    return r1 > r0 && c1 > c0 ? { r0, c0, rows: r1 - r0, cols: c1 - c0 } : null;
  };

  /**
   * Excel keeps table headers as unique, non-blank text: a blank header becomes "Column<n>", and a
   * header typed equal to another (ignoring case) gets a number ("Base2"). The cells just written
   * (columns in `fresh`, all when absent) are the ones renamed; the others keep their names.
   */
  function normalizeHeader(table, fresh) {
    const sheet = sheetById(table.sheetId);
    const isFresh = (i) => !fresh || (table.c0 + i >= fresh.c0 && table.c0 + i < fresh.c0 + fresh.cols);
    const seen = new Set();
    const order = [];
    for (let i = 0; i < table.cols; i++) if (!isFresh(i)) order.push(i);
    for (let i = 0; i < table.cols; i++) if (isFresh(i)) order.push(i);
    for (const i of order) {
      const k = key(table.r0, table.c0 + i);
      const cell = sheet.cells[k] || {};
      let text = cellValue(cell);
      text = typeof text === "boolean" ? (text ? "TRUE" : "FALSE") : String(text);
      if (text.trim() === "") text = `Column${i + 1}`;
      let unique = text;
      for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${text}${n}`;
      seen.add(unique.toLowerCase());
      const next = { v: unique };
      if (cell.nf !== undefined) next.nf = cell.nf;
      sheet.cells[k] = next;
    }
  }

  /** Records a change to cells of a sheet: the tables it touches fire onChanged after the sync. */
  function changed(sheet, rect) {
    for (const table of state.tables) {
      if (table.sheetId !== sheet.id) continue;
      const hit = intersect(rect, table);
      if (!hit) continue;
      if (hit.r0 === table.r0) normalizeHeader(table, hit);
      pendingEvents.set(table.id, `${quoteSheet(sheet.name)}!${formatRef(hit.r0, hit.c0, hit.rows, hit.cols)}`);
    }
  }

  function fireEvents() {
    const events = [...pendingEvents];
    pendingEvents.clear();
    for (const [tableId, address] of events) {
      const table = tableById(tableId);
      const listeners = handlers.get(tableId);
      if (!table || !listeners) continue;
      const args = { type: "TableChanged", changeType: "RangeEdited", source: "Local", address, tableId, worksheetId: table.sheetId };
      for (const handler of [...listeners]) {
        setTimeout(() => {
          Promise.resolve()
            .then(() => handler(args))
            .catch((e) => console.error("fake-excel: an onChanged handler failed", e));
        }, 0);
      }
    }
  }

  const storage = () => (typeof window !== "undefined" && typeof window.localStorage !== "undefined" ? window.localStorage : null);
  function persist() {
    try {
      if (storage()) storage().setItem(STORAGE_KEY, JSON.stringify(state));
    } catch {
      /* no storage (Node, or a page without it): the workbook lives in memory only */
    }
  }
  function restore() {
    try {
      if (!storage()) return false;
      const text = storage().getItem(STORAGE_KEY);
      if (!text) return false;
      state = JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }

  // ---------------------------------------------------------------- request context and proxies
  class RequestContext {
    constructor() {
      this._queue = [];
      this._open = true;
      const workbook = new Workbook(this);
      Object.defineProperty(this, "workbook", {
        get: () => {
          use("RequestContext.workbook");
          return workbook;
        },
      });
    }
    _enqueue(action) {
      if (!this._open) {
        throw new FakeOfficeError("InvalidObjectPath", "The object path isn't working for what you're trying to do. (a proxy used after its Excel.run ended)");
      }
      this._queue.push(action);
    }
    sync() {
      use("RequestContext.sync");
      stats.syncs++;
      const queue = this._queue;
      this._queue = [];
      return new Promise((resolve, reject) => {
        setTimeout(() => {
          let failure = null;
          try {
            for (const action of queue) action();
          } catch (e) {
            failure = e;
          }
          persist();
          fireEvents();
          if (failure) reject(failure);
          else resolve();
        }, 0);
      });
    }
  }

  /** Base of every proxy: binding to a workbook object happens in the queue, in order. */
  class Proxy {
    constructor(ctx, cls, bind, nullable) {
      this._ctx = ctx;
      this._cls = cls;
      this._nullable = !!nullable;
      this._bound = false;
      this._entity = null;
      this._loaded = Object.create(null);
      ctx._enqueue(() => {
        const entity = bind();
        if (!entity && !this._nullable) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${cls})`);
        this._entity = entity || null;
        this._bound = true;
      });
    }
    get isNullObject() {
      use(`${this._cls}.isNullObject`);
      if (!this._bound) throw notLoaded("isNullObject");
      return this._entity === null;
    }
    /** The bound object, inside an action; a null object cannot be acted on. */
    _need() {
      if (!this._entity)
        throw new FakeOfficeError("InvalidObjectPath", `The object path isn't working for what you're trying to do. (${this._cls} is a null object)`);
      return this._entity;
    }
    _get(prop) {
      use(`${this._cls}.${prop}`);
      if (!(prop in this._loaded)) throw notLoaded(prop);
      return this._loaded[prop];
    }
    _set(prop, value, apply) {
      use(`${this._cls}.${prop}`);
      const copy = Array.isArray(value) ? value.map((row) => (Array.isArray(row) ? [...row] : row)) : value;
      this._ctx._enqueue(() => apply(this._need(), copy));
    }
    _call(member, action) {
      use(`${this._cls}.${member}`);
      this._ctx._enqueue(() => action(this._need()));
    }
    _load(props, read, known) {
      use(`${this._cls}.load`);
      let list;
      if (props === undefined) list = known;
      else if (typeof props === "string") list = props.split(",");
      else if (Array.isArray(props)) list = props;
      else if (props && typeof props.select === "string") list = props.select.split(",");
      else throw new FakeOfficeError("InvalidArgument", "fake-excel: load() takes a comma-separated string, an array or { select }");
      list = list.map((p) => p.trim()).filter((p) => p !== "");
      for (const p of list) {
        if (!known.includes(p)) throw new FakeOfficeError("PropertyNotFound", `fake-excel: ${this._cls}.${p} cannot be loaded (not implemented)`);
        use(`${this._cls}.${p}`);
      }
      this._ctx._enqueue(() => {
        for (const p of list) this._loaded[p] = this._entity ? read(this._entity, p) : null;
      });
      return this;
    }
  }

  class Workbook {
    constructor(ctx) {
      this._ctx = ctx;
    }
    get worksheets() {
      use("Workbook.worksheets");
      return (this._worksheets = this._worksheets || new WorksheetCollection(this._ctx));
    }
    get tables() {
      use("Workbook.tables");
      return (this._tables = this._tables || new TableCollection(this._ctx, null));
    }
  }

  /** A collection loads its items' names only: load("items/name") or load("name"). */
  function itemNamesOnly(cls, props) {
    const list = String(props === undefined ? "items/name" : props)
      .split(",")
      .map((p) => p.trim().replace(/^items\//, ""));
    if (list.some((p) => p !== "name")) throw new FakeOfficeError("PropertyNotFound", `fake-excel: ${cls}.load(${JSON.stringify(props)}) (only items/name)`);
  }

  /** A collection's items, once loaded and synced. */
  function loadedItems(collection, cls) {
    use(`${cls}.items`);
    if (collection._items === undefined) throw notLoaded("items");
    return collection._items;
  }

  class WorksheetCollection {
    constructor(ctx) {
      this._ctx = ctx;
      this._items = undefined;
    }
    /** load("items/name") (or "name"): the sheets, in tab order, each with its name loaded. */
    load(props) {
      use("WorksheetCollection.load");
      itemNamesOnly("WorksheetCollection", props);
      this._ctx._enqueue(() => {
        this._items = state.sheets.map((sheet) => {
          const name = sheet.name;
          return Object.freeze({
            get name() {
              use("Worksheet.name");
              return name;
            },
          });
        });
      });
      return this;
    }
    get items() {
      return loadedItems(this, "WorksheetCollection");
    }
    getItemOrNullObject(name) {
      use("WorksheetCollection.getItemOrNullObject");
      return new Worksheet(this._ctx, () => sheetByName(name), true);
    }
    add(name) {
      use("WorksheetCollection.add");
      return new Worksheet(this._ctx, () => {
        let n = state.sheets.length + 1;
        let chosen = name;
        if (chosen === undefined) while (sheetByName((chosen = `Sheet${n++}`)));
        checkSheetName(chosen);
        const sheet = newSheet(nextId("sheet"), chosen);
        state.sheets.push(sheet);
        return sheet;
      });
    }
  }

  class Worksheet extends Proxy {
    constructor(ctx, bind, nullable) {
      super(ctx, "Worksheet", bind, nullable);
    }
    get name() {
      return this._get("name");
    }
    set name(value) {
      this._set("name", value, (sheet, name) => {
        if (sheet.name.toLowerCase() !== String(name).toLowerCase()) checkSheetName(name);
        const before = `${quoteSheet(sheet.name)}!`;
        sheet.name = String(name);
        // Chart sources follow the sheet, as in Excel.
        for (const s of state.sheets)
          for (const c of s.charts) if (c.source.startsWith(before)) c.source = `${quoteSheet(sheet.name)}!${c.source.slice(before.length)}`;
      });
    }
    load(props) {
      return this._load(props, (s, p) => s[p], ["name"]);
    }
    /** A copy of the sheet (cells, tables renamed as Excel renames them, charts re-pointed), named "<name> (2)". */
    copy(positionType, relativeTo) {
      use("Worksheet.copy");
      return new Worksheet(this._ctx, () => {
        const source = this._need();
        const position = positionType === undefined ? "None" : positionType;
        if (!["None", "Before", "After", "Beginning", "End"].includes(position)) throw new FakeOfficeError("InvalidArgument", `fake-excel: copy(${position})`);
        let n = 2;
        while (sheetByName(`${source.name} (${n})`)) n++;
        const copy = newSheet(nextId("sheet"), `${source.name} (${n})`.slice(0, 31));
        copy.cells = clone(source.cells);
        copy.charts = source.charts.map((c) => ({ ...clone(c), id: nextId("chart"), source: c.source.replace(/^.*!/, `${quoteSheet(copy.name)}!`) }));
        for (const t of state.tables.filter((x) => x.sheetId === source.id)) {
          let name = `${t.name}${n}`;
          while (tableByName(name)) name = `${name}_`;
          state.tables.push({ ...t, id: nextId("table"), name, sheetId: copy.id });
        }
        let at = position === "Beginning" || position === "None" ? 0 : state.sheets.length;
        if (position === "Before" || position === "After") {
          if (!(relativeTo instanceof Worksheet)) throw new FakeOfficeError("InvalidArgument", "fake-excel: copy Before/After needs relativeTo");
          at = state.sheets.indexOf(relativeTo._need()) + (position === "After" ? 1 : 0);
        }
        state.sheets.splice(at, 0, copy);
        return copy;
      });
    }
    /** The smallest range holding every cell with a value or formula (and, unless valuesOnly, a format), or a null object. */
    getUsedRangeOrNullObject(valuesOnly) {
      use("Worksheet.getUsedRangeOrNullObject");
      return new Range(
        this._ctx,
        () => {
          const sheet = this._need();
          const keys = Object.keys(sheet.cells).filter((k) => {
            const c = sheet.cells[k];
            return c.v !== undefined || c.f !== undefined || (!valuesOnly && c.nf !== undefined);
          });
          if (keys.length === 0) return null;
          const rc = keys.map((k) => k.split(",").map(Number));
          const r0 = Math.min(...rc.map((x) => x[0]));
          const c0 = Math.min(...rc.map((x) => x[1]));
          return { sheetId: sheet.id, r0, c0, rows: Math.max(...rc.map((x) => x[0])) - r0 + 1, cols: Math.max(...rc.map((x) => x[1])) - c0 + 1 };
        },
        true
      );
    }
    getRange(address) {
      use("Worksheet.getRange");
      return new Range(this._ctx, () => {
        const sheet = this._need();
        const { sheet: named, ref } = splitSheet(address);
        if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
          throw new FakeOfficeError("InvalidArgument", `fake-excel: ${address} is not on sheet ${sheet.name}`);
        }
        return { sheetId: sheet.id, ...parseRef(ref) };
      });
    }
    getRangeByIndexes(startRow, startColumn, rowCount, columnCount) {
      use("Worksheet.getRangeByIndexes");
      return new Range(this._ctx, () => {
        const ok =
          [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) && startRow >= 0 && startColumn >= 0 && rowCount > 0 && columnCount > 0;
        if (!ok) throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (getRangeByIndexes)");
        return { sheetId: this._need().id, r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount };
      });
    }
    get tables() {
      use("Worksheet.tables");
      return (this._tables = this._tables || new TableCollection(this._ctx, this));
    }
    get charts() {
      use("Worksheet.charts");
      return (this._charts = this._charts || new ChartCollection(this._ctx, this));
    }
    delete() {
      this._call("delete", (sheet) => {
        if (state.sheets.filter((s) => s.visibility === "Visible" && s.id !== sheet.id).length === 0) {
          throw new FakeOfficeError("InvalidOperation", "This operation is not permitted for the current object. (the last visible sheet)");
        }
        state.sheets = state.sheets.filter((s) => s.id !== sheet.id);
        state.tables = state.tables.filter((t) => t.sheetId !== sheet.id);
        if (state.active === sheet.id) state.active = state.sheets[0].id;
      });
    }
    activate() {
      this._call("activate", (sheet) => {
        state.active = sheet.id;
      });
    }
  }

  const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

  class TableCollection {
    constructor(ctx, worksheet) {
      this._ctx = ctx;
      this._worksheet = worksheet;
      this._items = undefined;
    }
    /** load("items/name") (or "name"): the tables (of the sheet, or of the workbook), each with its name loaded. */
    load(props) {
      use("TableCollection.load");
      itemNamesOnly("TableCollection", props);
      this._ctx._enqueue(() => {
        const sheetId = this._worksheet ? this._worksheet._need().id : null;
        this._items = state.tables
          .filter((t) => sheetId === null || t.sheetId === sheetId)
          .map((t) => {
            const id = t.id;
            const table = new Table(this._ctx, () => tableById(id), false);
            Object.assign(table, { _bound: true, _entity: t });
            table._loaded.name = t.name;
            return table;
          });
      });
      return this;
    }
    get items() {
      return loadedItems(this, "TableCollection");
    }
    getItemOrNullObject(name) {
      use("TableCollection.getItemOrNullObject");
      return new Table(
        this._ctx,
        () => {
          const t = tableByName(name);
          if (!t) return null;
          if (this._worksheet && t.sheetId !== this._worksheet._need().id) return null;
          return t;
        },
        true
      );
    }
    add(address, hasHeaders) {
      use("TableCollection.add");
      return new Table(this._ctx, () => {
        if (hasHeaders !== true) throw new FakeOfficeError("NotImplemented", "fake-excel: tables.add supports hasHeaders = true only");
        let rect;
        if (address instanceof Range) {
          if (address._ctx !== this._ctx) throw new FakeOfficeError("InvalidObjectPath", "fake-excel: a range from another request context");
          rect = address._need();
        } else {
          const { sheet: named, ref } = splitSheet(address);
          const sheet = named !== null ? sheetByName(named) : this._worksheet ? this._worksheet._need() : null;
          if (!sheet) throw new FakeOfficeError("InvalidArgument", `fake-excel: cannot tell which sheet ${address} is on`);
          rect = { sheetId: sheet.id, ...parseRef(ref) };
        }
        if (this._worksheet && rect.sheetId !== this._worksheet._need().id)
          throw new FakeOfficeError("InvalidArgument", "fake-excel: the range is on another sheet");
        if (rect.rows < 2) throw new FakeOfficeError("InvalidArgument", "fake-excel: a table with headers needs at least two rows");
        if (state.tables.some((t) => t.sheetId === rect.sheetId && intersect(t, rect))) {
          throw new FakeOfficeError(
            "InvalidOperation",
            "A table can't overlap a range that contains a PivotTable report, query results, protected cells or another table."
          );
        }
        const id = nextId("table");
        const table = { id, name: `Table${state.tables.length + 1}`, sheetId: rect.sheetId, r0: rect.r0, c0: rect.c0, rows: rect.rows, cols: rect.cols };
        while (tableByName(table.name)) table.name = `${table.name}_`;
        state.tables.push(table);
        normalizeHeader(table);
        return table;
      });
    }
  }

  class Table extends Proxy {
    constructor(ctx, bind, nullable) {
      super(ctx, "Table", bind, nullable);
      const table = this;
      this._onChanged = {
        add(handler) {
          use("Table.onChanged");
          use("EventHandlers.add");
          if (typeof handler !== "function") throw new FakeOfficeError("InvalidArgument", "fake-excel: onChanged.add needs a function");
          table._ctx._enqueue(() => {
            const id = table._need().id;
            if (!handlers.has(id)) handlers.set(id, new Set());
            handlers.get(id).add(handler);
            result._tableId = id;
          });
          const result = {
            _tableId: null,
            get context() {
              use("EventHandlerResult.context");
              return table._ctx;
            },
            remove() {
              use("EventHandlerResult.remove");
              table._ctx._enqueue(() => {
                const set = handlers.get(result._tableId);
                if (set) set.delete(handler);
              });
            },
          };
          return result;
        },
      };
    }
    get onChanged() {
      return this._onChanged;
    }
    get name() {
      return this._get("name");
    }
    set name(value) {
      this._set("name", value, (table, name) => {
        if (typeof name !== "string" || !TABLE_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name) || name.length > 255) {
          throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (table name ${JSON.stringify(name)})`);
        }
        const other = tableByName(name);
        if (other && other.id !== table.id)
          throw new FakeOfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (table ${name})`);
        table.name = name;
      });
    }
    get id() {
      return this._get("id");
    }
    load(props) {
      return this._load(props, (t, p) => t[p], ["name", "id"]);
    }
    getRange() {
      use("Table.getRange");
      return new Range(this._ctx, () => {
        const t = this._need();
        return { sheetId: t.sheetId, r0: t.r0, c0: t.c0, rows: t.rows, cols: t.cols };
      });
    }
    get worksheet() {
      use("Table.worksheet");
      return (this._worksheet = this._worksheet || new Worksheet(this._ctx, () => sheetById(this._need().sheetId)));
    }
    resize(newRange) {
      use("Table.resize");
      const ctx = this._ctx;
      ctx._enqueue(() => {
        const table = this._need();
        let rect;
        if (newRange instanceof Range) {
          if (newRange._ctx !== ctx) throw new FakeOfficeError("InvalidObjectPath", "fake-excel: a range from another request context");
          rect = newRange._need();
        } else {
          const { sheet: named, ref } = splitSheet(newRange);
          const sheet = named !== null ? sheetByName(named) : sheetById(table.sheetId);
          rect = { sheetId: sheet ? sheet.id : null, ...parseRef(ref) };
        }
        const problem =
          rect.sheetId !== table.sheetId
            ? "the new range is on another sheet"
            : rect.r0 !== table.r0
              ? "the headers must stay in the same row"
              : !intersect(rect, table)
                ? "the new range must overlap the table"
                : rect.rows < 2
                  ? "a table needs a header row and one row of data"
                  : state.tables.some((t) => t.id !== table.id && t.sheetId === rect.sheetId && intersect(t, rect))
                    ? "the new range overlaps another table"
                    : null;
        if (problem) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (resize: ${problem})`);
        Object.assign(table, { r0: rect.r0, c0: rect.c0, rows: rect.rows, cols: rect.cols });
        normalizeHeader(table);
        changed(sheetById(table.sheetId), rect);
      });
    }
  }

  const RANGE_PROPS = ["values", "formulas", "numberFormat", "rowIndex", "columnIndex", "rowCount", "columnCount"];

  class Range extends Proxy {
    constructor(ctx, bind, nullable) {
      super(ctx, "Range", bind, nullable);
    }
    /** The spill of a calculated anchor cell (helpers.calculate), or a null object. */
    getSpillingToRangeOrNullObject() {
      use("Range.getSpillingToRangeOrNullObject");
      return new Range(
        this._ctx,
        () => {
          const rect = this._need();
          if (rect.rows !== 1 || rect.cols !== 1) throw new FakeOfficeError("InvalidArgument", "fake-excel: getSpillingToRangeOrNullObject on one cell only");
          const cell = readCell(liveSheet(rect), rect.r0, rect.c0);
          return cell && cell.f !== undefined && cell.spill
            ? { sheetId: rect.sheetId, r0: rect.r0, c0: rect.c0, rows: cell.spill.rows, cols: cell.spill.cols }
            : null;
        },
        true
      );
    }
    load(props) {
      return this._load(props, readRange, RANGE_PROPS);
    }
    /** The whole sheet rows this range spans (columns A to XFD). */
    getEntireRow() {
      use("Range.getEntireRow");
      return new Range(this._ctx, () => {
        const rect = this._need();
        return { sheetId: rect.sheetId, r0: rect.r0, c0: 0, rows: rect.rows, cols: MAX_COLUMNS, entireRow: true };
      });
    }
    /**
     * Inserts cells where the range is, shifting the others: entire rows only ("Down" on a range from
     * getEntireRow). Returns the inserted range.
     */
    insert(shift) {
      use("Range.insert");
      return new Range(this._ctx, () => {
        const rect = this._need();
        if (shift !== "Down") throw new FakeOfficeError("NotImplemented", `fake-excel: Range.insert(${JSON.stringify(shift)}) (only "Down")`);
        if (!rect.entireRow) throw new FakeOfficeError("NotImplemented", "fake-excel: Range.insert on entire rows only (getEntireRow)");
        insertRows(liveSheet(rect), rect.r0, rect.rows);
        return { ...rect };
      });
    }
    get values() {
      return this._get("values");
    }
    set values(v) {
      this._set("values", v, (rect, array) => writeRange(rect, array, "values"));
    }
    get formulas() {
      return this._get("formulas");
    }
    set formulas(v) {
      this._set("formulas", v, (rect, array) => writeRange(rect, array, "formulas"));
    }
    get numberFormat() {
      return this._get("numberFormat");
    }
    set numberFormat(v) {
      this._set("numberFormat", v, (rect, array) => writeRange(rect, array, "numberFormat"));
    }
    get rowIndex() {
      return this._get("rowIndex");
    }
    get columnIndex() {
      return this._get("columnIndex");
    }
    get rowCount() {
      return this._get("rowCount");
    }
    get columnCount() {
      return this._get("columnCount");
    }
    clear(applyTo) {
      this._call("clear", (rect) => {
        const sheet = liveSheet(rect);
        const what = applyTo === undefined ? "All" : applyTo;
        for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
          for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
            const k = key(r, c);
            const cell = sheet.cells[k];
            if (!cell) continue;
            if (what === "All" || (what === "Contents" && cell.nf === undefined)) delete sheet.cells[k];
            else if (what === "Contents") sheet.cells[k] = { nf: cell.nf };
            else if (what === "Formats") {
              const rest = { ...cell };
              delete rest.nf;
              if (rest.v === undefined && rest.f === undefined) delete sheet.cells[k];
              else sheet.cells[k] = rest;
            } else throw new FakeOfficeError("InvalidArgument", `fake-excel: clear(${JSON.stringify(applyTo)})`);
          }
        }
        changed(sheet, rect);
      });
    }
  }

  const MAX_ROWS = 1048576;
  const MAX_COLUMNS = 16384;

  /** Moves a 0-based row at or below `at` down by `count`. */
  const shiftRow = (row, at, count) => (row >= at ? row + count : row);

  /**
   * A formula (or an address) with its A1 references to rows at or below `at` of the sheet `sheetName`
   * moved down by `count`; `local`: unqualified references are to that sheet. Text in quotes is left alone.
   */
  function shiftReferences(formula, local, sheetName, at, count) {
    const ref =
      /(^|[^A-Za-z0-9_.!$'\]])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?)(\d+)(?::(\$?[A-Za-z]{1,3}\$?)(\d+))?(?![A-Za-z0-9_(![])/g;
    return formula
      .split(/("(?:[^"]|"")*")/)
      .map((part, i) => {
        if (i % 2 === 1) return part; // a string literal
        return part.replace(ref, (whole, before, sheet, col1, row1, col2, row2) => {
          const named = sheet === undefined ? null : sheet.slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'");
          const ours = named === null ? local : named.toLowerCase() === sheetName.toLowerCase();
          if (!ours) return whole;
          const move = (r) => String(shiftRow(Number(r) - 1, at, count) + 1);
          return `${before}${sheet || ""}${col1}${move(row1)}${col2 !== undefined ? `:${col2}${move(row2)}` : ""}`;
        });
      })
      .join("");
  }

  /** Inserts `count` entire rows at row `at` of a sheet, as Excel does (see the header). */
  function insertRows(sheet, at, count) {
    const moved = {};
    for (const [k, cell] of Object.entries(sheet.cells)) {
      const [r, c] = k.split(",").map(Number);
      if (r >= at && r + count >= MAX_ROWS)
        throw new FakeOfficeError("InvalidOperation", "fake-excel: inserting rows would push cells off the end of the sheet");
      const next = { ...cell };
      if (next.spilledFrom !== undefined) {
        const [sr, sc] = next.spilledFrom.split(",").map(Number);
        next.spilledFrom = key(shiftRow(sr, at, count), sc);
      }
      moved[key(shiftRow(r, at, count), c)] = next;
    }
    sheet.cells = moved;
    for (const s of state.sheets) {
      for (const cell of Object.values(s.cells)) if (cell.f !== undefined) cell.f = shiftReferences(cell.f, s.id === sheet.id, sheet.name, at, count);
      for (const chart of s.charts) chart.source = shiftReferences(chart.source, false, sheet.name, at, count);
    }
    for (const t of state.tables) {
      if (t.sheetId !== sheet.id) continue;
      if (t.r0 >= at) t.r0 += count;
      else if (at < t.r0 + t.rows) t.rows += count; // inserted inside the table: it grows
    }
    changed(sheet, { r0: at, c0: 0, rows: count, cols: MAX_COLUMNS });
  }

  function liveSheet(rect) {
    const sheet = sheetById(rect.sheetId);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist. (the range's sheet was deleted)");
    return sheet;
  }

  function readRange(rect, prop) {
    const sheet = liveSheet(rect);
    switch (prop) {
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.cols;
      default: {
        const out = [];
        for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
          const row = [];
          for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
            const cell = readCell(sheet, r, c);
            if (prop === "values") row.push(cellValue(cell));
            else if (prop === "formulas") row.push(cell && cell.f !== undefined ? cell.f : cellValue(cell));
            else row.push(cell && cell.nf !== undefined ? cell.nf : "General");
          }
          out.push(row);
        }
        return out;
      }
    }
  }

  function writeRange(rect, array, what) {
    const sheet = liveSheet(rect);
    checkShape(rect, array, what);
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.cols; j++) writeCell(sheet, rect.r0 + i, rect.c0 + j, array[i][j], what);
    }
    if (what !== "numberFormat") changed(sheet, rect);
  }

  // ---------------------------------------------------------------- charts (recorded, not drawn)
  const CHART_TYPES = ["BarStacked", "BarClustered", "BarStacked100", "ColumnStacked", "ColumnClustered", "Line", "XYScatter"];

  class ChartCollection {
    constructor(ctx, worksheet) {
      this._ctx = ctx;
      this._worksheet = worksheet;
    }
    add(type, sourceData, seriesBy) {
      use("ChartCollection.add");
      return new Chart(this._ctx, () => {
        const sheet = this._worksheet._need();
        if (!CHART_TYPES.includes(type)) throw new FakeOfficeError("InvalidArgument", `fake-excel: chart type ${JSON.stringify(type)} is not one it knows`);
        if (!(sourceData instanceof Range) || sourceData._ctx !== this._ctx)
          throw new FakeOfficeError("InvalidArgument", "fake-excel: charts.add needs a Range of this context");
        const rect = sourceData._need();
        const by = seriesBy === undefined ? "Auto" : seriesBy;
        if (!["Auto", "Columns", "Rows"].includes(by)) throw new FakeOfficeError("InvalidArgument", `fake-excel: seriesBy ${by}`);
        // With a header row and a label column, one series per further column (or row).
        const count = by === "Rows" ? rect.rows - 1 : rect.cols - 1;
        const chart = {
          id: nextId("chart"),
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: `${quoteSheet(liveSheet(rect).name)}!${formatRef(rect.r0, rect.c0, rect.rows, rect.cols)}`,
          seriesBy: by,
          title: null,
          legendVisible: true,
          position: null,
          series: Array.from({ length: Math.max(count, 0) }, () => ({ fill: "automatic" })),
        };
        sheet.charts.push(chart);
        return chart;
      });
    }
  }

  /** A proxy over part of a chart record; `pick` finds the part inside an action. */
  class ChartPart extends Proxy {
    constructor(ctx, cls, bind) {
      super(ctx, cls, bind, false);
    }
  }

  class Chart extends ChartPart {
    constructor(ctx, bind) {
      super(ctx, "Chart", bind);
    }
    set name(value) {
      this._set("name", value, (chart, name) => {
        chart.name = String(name);
      });
    }
    get title() {
      use("Chart.title");
      const chart = this;
      return (this._title = this._title || {
        set text(value) {
          use("ChartTitle.text");
          chart._ctx._enqueue(() => {
            chart._need().title = String(value);
          });
        },
      });
    }
    get legend() {
      use("Chart.legend");
      const chart = this;
      return (this._legend = this._legend || {
        set visible(value) {
          use("ChartLegend.visible");
          chart._ctx._enqueue(() => {
            chart._need().legendVisible = !!value;
          });
        },
      });
    }
    get series() {
      use("Chart.series");
      const chart = this;
      return {
        getItemAt(index) {
          use("ChartSeriesCollection.getItemAt");
          return new ChartSeries(chart._ctx, () => {
            const s = chart._need().series[index];
            if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (series ${index})`);
            return s;
          });
        },
      };
    }
    setPosition(startCell, endCell) {
      this._call("setPosition", (chart) => {
        for (const cell of [startCell, endCell]) if (cell !== undefined) parseRef(splitSheet(cell).ref);
        chart.position = { start: startCell, end: endCell === undefined ? null : endCell };
      });
    }
  }

  class ChartSeries extends ChartPart {
    constructor(ctx, bind) {
      super(ctx, "ChartSeries", bind);
    }
    get format() {
      use("ChartSeries.format");
      const series = this;
      return {
        get fill() {
          use("ChartSeriesFormat.fill");
          return {
            clear() {
              use("ChartFill.clear");
              series._ctx._enqueue(() => {
                series._need().fill = "none";
              });
            },
            setSolidColor(color) {
              use("ChartFill.setSolidColor");
              series._ctx._enqueue(() => {
                series._need().fill = String(color);
              });
            },
          };
        },
      };
    }
  }

  // ---------------------------------------------------------------- Excel.run
  async function run(first, second) {
    use("Excel.run");
    stats.runs++;
    let ctx;
    let batch;
    if (typeof first === "function") {
      ctx = new RequestContext();
      batch = first;
    } else if (first && typeof first === "object" && !(first instanceof RequestContext) && typeof second === "function") {
      // Excel.run(options, batch): only mergeUndoGroup (ExcelApi 1.20), recorded so tests see one undo group per action.
      const unknown = Object.keys(first).filter((k) => k !== "mergeUndoGroup");
      if (unknown.length > 0) throw new FakeOfficeError("InvalidArgument", `fake-excel: Excel.run options ${unknown.join(", ")} not implemented`);
      if (first.mergeUndoGroup !== undefined) use("RunOptions.mergeUndoGroup");
      ctx = new RequestContext();
      ctx._undoGroup = first.mergeUndoGroup === true;
      if (ctx._undoGroup) stats.undoGroups++;
      batch = second;
    } else if (first instanceof RequestContext && typeof second === "function") {
      ctx = first; // resuming a context (e.g. to remove an event handler added in it)
      ctx._open = true;
      batch = second;
    } else {
      throw new FakeOfficeError("InvalidArgument", "fake-excel: Excel.run(batch), Excel.run(options, batch) or Excel.run(context, batch) only");
    }
    try {
      const result = await batch(ctx);
      if (ctx._queue.length > 0) await ctx.sync(); // Excel.run sends what is still queued
      return result;
    } finally {
      ctx._open = false;
    }
  }

  // ---------------------------------------------------------------- Excel.createWorkbook (recorded, not opened)
  const createdWorkbooks = [];
  let createWorkbookSupported = true;
  function createWorkbook(base64) {
    use("Excel.createWorkbook");
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        if (!createWorkbookSupported)
          return reject(new FakeOfficeError("ApiNotFound", "The API you are trying to use could not be found. (createWorkbook switched off)"));
        if (base64 !== undefined && (typeof base64 !== "string" || !/^UEsDB[A-Za-z0-9+/]*={0,2}$/.test(base64))) {
          return reject(
            new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (createWorkbook: not a base64 .xlsx)")
          );
        }
        createdWorkbooks.push(base64 === undefined ? "" : base64);
        resolve();
      }, 0);
    });
  }

  const InsertShiftDirection = Object.freeze({
    get down() {
      use("InsertShiftDirection.down");
      return "Down";
    },
    right: "Right",
  });
  const Excel = Object.freeze({ run, createWorkbook, InsertShiftDirection });

  // ---------------------------------------------------------------- helpers for tests
  const clone = (x) => JSON.parse(JSON.stringify(x));
  function rectOf(address) {
    const { sheet: named, ref } = splitSheet(address);
    const sheet = named === null ? sheetById(state.active) : sheetByName(named);
    if (!sheet) throw new Error(`fake-excel: no sheet ${named}`);
    return { sheet, rect: { sheetId: sheet.id, ...parseRef(ref) } };
  }
  function tableInfo(t) {
    const sheet = sheetById(t.sheetId);
    return {
      name: t.name,
      id: t.id,
      sheet: sheet.name,
      address: `${quoteSheet(sheet.name)}!${formatRef(t.r0, t.c0, t.rows, t.cols)}`,
      values: readRange(t, "values"),
      numberFormat: readRange(t, "numberFormat"),
    };
  }
  function afterUserChange() {
    persist();
    fireEvents();
  }

  const helpers = {
    Excel,
    FakeOfficeError,
    IMPLEMENTED: [...IMPLEMENTED],
    STORAGE_KEY,
    /** A new workbook with one empty sheet (Sheet1); handlers and usage records are dropped. */
    reset() {
      state = emptyState();
      handlers.clear();
      pendingEvents.clear();
      stats.runs = 0;
      stats.syncs = 0;
      stats.undoGroups = 0;
      createdWorkbooks.length = 0;
      createWorkbookSupported = true;
      persist();
    },
    /** The API members used since the script loaded (or resetUsage), sorted. */
    used: () => [...used].sort(),
    resetUsage: () => used.clear(),
    stats: () => ({ ...stats }),
    /** The whole workbook as plain data (a copy). */
    snapshot: () => clone(state),
    /** Replaces the workbook with a snapshot (e.g. to simulate reopening a saved file). */
    load(snapshot) {
      state = clone(snapshot);
      handlers.clear();
      persist();
    },
    persist,
    restore,
    sheetNames: () => state.sheets.map((s) => s.name),
    sheet(name) {
      const s = sheetByName(name);
      return s ? { name: s.name, id: s.id, visibility: s.visibility, active: state.active === s.id } : null;
    },
    values: (address) => {
      const { rect } = rectOf(address);
      return readRange(rect, "values");
    },
    formulas: (address) => {
      const { rect } = rectOf(address);
      return readRange(rect, "formulas");
    },
    numberFormat: (address) => {
      const { rect } = rectOf(address);
      return readRange(rect, "numberFormat");
    },
    /** Address of the smallest block holding every non-empty cell of a sheet, or null. */
    usedAddress(sheetName) {
      const s = sheetByName(sheetName);
      const keys = Object.keys(s.cells).filter((k) => cellValue(s.cells[k]) !== "");
      if (keys.length === 0) return null;
      const rc = keys.map((k) => k.split(",").map(Number));
      const r0 = Math.min(...rc.map((x) => x[0]));
      const c0 = Math.min(...rc.map((x) => x[1]));
      const r1 = Math.max(...rc.map((x) => x[0]));
      const c1 = Math.max(...rc.map((x) => x[1]));
      return `${quoteSheet(s.name)}!${formatRef(r0, c0, r1 - r0 + 1, c1 - c0 + 1)}`;
    },
    tableNames: () => state.tables.map((t) => t.name),
    table(name) {
      const t = tableByName(name);
      return t ? tableInfo(t) : null;
    },
    charts(sheetName) {
      const s = sheetByName(sheetName);
      return s ? clone(s.charts) : [];
    },
    /** Number of onChanged handlers registered on a table. */
    handlerCount(tableName) {
      const t = tableByName(tableName);
      return t && handlers.has(t.id) ? handlers.get(t.id).size : 0;
    },
    /** Types into cells as a user would (a 2-D array, or one value for one cell); fires onChanged. */
    userEdit(address, input) {
      const { sheet, rect } = rectOf(address);
      const array = Array.isArray(input) ? input : [[input]];
      checkShape(rect, array, "userEdit");
      for (let i = 0; i < rect.rows; i++)
        for (let j = 0; j < rect.cols; j++) writeCell(sheet, rect.r0 + i, rect.c0 + j, array[i][j] === null ? "" : array[i][j], "values");
      changed(sheet, rect);
      afterUserChange();
    },
    /**
     * Rearranges a table by hand: the given values (header row first) are typed from the table's
     * top-left cell, the table is resized to them, and cells it no longer covers are cleared, as when a
     * user inserts or deletes rows and columns, moves columns or adds one. Fires onChanged.
     */
    userReplaceTable(name, values) {
      const t = tableByName(name);
      if (!t) throw new Error(`fake-excel: no table ${name}`);
      const sheet = sheetById(t.sheetId);
      const old = { r0: t.r0, c0: t.c0, rows: t.rows, cols: t.cols };
      for (let r = old.r0; r < old.r0 + old.rows; r++) for (let c = old.c0; c < old.c0 + old.cols; c++) delete sheet.cells[key(r, c)];
      Object.assign(t, { rows: values.length, cols: values[0].length });
      for (let i = 0; i < t.rows; i++)
        for (let j = 0; j < t.cols; j++) writeCell(sheet, t.r0 + i, t.c0 + j, values[i][j] === null ? "" : values[i][j], "values");
      normalizeHeader(t);
      changed(sheet, { r0: t.r0, c0: t.c0, rows: Math.max(t.rows, old.rows), cols: Math.max(t.cols, old.cols) });
      afterUserChange();
    },
    /** Deletes a table as "Convert to Range" would: the cells stay, the table is gone. */
    userConvertTableToRange(name) {
      state.tables = state.tables.filter((t) => t.name.toLowerCase() !== name.toLowerCase());
      afterUserChange();
    },
    userRenameSheet(from, to) {
      checkSheetName(to);
      sheetByName(from).name = to;
      afterUserChange();
    },
    /**
     * What Excel's calculation would leave: the result of the formula in `address` (one cell), a value
     * or a 2-D array that spills right and down from it (spilled cells hold values, no formula).
     */
    calculate(address, result) {
      const { sheet, rect } = rectOf(address);
      const anchor = readCell(sheet, rect.r0, rect.c0);
      if (!anchor || anchor.f === undefined) throw new Error(`fake-excel: ${address} holds no formula`);
      const array = Array.isArray(result) ? result : [[result]];
      anchor.c = array[0][0];
      if (array.length > 1 || array[0].length > 1) anchor.spill = { rows: array.length, cols: array[0].length };
      else delete anchor.spill;
      array.forEach((row, i) =>
        row.forEach((v, j) => {
          if (i === 0 && j === 0) return;
          const k = key(rect.r0 + i, rect.c0 + j);
          sheet.cells[k] = { ...(sheet.cells[k] && sheet.cells[k].nf !== undefined ? { nf: sheet.cells[k].nf } : {}), v, spilledFrom: key(rect.r0, rect.c0) };
        })
      );
      persist();
    },
    /** The base64 strings passed to Excel.createWorkbook, in order. */
    createdWorkbooks: () => [...createdWorkbooks],
    /** Makes Excel.createWorkbook fail as on a host without it (true again restores it). */
    setCreateWorkbookSupported(on) {
      createWorkbookSupported = !!on;
    },
    /**
     * Sets Office's theme (Office.context.officeTheme: bodyBackgroundColor, …) as Office would, kept
     * with the workbook across reloads, and raises OfficeThemeChanged to the handlers the page added.
     */
    setOfficeTheme(theme) {
      officeTheme = theme;
      const store = storage();
      if (store) store.setItem(THEME_KEY, JSON.stringify(theme));
      for (const handler of [...themeHandlers]) setTimeout(() => handler({ type: "officeThemeChanged", officeTheme: theme }), 0);
    },
  };

  if (!restore()) state = emptyState();

  // Office's theme: only once a test sets one (setOfficeTheme) does the page see Office.context.officeTheme
  // and the OfficeThemeChanged event on the document; until then Office is left as office.js makes it.
  if (typeof window !== "undefined") {
    try {
      const kept = storage() && storage().getItem(THEME_KEY);
      if (kept) officeTheme = JSON.parse(kept);
    } catch {
      officeTheme = undefined;
    }
    const dress = (context) => {
      if (!context || typeof context !== "object" || context.__ipvalueTheme) return;
      Object.defineProperty(context, "__ipvalueTheme", { value: true });
      Object.defineProperty(context, "officeTheme", { configurable: true, get: () => officeTheme });
      let document = context.document;
      Object.defineProperty(context, "document", {
        configurable: true,
        get: () => (officeTheme === undefined ? document : document || themeDocument),
        set: (d) => {
          document = d;
        },
      });
    };
    const themeDocument = {
      addHandlerAsync(type, handler, callback) {
        if (type === "officeThemeChanged") themeHandlers.add(handler);
        if (callback) setTimeout(() => callback({ status: "succeeded" }), 0);
      },
      removeHandlerAsync(type, options, callback) {
        if (options && options.handler) themeHandlers.delete(options.handler);
        if (callback) setTimeout(() => callback({ status: "succeeded" }), 0);
      },
    };
    const dressOffice = (office) => {
      if (!office || typeof office !== "object" || office.__ipvalueTheme) return;
      Object.defineProperty(office, "__ipvalueTheme", { value: true });
      // office.js may define context as a getter of its own: it is kept, and what it returns dressed.
      const own = Object.getOwnPropertyDescriptor(office, "context");
      let context = own && !own.get ? own.value : undefined;
      Object.defineProperty(office, "context", {
        configurable: true,
        get: () => {
          const c = own && own.get ? own.get.call(office) : context;
          dress(c);
          return c;
        },
        set: (c) => {
          if (own && own.set) own.set.call(office, c);
          else context = c;
        },
      });
      // office.js gives Office.context its members late (from scripts it loads); it is dressed when
      // Office.onReady hands over to the page, before the page reads it.
      let onReady = office.onReady;
      Object.defineProperty(office, "onReady", {
        configurable: true,
        get: () =>
          onReady &&
          function (callback) {
            const ready = onReady.call(office);
            const dressed = ready.then((info) => {
              dress(office.context);
              return info;
            });
            return callback ? dressed.then((info) => (callback(info), info)) : dressed;
          },
        set: (f) => {
          onReady = f;
        },
      });
      let eventType = office.EventType;
      Object.defineProperty(office, "EventType", {
        configurable: true,
        get: () => (officeTheme === undefined ? eventType : { ...(eventType || {}), OfficeThemeChanged: "officeThemeChanged" }),
        set: (e) => {
          eventType = e;
        },
      });
    };
    let office = root.Office;
    dressOffice(office);
    Object.defineProperty(root, "Office", {
      configurable: true,
      get: () => office,
      set: (o) => {
        office = o;
        dressOffice(o);
      },
    });
  }

  // Keep ours even if office.js later assigns a global Excel of its own (outside Excel it does not).
  Object.defineProperty(root, "Excel", { configurable: true, get: () => Excel, set: () => {} });
  Object.defineProperty(root, "__fakeExcel", { configurable: true, value: helpers, writable: false });
  if (typeof module !== "undefined" && module.exports) module.exports = helpers;
})();
