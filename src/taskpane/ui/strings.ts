/**
 * Every word the task pane shows, in English and Japanese. Assumption labels and help, output labels
 * and edit errors come from the engine and the model (they are bilingual there); this file holds the
 * pane's own words.
 */
import type { Unit } from "../../engine";
import type { Language } from "../../model/language";

export type { Language };

export interface UiText {
  title: string;
  tagline: string;
  languageGroup: string;
  loading: string;
  /** Beside the spinner while a view loaded on demand (share, freeze, simulation, comparables) arrives. */
  loadingView: string;
  /** Shown in the status line when the page runs outside Office and there is no workbook to use. */
  outsideOffice: string;
  workbookUnavailable: (message: string) => string;
  /** The editor's chunk did not arrive (a dropped connection, a server that stopped): why, and a retry. */
  editorUnavailable: (message: string) => string;
  cannotRead: string;
  retry: string;
  status: { loaded: string; saving: string; saved: string; notSaved: (message: string) => string; offline: string };
  start: {
    heading: string;
    intro: string;
    blank: string;
    blankHint: string;
    examples: string;
    exampleHint: string;
    use: string;
  };
  scenarios: {
    heading: string;
    list: string;
    add: string;
    newName: string;
    rename: string;
    renameTo: string;
    save: string;
    cancel: string;
    duplicate: string;
    delete: string;
    deleteTitle: (name: string) => string;
    deleteBody: string;
    confirmDelete: string;
    moveLeft: string;
    moveRight: string;
    internal: string;
    internalHint: string;
    actions: string;
  };
  internalBadge: string;
  internalBadgeTitle: string;
  assumptions: {
    heading: (scenario: string) => string;
    assumption: string;
    unit: string;
    value: string;
    required: string;
    defaultIs: (value: string) => string;
    kept: (value: string) => string;
    keptBlank: string;
    timing: Record<"" | "end" | "mid" | "begin", string>;
    info: (label: string) => string;
    /** A flag's choices: blank (the default, FALSE), TRUE, FALSE. */
    flag: Record<"" | "TRUE" | "FALSE", string>;
    /** The assumption's source or note (all scenarios): the disclosure's words and the field's label. */
    sourceAdd: string;
    sourceOf: (label: string) => string;
    sourceHint: string;
  };
  deal: {
    heading: string;
    hint: string;
    milestones: string;
    milestonesHint: string;
    milestone: (n: number) => string;
    year: string;
    amount: string;
    probability: string;
    yearHelp: string;
    amountHelp: string;
    probabilityHelp: string;
    add: string;
    remove: (n: number) => string;
    allUsed: (n: number) => string;
    none: string;
  };
  units: Record<Unit, string>;
  offer: {
    heading: string;
    intro: string;
    preset: string;
    presetNone: string;
    exchangeRate: (currency: string) => string;
    exchangeHint: string;
    fill: string;
    filled: (name: string) => string;
    term: string;
    value: string;
    addTerm: string;
    addChoose: string;
    remove: (label: string) => string;
    none: string;
    notFixed: string;
    source: (text: string) => string;
    review: string;
    scenario: string;
    licensor: string;
    licensee: string;
    equivalent: string;
    base: string;
    problem: string;
    check: {
      floor: (value: string, limit: string, ok: boolean) => string;
      ceiling: (value: string, limit: string, ok: boolean) => string;
      range: (floor: string, ceiling: string) => string;
      walkAway: (scenarios: string[], unknown: string[]) => string;
      unfixed: (labels: string[]) => string;
    };
    bareAmount: string;
    termsValue: (base: string) => string;
  };
  decisions: {
    heading: string;
    intro: string;
    internal: string;
    amount: string;
    bandsHint: string;
    bandsPlaceholder: string;
    /** The royalty bands the filter selects, by key. */
    bandsMatched: (count: number, keys: string) => string;
    /** How the band bar spans the matching bands (RANGE's band_spread). */
    bandSpread: string;
    bandSpreadMinmax: string;
    bandSpreadIqr: string;
    /** One of the office's own bands marked internal, in the list of matching bands. */
    bandInternal: (key: string) => string;
    /** The workbook's own bands (IpvalueUserBands) the filter draws on beside the published ones. */
    ownBands: (count: number, internal: number) => string;
    /** The IpvalueUserBands table cannot be read: only the published bands are used. */
    ownBandsProblem: (reason: string) => string;
  };
  results: {
    summary: string;
    heading: string;
    range: string;
    output: string;
    low: string;
    base: string;
    high: string;
    perScenario: string;
    notReady: string;
    noAnswer: string;
    walkAway: string;
    riskAdjusted: string;
  };
  football: {
    heading: string;
    empty: string;
    aria: (bars: string, marks: string) => string;
    offer: string;
    floor: string;
    ceiling: string;
    base: string;
    legendRange: string;
    legendBase: string;
    /** The chips above the chart that show or hide a method. */
    methods: string;
    allHidden: string;
    /** Printed on a bar clipped at the axis's end: its true value. */
    clipped: (value: string) => string;
  };
  /** Which scenarios a range covers, and the committee's choice about internal ones. */
  scope: {
    covers: (names: string) => string;
    includesInternal: string;
    noInternal: string;
    leavesOut: (names: string) => string;
    include: string;
    includeHint: string;
  };
  /** The scenarios side by side: the assumptions that differ between them. */
  compare: {
    heading: string;
    assumption: string;
    same: string;
  };
  insertSheet: string;
  insertHint: string;
  inserted: string;
  insertFailed: (message: string) => string;
  externalError: string;
  readOnlyRefusal: string;
  keptHeading: string;
  history: string;
  undo: string;
  redo: string;
  sheetNotRemoved: (sheet: string) => string;
  sheetUndoFailed: (message: string) => string;
  close: string;
}

