/**
 * A worked example as a scenario set (the examples themselves are data, in example-data.ts).
 */
import type { AssumptionKey } from "../../engine";
import type { Language } from "../../model/language";
import { DEFAULT_NAMES, EditableScenario, emptyDecisions, SCHEMA_VERSION, ScenarioSet } from "../../model/scenario-set";
import { EXAMPLES, type Example, type Triple } from "./example-data";

export { EXAMPLES, type Example };

/** A scenario set holding one example, its scenarios named in the user's language. */
export function exampleSet(id: Example["id"], language: Language): ScenarioSet {
  const example = EXAMPLES.find((e) => e.id === id)!;
  const scenarios: EditableScenario[] = DEFAULT_NAMES[language].map((name, i) => {
    const values: EditableScenario["values"] = {};
    for (const [key, triple] of Object.entries(example.values) as [AssumptionKey, Triple][]) values[key] = triple[i];
    return { name, internal: false, values };
  });
  return { schema: SCHEMA_VERSION, scenarios, decisions: emptyDecisions() };
}
