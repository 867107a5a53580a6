/** The words of the license monitoring panel (ライセンス後の管理), in English and Japanese. */
import type { Language } from "../../model/language";
import type { ReportField, SettingKey } from "../model/monitoring";

export interface MonitoringText {
  heading: string;
  intro: string;
  signedFrom: (scenario: string, offer: boolean) => string;
  reports: string;
  year: string;
  /** The reports' period column: a contract year, or a year and quarter. */
  period: string;
  periodHint: string;
  fields: Record<ReportField, string>;
  addReport: string;
  /** `period` in words, e.g. "Year 3 Q1". */
  removeReport: (period: string) => string;
  /** The last year while some of its quarters are not in: not audited yet. */
  inProgress: (year: number, quarters: string) => string;
  noReports: string;
  settings: string;
  setting: Record<SettingKey, string>;
  audit: string;
  due: string;
  reported: string;
  shortfall: string;
  share: string;
  interest: string;
  total: string;
  claim: string;
  claimWithCost: (share: string, threshold: string) => string;
  claimWithoutCost: (share: string, threshold: string) => string;
  cannotAudit: (reason: string) => string;
  track: string;
  plan: string;
  ratio: string;
  flag: string;
  belowTrigger: string;
  minimumNotReached: string;
  ok: string;
  cannotTrack: (reason: string) => string;
  calendar: string;
  noStart: string;
  /** The calendar's period end column. */
  periodEnd: string;
  reportDue: string;
  received: string;
  overdue: string;
  pending: string;
  nextReport: (period: string, date: string) => string;
  nextAudit: (date: string) => string;
  cannotRead: (reason: string) => string;
  notSaved: (reason: string) => string;
  kept: string;
  reload: string;
  sheetHint: string;
}