export const TEXT: Record<Language, UiText> = {
  en: {
    title: "IPVALUE",
    tagline: "License valuation",
    languageGroup: "Language",
    loading: "Reading the workbook…",
    loadingView: "Loading…",
    outsideOffice: "Running outside Excel: functions are not connected and nothing is saved.",
    workbookUnavailable: (m) => `The workbook cannot be reached, so nothing you enter here is saved (${m}).`,
    editorUnavailable: (m) => `The scenario editor could not be loaded from the add-in's server (${m}). Nothing in the workbook has changed.`,
    cannotRead: "The IPVALUE sheet of this workbook cannot be read. Fix it in Excel (the pane updates), or try again.",
    retry: "Try again",
    status: {
      loaded: "Scenarios read from this workbook.",
      saving: "Saving to the workbook…",
      saved: "Saved in this workbook.",
      notSaved: (m) => `Not saved: ${m}`,
      offline: "Not saved: no workbook.",
    },
    start: {
      heading: "Start a valuation",
      intro:
        "Build the price of a license from the market and the licensee's P&L, in a low, a base and a high scenario. The scenarios are stored in this workbook (sheet IPVALUE) where the IPVALUE functions read them.",
      blank: "Start blank",
      blankHint: "Three empty scenarios (Low, Base, High) to fill in.",
      examples: "Or start from a worked example",
      exampleHint: "Illustrative numbers in yen, with Low / Base / High.",
      use: "Use this example",
    },
    scenarios: {
      heading: "Scenarios",
      list: "Scenarios",
      add: "Add",
      newName: "New scenario name",
      rename: "Rename",
      renameTo: "New name",
      save: "Save",
      cancel: "Cancel",
      duplicate: "Duplicate",
      delete: "Delete",
      deleteTitle: (name) => `Delete the scenario "${name}"?`,
      deleteBody: "Its assumptions are removed from the workbook's table. This cannot be undone from the pane.",
      confirmDelete: "Delete",
      moveLeft: "Move left",
      moveRight: "Move right",
      internal: "Internal",
      internalHint: "Internal scenarios are for the licensing office only and are not shared with the licensee.",
      actions: "Scenario actions",
    },
    internalBadge: "Internal",
    internalBadgeTitle: "Internal: not to be shared outside the licensing office",
    assumptions: {
      heading: (s) => `Assumptions — ${s}`,
      assumption: "Assumption",
      unit: "Unit",
      value: "Value",
      required: "required",
      defaultIs: (v) => `default ${v}`,
      kept: (v) => `The value ${v} is kept.`,
      keptBlank: "The field stays blank.",
      timing: { "": "default (end)", end: "end of year", mid: "mid-year", begin: "beginning of year" },
      info: (label) => `About ${label}`,
      flag: { "": "default (FALSE)", TRUE: "TRUE — yes", FALSE: "FALSE — no" },
      sourceAdd: "Source / note",
      sourceOf: (label) => `Source or note for ${label}`,
      sourceHint: "Where the figure comes from, for every scenario; shown in the committee report, shared only if you choose.",
    },
    deal: {
      heading: "Deal terms",
      hint: "Tiers, post-expiry rate, annual fees, milestones, sublicensing, equity and exit, patent costs, co-ownership. All optional: blank terms change nothing.",
      milestones: "Milestones",
      milestonesHint: "Lump sums paid at a time after signing, each weighted by its probability.",
      milestone: (n) => `Milestone ${n}`,
      year: "Year",
      amount: "Amount",
      probability: "Probability",
      yearHelp: "When it is paid, in years from signing (fractions allowed). Discounted as a lump sum, whatever the cash-flow timing.",
      amountHelp: "The amount paid at that milestone. A milestone needs its year and its amount.",
      probabilityHelp: "Probability that it is paid (e.g. of reaching that phase). Blank: 100%.",
      add: "Add milestone",
      remove: (n) => `Remove milestone ${n}`,
      allUsed: (n) => `All ${n} milestones are in use.`,
      none: "No milestones.",
    },
    offer: {
      heading: "Offer's terms (term sheet)",
      intro:
        "The conditions the committee offers. Each term replaces that assumption in every scenario; the market and the licensee's business stay each scenario's. In Excel: =IPVALUE.OFFER(IpvalueAssumptions[#All], IpvalueOffer[#All]).",
      preset: "Start from a published model",
      presetNone: "Choose a model…",
      exchangeRate: (currency) => `Exchange rate (model currency per ${currency})`,
      exchangeHint: "Amounts of the model are multiplied by it (e.g. 150 yen per USD); rates and years are not.",
      fill: "Fill the terms",
      filled: (name) => `Terms filled from ${name}. Undo puts the previous terms back.`,
      term: "Term",
      value: "Value",
      addTerm: "Add a term",
      addChoose: "Choose a term…",
      remove: (label) => `Remove ${label} from the offer`,
      none: "No terms yet: the offer is the amount above. Add terms or start from a published model.",
      notFixed: "blank: each scenario's own",
      source: (text) => `Source: ${text}`,
      review: "The offer in each scenario",
      scenario: "Scenario",
      licensor: "Licensor (risk-adjusted)",
      licensee: "Licensee NPV",
      equivalent: "Equivalent rate",
      base: "base",
      problem: "The terms cannot be valued yet:",
      check: {
        floor: (v, l, ok) => (ok ? `The offer's value ${v} is at or above the floor ${l}.` : `The offer's value ${v} is below the floor ${l}.`),
        ceiling: (v, l, ok) => (ok ? `The offer's value ${v} is at or below the ceiling ${l}.` : `The offer's value ${v} is above the ceiling ${l}.`),
        range: (f, c) => `The floor ${f} is above the ceiling ${c}.`,
        walkAway: (bad, unknown) =>
          bad.length === 0 && unknown.length === 0
            ? "The licensee's NPV under these terms is positive in every scenario: it is better off signing."
            : [
                bad.length > 0 ? `The licensee's NPV under these terms is negative in ${bad.join(", ")}: it would walk away there.` : "",
                unknown.length > 0 ? `The licensee's NPV has no answer in ${unknown.join(", ")}.` : "",
              ]
                .filter(Boolean)
                .join(" "),
        unfixed: (labels) => `Not fixed yet (each scenario keeps its own value): ${labels.join(", ")}.`,
      },
      bareAmount: "The offer is a bare amount: add its terms to check it against what the licensee can afford.",
      termsValue: (base) => `Value of the terms in the ${base} scenario (risk-adjusted)`,
    },
    units: {
      currency: "amount",
      currency_per_year: "amount / year",
      rate: "%",
      share: "%",
      years: "years",
      year: "year no.",
      timing: "when in the year",
      flag: "TRUE / FALSE",
    },
    decisions: {
      heading: "Committee decisions",
      intro: "What the licensing committee fixes. Decisions are internal unless you untick the box.",
      internal: "Keep internal",
      amount: "amount",
      bandsHint:
        "Published royalty rates to compare with, as words: patent, know_how, approval, no_approval, startup, meti2010 … Blank = all. =IPVALUE.BANDS() lists them.",
      bandsPlaceholder: "all royalty bands",
      bandsMatched: (count, keys) => `${count} royalty band${count === 1 ? "" : "s"} match: ${keys}`,
      bandSpread: "The band bar spans",
      bandSpreadMinmax: "lowest to highest rate",
      bandSpreadIqr: "interquartile range (middle half)",
      bandInternal: (key) => `${key} (internal)`,
      ownBands: (count, internal) =>
        `With your own ${count} band${count === 1 ? "" : "s"} from the IpvalueUserBands table (${internal} internal: shown here and in the committee report, not in a counterparty file unless you choose them).`,
      ownBandsProblem: (reason) => `Your own bands (IpvalueUserBands) cannot be read, so only the published bands are used: ${reason}`,
    },
    results: {
      summary: "Valuation range",
      heading: "Results",
      range: "Range across scenarios",
      output: "Output",
      low: "Low",
      base: "Base",
      high: "High",
      perScenario: "Each scenario",
      notReady: "Results appear once every required assumption is filled in.",
      noAnswer: "no answer",
      walkAway: "Walk-away rate",
      riskAdjusted: "Risk-adjusted value",
    },
    football: {
      heading: "Football field",
      empty: "The chart appears when the valuation range can be computed.",
      aria: (bars, marks) => `Football-field chart of the valuation range. ${bars}${marks ? `. ${marks}` : ""}`,
      offer: "Offer",
      floor: "Floor",
      ceiling: "Ceiling",
      base: "base",
      legendRange: "low to high across the scenarios",
      legendBase: "base scenario",
      methods: "Methods shown (select to show or hide)",
      allHidden: "Every method is hidden: select one above to show it.",
      clipped: (v) => `to ${v} ▸`,
    },
    scope: {
      covers: (names) => `Covers: ${names}`,
      includesInternal: "includes internal scenarios",
      noInternal: "no internal scenario",
      leavesOut: (names) => `internal scenarios left out: ${names}`,
      include: "Count internal scenarios in the committee's range",
      includeHint: "Off: the range, the football field and the simulation cover only the scenarios the counterparty may see.",
    },
    compare: {
      heading: "Scenarios side by side",
      assumption: "Assumption",
      same: "Every scenario has the same assumptions.",
    },
    insertSheet: "Insert Valuation sheet",
    insertHint: "Adds a sheet with the range (=IPVALUE.RANGE) and each scenario, formatted for the committee.",
    inserted: "The Valuation sheet was inserted.",
    insertFailed: (m) => `The Valuation sheet could not be inserted: ${m}`,
    externalError:
      "The pane is read-only until the IPVALUE tables are fixed in Excel (it becomes editable again by itself); nothing is written meanwhile. The reason:",
    readOnlyRefusal: "The pane is read-only until the IPVALUE tables are fixed in Excel.",
    keptHeading: "The workbook was changed meanwhile; where both changed the same thing, the workbook's version was kept:",
    history: "Undo and redo",
    undo: "Undo",
    redo: "Redo",
    sheetNotRemoved: (sheet) => `The sheet "${sheet}" was not deleted: it is gone, or its A1 no longer says IPVALUE (it holds your work).`,
    sheetUndoFailed: (m) => `The sheet could not be taken back: ${m}`,
    close: "Close",
  },
  ja: {
    title: "IPVALUE",
    tagline: "ライセンス評価",
    languageGroup: "言語",
    loading: "ブックを読み込んでいます…",
    loadingView: "読み込んでいます…",
    outsideOffice: "Excel の外で実行中：関数は接続されておらず、入力は保存されません。",
    workbookUnavailable: (m) => `ブックに接続できないため、ここでの入力は保存されません（${m}）。`,
    editorUnavailable: (m) => `シナリオ編集画面をアドインのサーバーから読み込めませんでした（${m}）。ブックの内容は変わっていません。`,
    cannotRead: "このブックの IPVALUE シートを読み取れません。Excel で修正する（作業ウィンドウは自動で更新されます）か、再試行してください。",
    retry: "再試行",
    status: {
      loaded: "このブックからシナリオを読み込みました。",
      saving: "ブックに保存しています…",
      saved: "このブックに保存しました。",
      notSaved: (m) => `保存されていません：${m}`,
      offline: "保存されていません：ブックがありません。",
    },
    start: {
      heading: "評価を始める",
      intro:
        "市場規模とライセンシーの損益からライセンスの対価を、低位・基準・高位のシナリオで算定します。シナリオはこのブック（IPVALUE シート）に保存され、IPVALUE 関数がそこから読み取ります。",
      blank: "空のシナリオで始める",
      blankHint: "空のシナリオ3つ（低位・基準・高位）から入力します。",
      examples: "または例題から始める",
      exampleHint: "円建ての例示的な数値（低位・基準・高位）。",
      use: "この例題を使う",
    },
    scenarios: {
      heading: "シナリオ",
      list: "シナリオ一覧",
      add: "追加",
      newName: "新しいシナリオ名",
      rename: "名前の変更",
      renameTo: "新しい名前",
      save: "保存",
      cancel: "キャンセル",
      duplicate: "複製",
      delete: "削除",
      deleteTitle: (name) => `シナリオ「${name}」を削除しますか？`,
      deleteBody: "このシナリオの前提条件がブックの表から削除されます。作業ウィンドウからは元に戻せません。",
      confirmDelete: "削除する",
      moveLeft: "左へ移動",
      moveRight: "右へ移動",
      internal: "社外秘",
      internalHint: "社外秘のシナリオはライセンス部門内だけで使い、ライセンシーには開示しません。",
      actions: "シナリオの操作",
    },
    internalBadge: "社外秘",
    internalBadgeTitle: "社外秘：ライセンス部門の外に開示しない",
    assumptions: {
      heading: (s) => `前提条件 — ${s}`,
      assumption: "前提条件",
      unit: "単位",
      value: "値",
      required: "必須",
      defaultIs: (v) => `既定 ${v}`,
      kept: (v) => `値 ${v} を保持しています。`,
      keptBlank: "空欄のままです。",
      timing: { "": "既定（期末）", end: "期末", mid: "期央", begin: "期首" },
      info: (label) => `${label}の説明`,
      flag: { "": "既定（FALSE）", TRUE: "TRUE — はい", FALSE: "FALSE — いいえ" },
      sourceAdd: "出典・備考",
      sourceOf: (label) => `${label}の出典・備考`,
      sourceHint: "数値の出典（全シナリオ共通）。評価レポートに載ります。相手方へは選んだときだけ共有します。",
    },
    deal: {
      heading: "契約条件",
      hint: "段階料率、特許満了後の料率、年間維持費、マイルストーン、サブライセンス、株式とExit、特許費用、共有特許。すべて任意で、空欄の条件は結果を変えません。",
      milestones: "マイルストーン",
      milestonesHint: "契約後の所定の時期に支払われる一時金。それぞれ支払確率を掛けて評価します。",
      milestone: (n) => `マイルストーン${n}`,
      year: "時期（年）",
      amount: "金額",
      probability: "確率",
      yearHelp: "支払時期（契約からの年数、小数可）。キャッシュフローの時点の設定にかかわらず一時金として割り引きます。",
      amountHelp: "そのマイルストーンで支払われる金額。マイルストーンには時期と金額が必要です。",
      probabilityHelp: "支払われる確率（例：その段階に到達する確率）。空欄なら100%。",
      add: "マイルストーンを追加",
      remove: (n) => `マイルストーン${n}を削除`,
      allUsed: (n) => `${n}件のマイルストーンをすべて使用しています。`,
      none: "マイルストーンはありません。",
    },
    offer: {
      heading: "提示条件（タームシート）",
      intro:
        "委員会が提示する条件です。各条件はすべてのシナリオの同じ前提を置き換えます（市場とライセンシーの事業はシナリオごとの値のまま）。Excelでは =IPVALUE.OFFER(IpvalueAssumptions[#All], IpvalueOffer[#All])。",
      preset: "公表モデルから始める",
      presetNone: "モデルを選択…",
      exchangeRate: (currency) => `為替レート（1 ${currency} あたりのモデル通貨）`,
      exchangeHint: "モデルの金額に掛けます（例：1米ドル＝150円なら150）。料率と年数には掛けません。",
      fill: "条件に反映",
      filled: (name) => `「${name}」の条件を反映しました。元に戻すと以前の条件に戻ります。`,
      term: "条件",
      value: "値",
      addTerm: "条件を追加",
      addChoose: "条件を選択…",
      remove: (label) => `${label}を提示条件から外す`,
      none: "条件はまだありません（提示は上の金額のみ）。条件を追加するか、公表モデルから始めてください。",
      notFixed: "空欄：各シナリオの値",
      source: (text) => `出典：${text}`,
      review: "シナリオごとの提示条件の評価",
      scenario: "シナリオ",
      licensor: "ライセンサー（リスク調整後）",
      licensee: "ライセンシーのNPV",
      equivalent: "等価料率",
      base: "基準",
      problem: "条件をまだ評価できません：",
      check: {
        floor: (v, l, ok) => (ok ? `提示条件の価値 ${v} は最低受入価格 ${l} 以上です。` : `提示条件の価値 ${v} は最低受入価格 ${l} を下回っています。`),
        ceiling: (v, l, ok) => (ok ? `提示条件の価値 ${v} は上限価格 ${l} 以下です。` : `提示条件の価値 ${v} は上限価格 ${l} を上回っています。`),
        range: (f, c) => `最低受入価格 ${f} が上限価格 ${c} を上回っています。`,
        walkAway: (bad, unknown) =>
          bad.length === 0 && unknown.length === 0
            ? "この条件でのライセンシーのNPVはすべてのシナリオでプラスです（契約する方が有利）。"
            : [
                bad.length > 0 ? `この条件でのライセンシーのNPVは${bad.join("、")}でマイナスです（その場合、交渉から降りる可能性があります）。` : "",
                unknown.length > 0 ? `ライセンシーのNPVを算出できないシナリオ：${unknown.join("、")}。` : "",
              ]
                .filter(Boolean)
                .join(""),
        unfixed: (labels) => `未確定の条件（各シナリオの値を使用）：${labels.join("、")}。`,
      },
      bareAmount: "提示は金額のみです。条件を追加すると、ライセンシーが負担できるかを確認できます。",
      termsValue: (base) => `「${base}」シナリオでの条件の価値（リスク調整後）`,
    },
    units: {
      currency: "金額",
      currency_per_year: "金額／年",
      rate: "%",
      share: "%",
      years: "年数",
      year: "年目",
      timing: "年内の時点",
      flag: "TRUE / FALSE",
    },
    decisions: {
      heading: "委員会の決定事項",
      intro: "ライセンス委員会が決める事項です。チェックを外さない限り社外秘として扱います。",
      internal: "社外秘として扱う",
      amount: "金額",
      bandsHint:
        "比較する公表ロイヤルティ料率を語で指定：特許、ノウハウ、承認、承認不要、スタートアップ、meti2010 など（英語の patent、approval なども同じ）。空欄はすべて。一覧は =IPVALUE.BANDS()。",
      bandsPlaceholder: "すべての料率バンド",
      bandsMatched: (count, keys) => `該当する料率バンド（${count}件）：${keys}`,
      bandSpread: "バンドの帯の幅",
      bandSpreadMinmax: "最低～最高の料率",
      bandSpreadIqr: "四分位範囲（中央の半分）",
      bandInternal: (key) => `${key}（社外秘）`,
      ownBands: (count, internal) =>
        `表 IpvalueUserBands の自機関のバンド${count}件も含みます（うち社外秘${internal}件：ここと委員会報告書には表示しますが、選ばない限り相手方向けファイルには出しません）。`,
      ownBandsProblem: (reason) => `自機関のバンド（IpvalueUserBands）を読めないため、公表バンドのみを使います：${reason}`,
    },
    results: {
      summary: "評価レンジ",
      heading: "評価結果",
      range: "シナリオ間のレンジ",
      output: "指標",
      low: "低位",
      base: "基準",
      high: "高位",
      perScenario: "シナリオ別",
      notReady: "必須の前提条件をすべて入力すると結果が表示されます。",
      noAnswer: "算出不可",
      walkAway: "上限料率",
      riskAdjusted: "リスク調整後価値",
    },
    football: {
      heading: "フットボールフィールド",
      empty: "評価レンジを計算できるとグラフが表示されます。",
      aria: (bars, marks) => `評価レンジのフットボールフィールド図。${bars}${marks ? `。${marks}` : ""}`,
      offer: "提示価格",
      floor: "最低受入価格",
      ceiling: "上限価格",
      base: "基準",
      legendRange: "シナリオ間の低位～高位",
      legendBase: "基準シナリオ",
      methods: "表示する評価手法（選択で表示／非表示）",
      allHidden: "すべての評価手法が非表示です。上で選ぶと表示されます。",
      clipped: (v) => `${v}まで ▸`,
    },
    scope: {
      covers: (names) => `対象：${names}`,
      includesInternal: "内部シナリオを含む",
      noInternal: "内部シナリオなし",
      leavesOut: (names) => `除外した内部シナリオ：${names}`,
      include: "委員会のレンジに内部シナリオを含める",
      includeHint: "オフにすると、レンジ・フットボールフィールド・シミュレーションは相手方に共有できるシナリオだけを対象にします。",
    },
    compare: {
      heading: "シナリオの比較",
      assumption: "前提条件",
      same: "すべてのシナリオで前提条件が同じです。",
    },
    insertSheet: "評価シートを挿入",
    insertHint: "評価レンジ（=IPVALUE.RANGE）とシナリオ別の結果を、委員会向けに整えたシートとして追加します。",
    inserted: "評価シート（Valuation）を挿入しました。",
    insertFailed: (m) => `評価シートを挿入できませんでした：${m}`,
    externalError:
      "Excel で IPVALUE の表が修正されるまで、作業ウィンドウは読み取り専用です（修正されると自動で編集できるようになります）。その間は何も書き込みません。理由：",
    readOnlyRefusal: "Excel で IPVALUE の表が修正されるまで、作業ウィンドウは読み取り専用です。",
    keptHeading: "その間にブックが変更されました。同じ箇所が両方で変更された場合は、ブックの内容を残しました：",
    history: "元に戻す・やり直し",
    undo: "元に戻す",
    redo: "やり直し",
    sheetNotRemoved: (sheet) => `シート「${sheet}」は削除しませんでした。すでにないか、A1 が IPVALUE で始まっていません（作業内容を守るため）。`,
    sheetUndoFailed: (m) => `シートを元に戻せませんでした：${m}`,
    close: "閉じる",
  },
};

