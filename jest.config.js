/** Jest: TypeScript through ts-jest; a CustomFunctions stand-in is installed before each test file. */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": tsJest },
  setupFiles: ["<rootDir>/test/setup/custom-functions-stand-in.js"],
  moduleFileExtensions: ["ts", "js", "json"],
  testTimeout: 120000,
};
