// ESLint flat config: typescript-eslint's recommended rules on src/ and test/, React hooks rules on the
// pane, plain JS for scripts and config files; formatting is Prettier's (eslint-config-prettier).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".run/**", "out/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Excel hands the functions untyped 2-D ranges; `any` is the honest type at that boundary.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/taskpane/**/*.tsx", "src/taskpane/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The Excel stand-in mimics Office.js's proxy objects: methods in object literals close over their owner.
    files: ["test/browser/fake-excel.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
    rules: { "@typescript-eslint/no-this-alias": "off" },
  },
  prettier
);
