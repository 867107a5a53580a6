/**
 * A stand-in for the CustomFunctions global that Excel's runtime provides, reduced to what IPVALUE
 * uses: Error, ErrorCode (the strings Excel shows, so tests can assert which error came back) and an
 * associate that records every registration in CustomFunctions.__associated.
 * One file for every place that needs it: jest (setupFiles), the bench (require) and the browser
 * test (Playwright addInitScript), so it is plain JavaScript with no imports.
 */
(function installCustomFunctionsStandIn() {
  class StandInError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  const calls = [];
  const functions = {};
  const standIn = {
    Error: StandInError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate(id, fn) {
      calls.push(id);
      functions[id] = fn;
    },
  };
  // In a page, office.js fills in a global CustomFunctions of its own (its associate queues calls
  // until Excel connects): properties that ignore assignment keep ours in place.
  const target = {};
  for (const [key, value] of Object.entries(standIn)) {
    Object.defineProperty(target, key, { get: () => value, set: () => {}, enumerable: true });
  }
  Object.defineProperty(target, "__associated", { value: { calls, functions } });
  globalThis.CustomFunctions = target;
})();
