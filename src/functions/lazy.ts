/**
 * Custom functions associated at once, their code fetched on the first call. Excel needs every id
 * associated when the runtime starts; the implementations (the families and the engine, most of the
 * functions' code) need not run before a formula asks for one, and the shared runtime's page — the
 * task pane — opens sooner without them. Until the code is in, a call returns a promise of its result
 * (Excel accepts one from any function); after that, each call goes straight to the implementation, as
 * before. A failed fetch answers #N/A with the reason, and the next call fetches again.
 */

/** One custom function: the id functions.json declares, bound to this export of the implementations. */
export interface Association {
  id: string;
  functionName: string;
}

type Implementation = (...args: unknown[]) => unknown;

/** The implementations' module: each association's functionName is one of its exports. */
export type Implementations = Readonly<Record<string, unknown>>;

/**
 * Associates each id with a function that runs its implementation from `load()`'s module: fetched on
 * the first call, once; `unavailable` makes what a call answers when the fetch failed
 * (thrown from the call's promise, as Excel takes errors from an asynchronous function).
 */
export function associateLazily(
  associations: readonly Association[],
  load: () => Promise<Implementations>,
  associate: (id: string, f: Implementation) => void,
  unavailable: (e: unknown) => unknown
): void {
  let loaded: Implementations | null = null;
  let loading: Promise<Implementations> | null = null;
  const fetchOnce = (): Promise<Implementations> =>
    (loading ??= load().then(
      (m) => (loaded = m),
      (e: unknown) => {
        loading = null; // the next call tries again
        throw e;
      }
    ));
  const implementation = (m: Implementations, functionName: string): Implementation => {
    const f = m[functionName];
    if (typeof f !== "function") throw new Error(`the functions' code has no ${functionName}`);
    return f as Implementation;
  };
  for (const { id, functionName } of associations) {
    associate(id, (...args: unknown[]) => {
      if (loaded) return implementation(loaded, functionName)(...args);
      return fetchOnce().then(
        (m) => implementation(m, functionName)(...args),
        (e: unknown) => {
          throw unavailable(e);
        }
      );
    });
  }
}

/** A catalogue template with its {message} filled in with what went wrong, on one line, at most 200 characters. */
export function unavailableMessage(template: string, e: unknown): string {
  // One line: webpack's chunk error puts the file's address on a line of its own.
  const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim();
  return template.replace("{message}", reason.length > 200 ? `${reason.slice(0, 199)}…` : reason);
}
