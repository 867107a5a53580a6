/** The valuation core: pure TypeScript, no Office imports, unit-tested in Node. */
export * from "./errors";
export * from "./cells";
export * from "./discount";
export * from "./forecast";
export * from "./rates";
export * from "./deal";
export * from "./deal-terms";
export * from "./assumptions";
export * from "./outputs";
export * from "./scenario";
export * from "./offer";
export * from "./bands";
export * from "./terms/presets";
export * from "./reference";
export * from "./random";
export * from "./simulate";
export * from "./sensitivity";