/** Japanese for any ja-* language tag, English otherwise. */
export function languageFor(tag: string | undefined | null): Language {
  return tag && tag.toLowerCase().startsWith("ja") ? "ja" : "en";
}

export const LOCALE: Record<Language, string> = { en: "en-US", ja: "ja-JP" };

/** Items of a list as the language writes them: "a, b" in English, 「a、b」 in Japanese. */
export const listOf = (items: readonly string[], language: Language): string => items.join(language === "ja" ? "、" : ", ");

// ---------------------------------------------------------------------------------------------
// Sharing with the other side: the negotiator workbook and "Freeze for sharing" (SharePanel, FreezePanel)

export interface ShareText {
  heading: string;
  intro: string;
  open: string;
  title: string;
  about: string;
  scenarios: string;
  results: string;
  bands: string;
  decisions: string;
  decisionLabel: Record<"offer" | "ceiling" | "floor" | "notes", string>;
  valueRateHint: string;
  /** The assumptions' sources and notes (not shared unless ticked: they may be internal). */
  sources: string;
  confirmTitle: (item: string) => string;
  confirmBody: string;
  include: string;
  keepOut: string;
  workbookLanguage: string;
  currency: string;
  currencyPlaceholder: string;
  summary: (included: string, leftOut: string) => string;
  scenarioCount: (n: number) => string;
  resultCount: (n: number) => string;
  nothingLeftOut: string;
  build: string;
  building: string;
  cancel: string;
  close: string;
  opened: string;
  unsupported: string;
  download: string;
  fileName: (date: string) => string;
  failed: (message: string) => string;
  freeze: {
    open: string;
    title: string;
    about: string;
    warning: string;
    sheets: string;
    noSheets: string;
    run: string;
    running: string;
    done: (cells: number, sheets: string) => string;
    none: string;
    sheet: string;
    cell: string;
    formula: string;
    value: string;
    block: (rows: number, columns: number) => string;
    reference: string;
    failed: (message: string) => string;
  };
}

