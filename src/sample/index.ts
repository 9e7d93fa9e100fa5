/** The sample form the browser preview opens with, as the grid a host would read. */
import type { CellGrid } from "../domain/grid";
import { seed } from "./seed";
import { gridFromSpec } from "./sheet-spec";

export function sampleGrid(): CellGrid {
  return gridFromSpec(seed);
}
