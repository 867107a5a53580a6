/**
 * A stand-in for the CustomFunctions global that Excel's runtime provides, with the same codes
 * (the strings Excel shows) so tests can assert which error a function returned.
 */
class StubError {
  constructor(
    public readonly code: string,
    public readonly message?: string
  ) {}
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

const registered = new Map<string, unknown>();

(globalThis as any).CustomFunctions = {
  Error: StubError,
  ErrorCode,
  associate: (id: string | Record<string, unknown>, fn?: unknown) => {
    if (typeof id === "string") registered.set(id, fn);
    else for (const [k, v] of Object.entries(id)) registered.set(k, v);
  },
  __registered: registered,
};

export { StubError };