export const SHARE_TEXT: Record<Language, ShareText> = {
  en: {
    heading: "Share with the other side",
    intro:
      "A workbook for the negotiators: the chosen scenarios and results as ordinary formulas (no IPVALUE functions), so it recalculates in any spreadsheet. Internal items stay out unless you confirm them one by one.",
    open: "Prepare negotiator workbook",
    title: "Prepare negotiator workbook",
    about: "Choose what the other side sees. Internal items are unticked; ticking one asks you to confirm it.",
    scenarios: "Scenarios",
    results: "Results",
    bands: "Reference bands (published royalty rates)",
    decisions: "Committee decisions",
    decisionLabel: { offer: "Offer price", ceiling: "Ceiling", floor: "Walk-away floor", notes: "Committee notes" },
    valueRateHint: "A value at a rate brings the rate it is computed from.",
    sources: "Sources and notes of the assumptions (may be internal)",
    confirmTitle: (item) => `"${item}" is internal.`,
    confirmBody: "Include it in the workbook for the other side?",
    include: "Include it",
    keepOut: "Keep it out",
    workbookLanguage: "Workbook language",
    currency: "Currency of the amounts",
    currencyPlaceholder: "e.g. JPY",
    summary: (included, leftOut) => `Included: ${included}. Left out: ${leftOut}.`,
    scenarioCount: (n) => `${n} scenario${n === 1 ? "" : "s"}`,
    resultCount: (n) => `${n} result${n === 1 ? "" : "s"}`,
    nothingLeftOut: "nothing",
    build: "Build workbook",
    building: "Building…",
    cancel: "Cancel",
    close: "Close",
    opened: "The negotiator workbook is open in a new Excel window. Save it before sending it.",
    unsupported: "This Excel cannot open a new workbook from an add-in. Download the file and open it:",
    download: "Download the negotiator workbook (.xlsx)",
    fileName: (date) => `Negotiator workbook ${date}.xlsx`,
    failed: (m) => `The workbook could not be built: ${m}`,
    freeze: {
      open: "Freeze for sharing",
      title: "Freeze for sharing",
      about: "Copies the chosen sheets and replaces, in the copies, every =IPVALUE formula with its value, so they read the same without the add-in.",
      warning:
        "The copies keep everything else the sheets show, internal scenarios and decisions included. To share without them, prepare a negotiator workbook instead.",
      sheets: "Sheets to freeze",
      noSheets: "The workbook has no sheets to freeze.",
      run: "Freeze copies",
      running: "Freezing…",
      done: (n, sheets) => `${n} cell${n === 1 ? "" : "s"} frozen in ${sheets}.`,
      none: "No =IPVALUE formula was found: the copies are plain copies.",
      sheet: "Sheet",
      cell: "Cell",
      formula: "Formula",
      value: "Now",
      block: (r, c) => `values (${r} × ${c})`,
      reference: "reference to the values",
      failed: (m) => `The sheets could not be frozen: ${m}`,
    },
  },
  ja: {
    heading: "相手方との共有",
    intro:
      "交渉相手向けのブックを作ります。選んだシナリオと結果を通常の数式（IPVALUE関数なし）で書き出すため、どの表計算ソフトでも再計算できます。社外秘の項目は、1つずつ確認しない限り含めません。",
    open: "交渉用ブックを作成",
    title: "交渉用ブックを作成",
    about: "相手方に見せる内容を選びます。社外秘の項目はチェックが外れており、チェックすると確認を求めます。",
    scenarios: "シナリオ",
    results: "結果",
    bands: "参考バンド（公表ロイヤルティ料率）",
    decisions: "委員会の決定事項",
    decisionLabel: { offer: "提示価格", ceiling: "上限価格", floor: "最低受入価格", notes: "委員会メモ" },
    valueRateHint: "料率での価値を選ぶと、その料率も含めます。",
    sources: "前提条件の出典・備考（社内向けの場合があります）",
    confirmTitle: (item) => `「${item}」は社外秘です。`,
    confirmBody: "相手方向けのブックに含めますか？",
    include: "含める",
    keepOut: "含めない",
    workbookLanguage: "ブックの言語",
    currency: "金額の通貨",
    currencyPlaceholder: "例：円",
    summary: (included, leftOut) => `含める：${included}。含めない：${leftOut}。`,
    scenarioCount: (n) => `シナリオ${n}件`,
    resultCount: (n) => `結果${n}項目`,
    nothingLeftOut: "なし",
    build: "ブックを作成",
    building: "作成中…",
    cancel: "キャンセル",
    close: "閉じる",
    opened: "交渉用ブックを新しい Excel ウィンドウで開きました。送る前に保存してください。",
    unsupported: "この Excel ではアドインから新しいブックを開けません。ファイルをダウンロードして開いてください：",
    download: "交渉用ブック（.xlsx）をダウンロード",
    fileName: (date) => `交渉用ブック ${date}.xlsx`,
    failed: (m) => `ブックを作成できませんでした：${m}`,
    freeze: {
      open: "共有用に固定",
      title: "共有用に固定",
      about: "選んだシートをコピーし、コピーの =IPVALUE 数式をすべて値に置き換えます。アドインがなくても同じ表示になります。",
      warning:
        "コピーにはシートに表示されている他の内容（社外秘のシナリオや決定事項を含む）がそのまま残ります。それらを除いて共有するには、交渉用ブックを作成してください。",
      sheets: "固定するシート",
      noSheets: "固定できるシートがありません。",
      run: "コピーを固定",
      running: "固定しています…",
      done: (n, sheets) => `${sheets} の ${n} 個のセルを固定しました。`,
      none: "=IPVALUE 数式は見つかりませんでした。コピーはそのままの複製です。",
      sheet: "シート",
      cell: "セル",
      formula: "数式",
      value: "置き換え後",
      block: (r, c) => `値（${r} × ${c}）`,
      reference: "値への参照",
      failed: (m) => `シートを固定できませんでした：${m}`,
    },
  },
};

