/** A chunk asked for once: every call gets the first call's promise; a failed fetch is dropped, so the next call tries again. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () =>
    (kept ??= load().catch((e: unknown) => {
      kept = undefined;
      throw e;
    }));
}
