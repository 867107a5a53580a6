/**
 * IPVALUE custom functions: thin adapters from Excel arguments to the valuation core, one file per
 * family. Conventions for every function: rates, shares and probabilities are decimals (0.05 = 5%);
 * periods are years; amounts are in whatever currency the user types. Metadata (functions.json) is
 * generated at build time from the JSDoc of the files listed here, in this order (the order of
 * functions.json; scripts/function-metadata.js reads this list); Japanese text lives in ./locale/ja.json.
 * Only `export * from "./<family>"` lines belong here.
 */
export * from "./discounting";
export * from "./forecast";
export * from "./rates";
export * from "./deal";
export * from "./scenario";
export * from "./bands";
export * from "./simulation";
export * from "./post-signing";
export * from "./comparables";
