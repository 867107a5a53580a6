/**
 * The functions bundle's entry (functions.js, Functions.Script.Url): associates every custom function
 * of functions.json at once and fetches their code (./functions.ts, the families and the engine: the
 * chunk functions-impl) on the first call, so the shared runtime's page does not run the engine before
 * it shows the task pane (./lazy.ts). The ids and export names are the metadata plugin's, put here by
 * the build (webpack.config.js), so the ids associated are exactly those functions.json declares.
 */
import { messageLanguage } from "./display-language";
import { associateLazily, type Association, unavailableMessage } from "./lazy";

/** Each id of functions.json with the export of ./functions.ts it is bound to (webpack.config.js). */
declare const FUNCTION_ASSOCIATIONS: readonly Association[];
/** The catalogue's "functions-unavailable" entry (src/engine/messages/messages.json), put here by the build: the catalogue stays in the engine's chunk. */
declare const FUNCTIONS_UNAVAILABLE: { en: string; ja: string };

associateLazily(
  FUNCTION_ASSOCIATIONS,
  () => import(/* webpackChunkName: "functions-impl" */ "./functions"),
  (id, f) => CustomFunctions.associate(id, f),
  (e) => new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, unavailableMessage(FUNCTIONS_UNAVAILABLE[messageLanguage()], e))
);
