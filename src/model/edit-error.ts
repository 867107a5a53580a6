/**
 * An edit the model refuses, with its reason in both languages. In a file of its own, without the
 * engine, so the pane's start path (first-load.ts, the workbook port) can tell a refusal from a failure
 * without loading the valuation code.
 */
import type { Text } from "../engine";

/** An edit the model refuses; `reason` is shown to the user in her language. */
export class EditError extends Error {
  constructor(public readonly reason: Text) {
    super(reason.en);
    this.name = "EditError";
  }
}
