import { EditError } from "../../src/model/scenario-set";

/** The EditError a call throws (fails the test when it does not throw one). */
export function refusal(f: () => unknown): EditError {
  try {
    f();
  } catch (e) {
    if (e instanceof EditError) return e;
    throw e;
  }
  throw new Error("expected an EditError");
}
