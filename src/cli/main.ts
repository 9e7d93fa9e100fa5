/**
 * `selfeval` — the command line over the .xlsx host.
 *
 *   selfeval score <file-or-folder>... [--out DIR] [--json FILE] [--profile NAME] [--lang zh-CN|en]
 *                  [--check] [--threshold 130%] [--no-highlights] [--no-notes] [--notes-all]
 *                  [--replace-formulas]
 *   selfeval revert <file> [--out DIR] [--lang zh-CN|en]
 *
 * Exit codes: 0 every file was read and scored; 1 some file failed (the others are still done);
 * 2 usage error.
 */
import { Command, CommanderError, Option } from "commander";
import { version } from "../../package.json";
import { SingleBar } from "cli-progress";
import type { Lang } from "../domain/model";
import type { RuleProfile } from "../domain/profile-types";
import { PROFILES, getProfile, loadProfile } from "../domain/profiles";
import { cliMessage } from "../i18n/cli";
import { collectInputs } from "./inputs";
import { outputPathFor, writeAtomic } from "./output";
import { buildReport, type FileOutcome } from "./report";
import { revertFile, scoreFile } from "./score-file";
import { renderFindings, renderSummary } from "./summary";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

interface ScoreFlags {
  out?: string;
  json?: string;
  profile: string;
  lang: string;
  check?: boolean;
  threshold?: string;
  highlights: boolean;
  notes: boolean;
  notesAll?: boolean;
  replaceFormulas?: boolean;
}

function parseLang(value: string): Lang {
  if (value === "zh-CN" || value === "en") return value;
  throw new UsageError(cliMessage("zh-CN", "badLang", { value }));
}

/** "130%", "130" and "1.3" all mean 1.3. */
export function parseThreshold(value: string): number | undefined {
  const text = value.trim();
  const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === "%" || n >= 10 ? n / 100 : n;
}

function resolveProfile(flags: ScoreFlags, lang: Lang): RuleProfile {
  let profile: RuleProfile;
  try {
    profile = getProfile(flags.profile);
  } catch {
    throw new UsageError(
      cliMessage(lang, "unknownProfile", {
        name: flags.profile,
        profiles: PROFILES.map((p) => p.id).join(", "),
      })
    );
  }
  if (flags.threshold === undefined) return profile;
  const threshold = parseThreshold(flags.threshold);
  try {
    if (threshold === undefined) throw new Error("not a number");
    return loadProfile({ ...profile, overTargetThreshold: threshold });
  } catch {
    throw new UsageError(cliMessage(lang, "badThreshold", { value: flags.threshold }));
  }
}

async function runScore(paths: string[], flags: ScoreFlags): Promise<number> {
  const lang = parseLang(flags.lang);
  const profile = resolveProfile(flags, lang);
  const { files, skipped } = await collectInputs(paths);
  const skippedLines = skipped.map((file) =>
    cliMessage(lang, "skippedFormat", {
      path: file,
      format: file.slice(file.lastIndexOf(".")).toLowerCase(),
    })
  );
  if (files.length === 0 && skippedLines.length > 0) {
    process.stderr.write(`${skippedLines.join("\n")}\n`);
    return EXIT_FAILED;
  }
  if (files.length === 0) {
    throw new UsageError(cliMessage(lang, "noInputs", { paths: paths.join(", ") }));
  }
  const options = {
    check: Boolean(flags.check),
    profile,
    lang,
    plan: {
      highlights: flags.highlights,
      notes: flags.notes,
      notesAll: Boolean(flags.notesAll),
      replaceFormulas: Boolean(flags.replaceFormulas),
      lang,
    },
  };

  const bar =
    process.stderr.isTTY && files.length > 3
      ? new SingleBar({
          format: `${cliMessage(lang, "progress")} [{bar}] {value}/{total} {file}`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
        })
      : undefined;
  bar?.start(files.length, 0, { file: "" });
  const taken = new Set<string>();
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    bar?.update({ file: file.split(/[\\/]/).pop() ?? file });
    const output = outputPathFor(file, "scored", flags.out, taken);
    outcomes.push(await scoreFile(file, output, options));
    bar?.increment();
  }
  bar?.stop();

  const report = buildReport(outcomes, lang);
  let failed = outcomes.some((o) => o.error !== null);
  const out: string[] = [renderSummary(report, lang), ...skippedLines];
  for (const o of outcomes) {
    if (o.output) out.push(cliMessage(lang, "wrote", { path: o.output }));
    for (const sheet of o.sheets) {
      // A protected sheet is named once, not once per form on it.
      if (sheet.skipped === "protected" && sheet.evaluation.form === 1) {
        out.push(cliMessage(lang, "sheetProtected", { sheet: sheet.evaluation.sheetName }));
      }
    }
  }
  if (flags.json) {
    try {
      await writeAtomic(flags.json, `${JSON.stringify(report, null, 2)}\n`);
      out.push(cliMessage(lang, "jsonWritten", { path: flags.json }));
    } catch (error) {
      failed = true;
      out.push(cliMessage(lang, "writeFailed", { detail: (error as Error).message }));
    }
  }
  if (options.check) {
    const findings = renderFindings(report, lang);
    if (findings) out.push(findings);
  }
  const okCount = outcomes.filter((o) => o.error === null).length;
  out.push(
    cliMessage(lang, "summary", {
      total: outcomes.length,
      ok: okCount,
      failed: outcomes.length - okCount,
    })
  );
  process.stdout.write(`${out.join("\n")}\n`);
  return failed ? EXIT_FAILED : EXIT_OK;
}