// ---------------------------------------------------------------------------------------------
// The committee report (評価レポート): ReportButton, beside the negotiator workbook in SharePanel

export interface ReportText {
  open: string;
  includeInternal: string;
  building: string;
  opened: string;
  unsupported: string;
  download: string;
  fileName: (date: string) => string;
  failed: (message: string) => string;
}

export const REPORT_TEXT: Record<Language, ReportText> = {
  en: {
    open: "Committee report",
    includeInternal: "Internal scenarios count in the committee's range",
    building: "Writing the report…",
    opened: "The committee report opened in a new Excel window (internal — committee use only). Print it on A4 or save it.",
    unsupported: "This Excel cannot open a new workbook from an add-in. Download the report and open it:",
    download: "Download the committee report (.xlsx)",
    fileName: (date) => `Committee report ${date}.xlsx`,
    failed: (m) => `The report could not be written: ${m}`,
  },
  ja: {
    open: "評価レポート",
    includeInternal: "社外秘シナリオを委員会のレンジに含める",
    building: "レポートを作成中…",
    opened: "評価レポートを新しい Excel ウィンドウで開きました（社外秘・委員会資料）。A4で印刷するか保存してください。",
    unsupported: "この Excel ではアドインから新しいブックを開けません。レポートをダウンロードして開いてください：",
    download: "評価レポート（.xlsx）をダウンロード",
    fileName: (date) => `評価レポート ${date}.xlsx`,
    failed: (m) => `レポートを作成できませんでした：${m}`,
  },
};

