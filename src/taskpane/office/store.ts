/**
 * The IPVALUE tables read and written (tables.ts) with their fingerprint: the chunk "workbook-store",
 * which the port (workbook.ts) fetches on its first read of a workbook that holds the tables, or on its
 * first save, so a workbook without them opens the start view without the layout code and the engine.
 */
export { readStored, saveStored, type Saved } from "./tables";
export { fingerprint } from "../model/storage-sheet";
