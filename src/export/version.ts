/** The IPVALUE version written into a negotiator workbook (test/export/negotiator.test.ts checks it against package.json). */
export const IPVALUE_VERSION = "0.1.0";
