/** The pane's words in English and Japanese. */
export type Language = "en" | "ja";

export interface PaneText {
  title: string;
  switchTo: string;
  intro: string;
  examples: string[];
  note: string;
  ready: string;
  outsideOffice: string;
}

export const TEXT: Record<Language, PaneText> = {
  en: {
    title: "IPVALUE — license valuation",
    switchTo: "日本語",
    intro:
      "Price a technology license from the market and the licensee's P&L. Type =IPVALUE. in a cell to see every function. Rates are decimals (0.05 = 5%).",
    examples: [
      "=IPVALUE.DCF(0.1, B2:B11) — present value of royalties",
      '=IPVALUE.SALES(5000000000, 0.03, 0.1, 4, 10, 2) — licensee sales per year',
      "=IPVALUE.ROYALTIES(C2:C11, 0.03, 1000000) — royalties with a minimum",
      "=IPVALUE.MAXRATE(C2:C11, 0.2, 0.12) — the licensee's walk-away rate",
      "=IPVALUE.RANGE(Assumptions!A1:D18) — low / base / high across scenarios",
    ],
    note: "The scenario editor will live in this pane. Your inputs never leave this workbook.",
    ready: "Functions loaded.",
    outsideOffice: "Running outside Excel: functions are not connected.",
  },
  ja: {
    title: "IPVALUE — ライセンス評価",
    switchTo: "English",
    intro:
      "市場規模とライセンシーの損益から技術ライセンスの対価を算定します。セルに =IPVALUE. と入力すると全関数が表示されます。率は小数（0.05 = 5%）です。",
    examples: [
      "=IPVALUE.DCF(0.1, B2:B11) — ロイヤルティ収入の現在価値",
      '=IPVALUE.SALES(5000000000, 0.03, 0.1, 4, 10, 2) — ライセンシーの各年の売上高',
      "=IPVALUE.ROYALTIES(C2:C11, 0.03, 1000000) — 最低額付きのロイヤルティ",
      "=IPVALUE.MAXRATE(C2:C11, 0.2, 0.12) — ライセンシーの上限料率",
      "=IPVALUE.RANGE(Assumptions!A1:D18) — シナリオ間の低位・基準・高位",
    ],
    note: "シナリオ編集はこのペインに追加されます。入力したデータがこのブックの外に出ることはありません。",
    ready: "関数を読み込みました。",
    outsideOffice: "Excel の外で実行中：関数は接続されていません。",
  },
};

/** Japanese for any ja-* Office display language, English otherwise. */
export function languageFor(tag: string | undefined | null): Language {
  return tag && tag.toLowerCase().startsWith("ja") ? "ja" : "en";
}
