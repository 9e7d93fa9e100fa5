/**
 * Where results go and how they are written: never over the input, and never half-written — the
 * bytes go to a temporary file in the target folder, then one rename puts them in place.
 */
import { promises as fs } from "fs";
import * as path from "path";

/** "a.xlsx" and "a.scored.xlsx" both have the stem "a". */
export function stemOf(input: string): string {
  const base = path.basename(input).replace(/\.xlsx$/i, "");
  return base.replace(/\.(scored|reverted)$/i, "");
}

/**
 * `<stem><suffix>` in `outDir` (default: the input's folder). Two inputs with the same name in one
 * run get "a.scored.xlsx" and "a (2).scored.xlsx" rather than overwriting each other.
 */
export function outputPathFor(
  input: string,
  suffix: ".scored.xlsx" | ".reverted.xlsx",
  outDir: string | undefined,
  taken: Set<string>
): string {
  const dir = path.resolve(outDir ?? path.dirname(input));
  const stem = stemOf(input);
  let candidate = path.join(dir, `${stem}${suffix}`);
  for (let n = 2; taken.has(candidate); n++) candidate = path.join(dir, `${stem} (${n})${suffix}`);
  taken.add(candidate);
  return candidate;
}

export async function writeAtomic(target: string, bytes: Buffer | string): Promise<void> {
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
