/**
 * Seed-like sheets of any size: the seed report's form with its 25 indicator rows repeated until
 * there are `rows` of them. The repeated rows keep their texts, so every row is parsed and scored
 * like a real one (quantities with units, time, qualitative, satisfaction, a deviation note).
 */
import type { SheetSpec, SpecCell } from "../tests/fixtures/sheet-spec";
import { seed } from "../tests/fixtures/forms/seed";

/** 0-based index of the seed's first indicator row, and how many it has. */
const FIRST = 12;
const SEED_ROWS = 25;

export function seedLikeSheet(rows: number): SheetSpec {
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error(`rows must be a positive integer: ${rows}`);
  const indicators = seed.rows.slice(FIRST, FIRST + SEED_ROWS);
  const body: SpecCell[][] = [];
  for (let i = 0; i < rows; i++) body.push([...indicators[i % SEED_ROWS]]);
  const head = seed.rows.slice(0, FIRST);
  const tail = seed.rows.slice(FIRST + SEED_ROWS);
  const lastIndicator = FIRST + rows; // 1-based row of the last indicator
  const totalRow = lastIndicator + 1;
  // The seed's merges above the table stay; the table's own merges are redrawn for the new height.
  // Section labels (column C) repeat every 25 rows unmerged: detection carries them down.
  const merges = (seed.merges ?? []).filter((m) => {
    const top = Number(/\d+/.exec(m)?.[0] ?? 0);
    return top < FIRST;
  });
  merges.push(`B${FIRST}:B${lastIndicator}`, `B${totalRow}:G${totalRow}`);
  return { name: seed.name, rows: [...head, ...body, ...tail], merges };
}