// ---------------------------------------------------------------------------------------------
// The office's own comparables: terms from a document, and a royalty-database export (ComparablesPanel)

export interface ComparablesText {
  heading: string;
  intro: string;
  open: string;
  title: string;
  tabDocument: string;
  tabCsv: string;
  paste: string;
  pastePlaceholder: string;
  openFile: string;
  reading: string;
  read: (name: string, characters: number) => string;
  find: string;
  noTerms: string;
  found: (n: number) => string;
  keep: string;
  kind: string;
  low: string;
  high: string;
  unit: string;
  excerpt: string;
  rateHint: string;
  conditions: string;
  right: string;
  regulatory: string;
  licensee: string;
  exclusivity: string;
  field: string;
  fieldPlaceholder: string;
  year: string;
  yearBad: string;
  source: string;
  sourcePlaceholder: string;
  internal: string;
  internalHint: string;
  choice: Record<string, string>;
  save: (n: number) => string;
  saving: string;
  fixFirst: (n: number) => string;
  saved: (n: number, keys: string, table: string) => string;
  useHint: (table: string) => string;
  failed: (message: string) => string;
  csvPaste: string;
  csvPlaceholder: string;
  openCsv: string;
  readCsv: string;
  mapping: string;
  mappingHint: string;
  column: string;
  notInFile: string;
  rateStyle: string;
  ratePercent: string;
  rateDecimal: string;
  csvSummary: (bands: number, refused: number, blank: number) => string;
  row: (n: number) => string;
  refusedHeading: string;
  close: string;
}

