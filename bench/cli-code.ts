/**
 * The CLI's code as `selfeval` runs it: bundled by esbuild with the options of bin/cli-bundle.cjs
 * (through tsx the same code is about a sixth slower). When the bundle cannot be built the sources
 * run through tsx, and the results say so.
 */
import { promises as fs } from "fs";
import * as path from "path";
import * as Entry from "./cli-entry";

export type CliCode = typeof Entry;

export interface LoadedCliCode {
  code: CliCode;
  /** The bundle's path, or null when the sources run through tsx. */
  bundle: string | null;
}

/** Build the bundle into bench/tmp (or reuse `existing`, a path a parent process built). */
export async function loadCliCode(existing?: string): Promise<LoadedCliCode> {
  try {
    let bundle = existing;
    if (!bundle) {
      bundle = path.join(__dirname, "tmp", "cli-entry.cjs");
      await fs.mkdir(path.dirname(bundle), { recursive: true });
      const { buildBundle } = require("../bin/cli-bundle.cjs") as {
        buildBundle: (entry: string, outfile: string) => void;
      };
      buildBundle(path.join(__dirname, "cli-entry.ts"), bundle);
    }
    return { code: require(bundle) as CliCode, bundle };
  } catch {
    return { code: Entry, bundle: null };
  }
}