async function runRevert(file: string, flags: { out?: string; lang: string }): Promise<number> {
  const lang = parseLang(flags.lang);
  const [input] = (await collectInputs([file])).files;
  const output = outputPathFor(input, "reverted", flags.out, new Set());
  const result = await revertFile(input, output, lang);
  if (result.error) {
    process.stderr.write(`${input}: ${result.error}\n`);
    return EXIT_FAILED;
  }
  process.stdout.write(
    `${cliMessage(lang, "reverted", { count: result.restored, path: result.output ?? "" })}\n`
  );
  return EXIT_OK;
}

/** The language of help texts: --lang as given on the command line, before commander parses it. */
function helpLang(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "zh-CN";
  const value = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return value === "en" ? "en" : "zh-CN";
}

export function buildProgram(lang: Lang, setExit: (code: number) => void): Command {
  const m = (key: Parameters<typeof cliMessage>[1], params?: Record<string, string>) =>
    cliMessage(lang, key, params);
  const program = new Command();
  program.name("selfeval").description(m("description")).version(version).exitOverride();
  program
    .command("score")
    .description(m("scoreDescription"))
    .argument("<paths...>", m("argFiles"))
    .option("--out <dir>", m("optOut"))
    .option("--json <file>", m("optJson"))
    .option(
      "--profile <name>",
      m("optProfile", { profiles: PROFILES.map((p) => p.id).join(", ") }),
      "mof-2020"
    )
    .addOption(new Option("--lang <lang>", m("optLang")).default("zh-CN"))
    .option("--check", m("optCheck"))
    .option("--threshold <value>", m("optThreshold"))
    .option("--no-highlights", m("optNoHighlights"))
    .option("--no-notes", m("optNoNotes"))
    .option("--notes-all", m("optNotesAll"))
    .option("--replace-formulas", m("optReplaceFormulas"))
    .exitOverride()
    .action(async (paths: string[], flags: ScoreFlags) => setExit(await runScore(paths, flags)));
  program
    .command("revert")
    .description(m("revertDescription"))
    .argument("<file>", m("argFile"))
    .option("--out <dir>", m("optOut"))
    .addOption(new Option("--lang <lang>", m("optLang")).default("zh-CN"))
    .exitOverride()
    .action(async (file: string, flags: { out?: string; lang: string }) =>
      setExit(await runRevert(file, flags))
    );
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const lang = helpLang(argv);
  let code = EXIT_OK;
  const program = buildProgram(lang, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; everything else commander rejects is a usage error.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`${cliMessage(lang, "usageError", { detail: error.message })}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(
      `${cliMessage(lang, "unexpected", { detail: (error as Error)?.stack ?? String(error) })}\n`
    );
    return EXIT_FAILED;
  }
}

if (require.main === module || isBinEntry()) {
  void main(process.argv).then((code) => {
    process.exitCode = code;
  });
}

/** bin/selfeval.cjs requires this file (or its bundle), so it is not require.main: recognise that entry too. */
function isBinEntry(): boolean {
  const parent = require.main?.filename ?? "";
  return /[\\/]bin[\\/]selfeval\.cjs$/.test(parent);
}