export const COMPARABLES_TEXT: Record<Language, ComparablesText> = {
  en: {
    heading: "Your own comparables",
    intro:
      "Add the office's own evidence as bands: terms found in a past agreement or report, or rows of a royalty-database export. They are saved in the IpvalueUserBands table, internal by default; nothing leaves this computer.",
    open: "Add comparables",
    title: "Add comparables from a document",
    tabDocument: "From a document",
    tabCsv: "From a database export (CSV)",
    paste: "Paste the text of an agreement or report, or open a file (.txt, .docx, .pdf)",
    pastePlaceholder: "e.g. 乙は、許諾製品の正味販売高の3％を実施料として支払う。",
    openFile: "Open a file…",
    reading: "Reading the file on this computer…",
    read: (name, n) => `Read ${name}: ${n.toLocaleString("en-US")} characters. Check the text, then find its terms.`,
    find: "Find the terms",
    noTerms: "No rate or amount of money was found in this text.",
    found: (n) => `${n} candidate term${n === 1 ? "" : "s"}: check each against its excerpt, fix it or drop it.`,
    keep: "Keep",
    kind: "Term",
    low: "Low",
    high: "High",
    unit: "Unit",
    excerpt: "Excerpt",
    rateHint: "Rates in %, amounts in the currency shown.",
    conditions: "What these terms were agreed under",
    right: "Rights",
    regulatory: "Regulatory approval",
    licensee: "Licensee",
    exclusivity: "Exclusivity",
    field: "Field",
    fieldPlaceholder: "e.g. medical devices",
    year: "Year",
    yearBad: "A year from 1900 to 2200, or blank.",
    source: "Source (the document's name)",
    sourcePlaceholder: "e.g. License agreement with X, 2021",
    internal: "Internal (the office's own deal: not for the counterparty)",
    internalHint: "Ticked by default. Untick only for a published source.",
    choice: {
      any: "any",
      patent: "patent",
      know_how: "know-how",
      approval: "needs approval",
      no_approval: "no approval",
      startup: "startup",
      sme: "SME",
      large: "large company",
      exclusive: "exclusive",
      non_exclusive: "non-exclusive",
      assignment: "assignment",
    },
    save: (n) => `Save ${n} band${n === 1 ? "" : "s"}`,
    saving: "Saving…",
    fixFirst: (n) => `${n} kept term${n === 1 ? "" : "s"} cannot be saved as ${n === 1 ? "it is" : "they are"}: fix or drop ${n === 1 ? "it" : "them"} first.`,
    saved: (n, keys, table) => `Saved ${n} band${n === 1 ? "" : "s"} in ${table}: ${keys}.`,
    useHint: (table) => `Use them with =IPVALUE.BANDS("", ${table}[#All]) or =IPVALUE.BANDSTATS("", ${table}[#All]).`,
    failed: (m) => `Not saved: ${m}`,
    csvPaste: "Paste a table copied from a sheet, or open a CSV file exported from a royalty database",
    csvPlaceholder: "Licensor,Licensee,Industry,SIC,Royalty low,Royalty high,Base,Year,Source",
    openCsv: "Open a CSV file…",
    readCsv: "Read the table",
    mapping: "Columns",
    mappingHint: "How each column is read: check before saving (found from the headers).",
    column: "Read from column",
    notInFile: "— not in the file —",
    rateStyle: "Rates without a % sign are written as",
    ratePercent: "percentages (5 = 5%)",
    rateDecimal: "decimals (0.05 = 5%)",
    csvSummary: (b, r, blank) =>
      `${b} row${b === 1 ? "" : "s"} become${b === 1 ? "s" : ""} bands; ${r} cannot be read (listed below)${blank > 0 ? `; ${blank} blank row${blank === 1 ? "" : "s"} skipped` : ""}.`,
    row: (n) => `Row ${n}`,
    refusedHeading: "Rows not saved, and why",
    close: "Close",
  },
  ja: {
    heading: "自機関の比較対象",
    intro:
      "自機関の根拠をバンドとして追加します：過去の契約書や報告書から見つけた条件、またはロイヤルティ・データベースの書き出しの行。表 IpvalueUserBands に保存され、既定で社外秘です。データがこのコンピューターの外に出ることはありません。",
    open: "比較対象を追加",
    title: "文書から比較対象を追加",
    tabDocument: "文書から",
    tabCsv: "データベースの書き出し（CSV）から",
    paste: "契約書や報告書の本文を貼り付けるか、ファイル（.txt、.docx、.pdf）を開いてください",
    pastePlaceholder: "例：乙は、許諾製品の正味販売高の3％を実施料として支払う。",
    openFile: "ファイルを開く…",
    reading: "このコンピューター上でファイルを読み込んでいます…",
    read: (name, n) => `${name} を読み込みました（${n.toLocaleString("ja-JP")}文字）。本文を確認してから条件を抽出してください。`,
    find: "条件を抽出",
    noTerms: "この本文には率も金額も見つかりませんでした。",
    found: (n) => `候補の条件が${n}件あります。抜粋と照らして確認し、修正または除外してください。`,
    keep: "採用",
    kind: "条件",
    low: "下限",
    high: "上限",
    unit: "単位",
    excerpt: "抜粋",
    rateHint: "率は%、金額は表示の通貨で入力します。",
    conditions: "これらの条件が合意された前提",
    right: "権利",
    regulatory: "規制当局の承認",
    licensee: "ライセンシー",
    exclusivity: "独占性",
    field: "分野",
    fieldPlaceholder: "例：医療機器",
    year: "年",
    yearBad: "1900〜2200年の年を入力するか、空欄にしてください。",
    source: "出典（文書の名前）",
    sourcePlaceholder: "例：X社とのライセンス契約（2021年）",
    internal: "社外秘（自機関の契約：相手方には出さない）",
    internalHint: "既定でオンです。公表された出典の場合だけオフにしてください。",
    choice: {
      any: "指定なし",
      patent: "特許",
      know_how: "ノウハウ",
      approval: "承認が必要",
      no_approval: "承認不要",
      startup: "スタートアップ",
      sme: "中小企業",
      large: "大企業",
      exclusive: "独占",
      non_exclusive: "非独占",
      assignment: "譲渡",
    },
    save: (n) => `${n}件のバンドを保存`,
    saving: "保存中…",
    fixFirst: (n) => `採用した条件のうち${n}件はこのままでは保存できません。先に修正するか除外してください。`,
    saved: (n, keys, table) => `${table} に${n}件のバンドを保存しました：${keys}。`,
    useHint: (table) => `=IPVALUE.BANDS("", ${table}[#All]) や =IPVALUE.BANDSTATS("", ${table}[#All]) で使えます。`,
    failed: (m) => `保存できませんでした：${m}`,
    csvPaste: "シートからコピーした表を貼り付けるか、ロイヤルティ・データベースから書き出した CSV ファイルを開いてください",
    csvPlaceholder: "ライセンサー,ライセンシー,業種,料率下限,料率上限,算定基礎,契約年,出典",
    openCsv: "CSV ファイルを開く…",
    readCsv: "表を読み込む",
    mapping: "列の対応",
    mappingHint: "各列の読み方です（見出しから判定）。保存の前に確認してください。",
    column: "読み込む列",
    notInFile: "— ファイルにない —",
    rateStyle: "%記号のない料率の書き方",
    ratePercent: "パーセント（5 = 5%）",
    rateDecimal: "小数（0.05 = 5%）",
    csvSummary: (b, r, blank) => `${b}行がバンドになります。${r}行は読み取れません（下に一覧）${blank > 0 ? `。空の行${blank}行は読み飛ばします` : ""}。`,
    row: (n) => `${n}行目`,
    refusedHeading: "保存しない行とその理由",
    close: "閉じる",
  },
};