export const MONITORING_TEXT: Record<Language, MonitoringText> = {
  en: {
    heading: "License monitoring",
    intro:
      "After signing: type the licensee's yearly or quarterly reports. IPVALUE checks each against the signed terms (AUDIT), prices the claim and compares sales with the plan (TRACK). Stored on the sheet “IPVALUE monitoring”, with the same checks as live formulas; never in a shared negotiator file.",
    signedFrom: (scenario, offer) =>
      offer ? `Signed terms: the committee's offer over the ${scenario} scenario's values.` : `Signed terms: the ${scenario} scenario's.`,
    reports: "Reports",
    year: "Contract year",
    period: "Period",
    periodHint:
      "A period is a contract year (3) or a year and its quarter (3Q1 for year 3's first quarter). Quarters are added up to their year for the checks: the tiers and the minimum apply per contract year.",
    fields: { sales: "Net sales", royaltyPaid: "Royalty paid" },
    addReport: "Add the next report",
    removeReport: (period) => `Remove the report for ${period}`,
    inProgress: (year, quarters) => `Year ${year} is not complete (${quarters} not reported): it is audited once its four quarters are in.`,
    noReports: "No reports yet.",
    settings: "Settings",
    setting: {
      startDate: "Contract start (YYYY-MM-DD)",
      reportDueDays: "Report due (days after a period ends)",
      auditIntervalMonths: "Audit interval (months)",
      threshold: "Audit cost claimed from a shortfall of (%)",
      interestRate: "Interest on shortfalls (% a year)",
      auditCost: "Audit cost",
    },
    audit: "Audit of the reports",
    due: "Due",
    reported: "Reported",
    shortfall: "Shortfall",
    share: "Share",
    interest: "Interest",
    total: "Total",
    claim: "Amount to claim",
    claimWithCost: (share, threshold) => `The shortfall is ${share} of what was due, at least ${threshold}: the audit's cost is claimed too.`,
    claimWithoutCost: (share, threshold) => `The shortfall is ${share} of what was due, under ${threshold}: the audit's cost is not claimed.`,
    cannotAudit: (reason) => `The reports cannot be audited yet: ${reason}`,
    track: "Plan against actual (diligence)",
    plan: "Plan sales",
    ratio: "Cumulative ÷ plan",
    flag: "Flag",
    belowTrigger: "below half the plan",
    minimumNotReached: "minimum not reached",
    ok: "on track",
    cannotTrack: (reason) => `Not compared with the plan: ${reason}`,
    calendar: "Reporting calendar",
    noStart: "Type the contract start date to see when reports and audits are due.",
    periodEnd: "Period ends",
    reportDue: "Report due",
    received: "received",
    overdue: "overdue",
    pending: "to come",
    nextReport: (period, date) => `Next report: ${period}, due ${date}.`,
    nextAudit: (date) => `Earliest next audit: ${date}.`,
    cannotRead: (reason) => `The monitoring sheet cannot be read: ${reason} Fix it in the sheet, then read it again.`,
    notSaved: (reason) => `Not saved: ${reason}`,
    kept: "The workbook's values were kept where the sheet was changed too:",
    reload: "Read the sheet again",
    sheetHint: "In Excel: =IPVALUE.AUDIT(IpvalueReports[sales], IpvalueReports[royalty_paid], IpvalueSigned[#All], …) on the sheet “IPVALUE monitoring”.",
  },
  ja: {
    heading: "ライセンス後の管理",
    intro:
      "締結後：ライセンシーからの年次または四半期の報告を入力します。IPVALUEが締結条件と照合し（AUDIT）、請求額を計算し、販売高を計画と比べます（TRACK）。「IPVALUE monitoring」シートに保存され、同じチェックが数式として入ります。交渉相手への共有ファイルには含まれません。",
    signedFrom: (scenario, offer) => (offer ? `締結条件：委員会の提示条件＋「${scenario}」シナリオの値。` : `締結条件：「${scenario}」シナリオの値。`),
    reports: "報告",
    year: "契約年",
    period: "期間",
    periodHint:
      "期間は契約年（3）か、年と四半期（3年目の第1四半期は 3Q1）で入力します。チェックでは四半期を契約年ごとに合計します（料率の段階と最低額は契約年単位）。",
    fields: { sales: "正味販売高", royaltyPaid: "支払ロイヤルティ" },
    addReport: "次の報告を追加",
    removeReport: (period) => `${period}の報告を削除`,
    inProgress: (year, quarters) => `${year}年目はまだそろっていません（${quarters}が未報告）。4四半期そろってから監査します。`,
    noReports: "報告はまだありません。",
    settings: "設定",
    setting: {
      startDate: "契約開始日（YYYY-MM-DD）",
      reportDueDays: "報告期限（期末からの日数）",
      auditIntervalMonths: "監査の間隔（月）",
      threshold: "監査費用を請求する不足率（%）",
      interestRate: "不足額の利率（年%）",
      auditCost: "監査費用",
    },
    audit: "報告の監査",
    due: "支払うべき額",
    reported: "報告額",
    shortfall: "不足額",
    share: "不足率",
    interest: "利息",
    total: "合計",
    claim: "請求額",
    claimWithCost: (share, threshold) => `不足額は支払うべき額の${share}で、${threshold}以上のため監査費用も請求します。`,
    claimWithoutCost: (share, threshold) => `不足額は支払うべき額の${share}で、${threshold}未満のため監査費用は請求しません。`,
    cannotAudit: (reason) => `まだ監査できません：${reason}`,
    track: "計画と実績（デューデリジェンス）",
    plan: "計画販売高",
    ratio: "累計実績÷計画",
    flag: "警告",
    belowTrigger: "計画の半分未満",
    minimumNotReached: "最低額に未達",
    ok: "順調",
    cannotTrack: (reason) => `計画と比較できません：${reason}`,
    calendar: "報告カレンダー",
    noStart: "契約開始日を入力すると、報告と監査の期日が表示されます。",
    periodEnd: "期末",
    reportDue: "報告期限",
    received: "受領済み",
    overdue: "期限超過",
    pending: "未着",
    nextReport: (period, date) => `次の報告：${period}、期限 ${date}。`,
    nextAudit: (date) => `次に監査できる最も早い日：${date}。`,
    cannotRead: (reason) => `管理シートを読めません：${reason} シートで修正してから、もう一度読み込んでください。`,
    notSaved: (reason) => `保存できませんでした：${reason}`,
    kept: "シートでも変更されたセルは、ブックの値を残しました：",
    reload: "シートを読み直す",
    sheetHint:
      "Excelでは「IPVALUE monitoring」シートの =IPVALUE.AUDIT(IpvalueReports[sales], IpvalueReports[royalty_paid], IpvalueSigned[#All], …) で同じ監査ができます。",
  },
};
