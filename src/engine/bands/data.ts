/**
 * The built-in bands, read from bands.json: published license terms with their citations. The file
 * holds one record per band with every field named; a source cited by several bands is written once
 * in its `sources` map and named by id. bands.schema.json describes the file, and
 * test/engine/bands-data.test.ts validates it, so loading only resolves the source ids.
 *
 * They come from the JPO study of 2026 on university licensing income (its report and its case
 * collection, the "seed" entries, each carrying the numbers as printed so a test can check them
 * against the text) and from other public sources, each cited. Descriptions are our own words;
 * numbers and citations are facts.
 */
import data from "./bands.json";
import { BuiltInBand } from "./vocabulary";

/** The layout of bands.json (bands.schema.json): each band's source is an id of `sources`. */
export interface BandsFile {
  sources: Readonly<Record<string, string>>;
  bands: readonly BuiltInBand[];
}

/** The bands of a bands file with each source id replaced by the document it names. */
export function loadBands(file: BandsFile): BuiltInBand[] {
  return file.bands.map((b) => {
    const source = file.sources[b.source];
    if (typeof source !== "string") throw new Error(`bands.json: the band ${b.key} cites the source "${b.source}", which is not in its sources`);
    return { ...b, source };
  });
}

export const BUILT_IN_BANDS: readonly BuiltInBand[] = loadBands(data as BandsFile);
