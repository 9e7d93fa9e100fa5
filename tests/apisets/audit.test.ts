/**
 * The requirement-set audit (npm run check:apisets) on the real Excel host and ribbon command, and
 * on fixtures under tests/fixtures/apisets: the same ExcelApi 1.18 call unguarded (rejected) and
 * guarded (accepted), and guards that do not guarantee the set. The fixtures mark each line the
 * audit must reject with `// expect: <member>`; the expected sets come from Microsoft's
 * documentation of each member, not from the audit.
 */
import * as fs from "fs";
import * as path from "path";
import {
  auditApiSets,
  compareVersions,
  formatReport,
  parseApiSet,
  requiredSets,
  type AuditResult,
} from "../../scripts/apisets/audit";

const ROOT = path.join(__dirname, "../..");
const FIXTURES = "tests/fixtures/apisets";
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const TIMEOUT_MS = 120_000;

function audit(paths: string[]): AuditResult {
  return auditApiSets({
    paths,
    manifestXml: MANIFEST,
    tsconfig: path.join(ROOT, "tsconfig.json"),
    root: ROOT,
  });
}

/** Lines marked `// expect: …` in a fixture (a marker on its own line stands for the line above). */
function expectedLines(file: string): number[] {
  const lines = fs.readFileSync(path.join(ROOT, file), "utf8").split("\n");
  return lines.flatMap((text, i) => {
    if (!text.includes("// expect:")) return [];
    return [text.trim().startsWith("//") ? i : i + 1];
  });
}

const problemLines = (result: AuditResult, file: string): number[] =>
  [
    ...new Set(
      result.problems
        .filter((p) => p.startsWith(`${file}:`))
        .map((p) => Number(/^[^:]+:(\d+):/.exec(p)![1]))
    ),
  ].sort((a, b) => a - b);

describe("annotations and the manifest", () => {
  test("a member's set is the highest version its note names", () => {
    expect(parseApiSet("ExcelApi 1.18")).toEqual({ name: "ExcelApi", version: "1.18" });
    expect(parseApiSet("ExcelApi 1.1 for get, 1.8 for set")).toEqual({
      name: "ExcelApi",
      version: "1.8",
    });
    expect(parseApiSet("ExcelApi 1.1 for reading visibility; 1.2 for setting it.")).toEqual({
      name: "ExcelApi",
      version: "1.2",
    });
    expect(parseApiSet("")).toBeNull();
  });

  test("the manifest requires ExcelApi 1.13", () => {
    expect(requiredSets(MANIFEST)).toEqual([{ name: "ExcelApi", version: "1.13" }]);
  });
});

describe("the Excel host and the ribbon command", () => {
  let result: AuditResult;
  beforeAll(() => {
    result = audit(["src/hosts/excel", "src/commands"]);
  }, TIMEOUT_MS);

  test("pass: every member above ExcelApi 1.13 is behind its guard", () => {
    expect(result.problems).toEqual([]);
    expect(formatReport(result)).toMatch(/api sets: OK — \d+ uses of \d+ members$/);
  });

  test("the listing names each member with the set Microsoft documents for it", () => {
    const setOf = (member: string) => {
      const use = result.uses.find((u) => u.member === member);
      return use?.set ? `${use.set.name} ${use.set.version}` : use ? "none" : "absent";
    };
    expect(setOf("Excel.Range.getMergedAreasOrNullObject")).toBe("ExcelApi 1.13");
    expect(setOf("Excel.Range.getCellProperties")).toBe("ExcelApi 1.9");
    expect(setOf("Excel.Worksheet.getUsedRangeOrNullObject")).toBe("ExcelApi 1.4");
    expect(setOf("Excel.Worksheet.notes")).toBe("ExcelApi 1.18");
    expect(setOf("Excel.NoteCollection.add")).toBe("ExcelApi 1.18");
    expect(setOf("Excel.RunOptions.mergeUndoGroup")).toBe("ExcelApi 1.20");
    // Setting visibility needs 1.2 (reading it, 1.1): the stricter of the two.
    expect(setOf("Excel.Worksheet.visibility")).toBe("ExcelApi 1.2");
    // Object-literal properties passed to Office count too.
    expect(setOf("Excel.CellPropertiesLoadOptions.format")).toBe("ExcelApi 1.9");
    const report = formatReport(result);
    expect(report).toMatch(/Excel\.Worksheet\.notes\s+ExcelApi 1\.18\s+\d+\s+guarded: /);
    expect(report).toMatch(/Excel\.Range\.getMergedAreasOrNullObject\s+ExcelApi 1\.13\s+1\s+ok/);
  });

  test("notes and the undo group are reached only through their guards", () => {
    const above = result.uses.filter(
      (u) => u.set?.name === "ExcelApi" && compareVersions(u.set.version, "1.13") > 0
    );
    expect(above.length).toBeGreaterThan(10);
    for (const use of above) {
      expect(use.guardedBy).not.toBe("manifest");
      expect(use.ok).toBe(true);
    }
    const undo = result.uses.find((u) => u.member === "Excel.RunOptions.mergeUndoGroup");
    expect(undo?.guardedBy).toMatch(/^isSetSupported\("ExcelApi", "1\.20"\)/);
  });
});

describe("fixtures", () => {
  test(
    "an unguarded ExcelApi 1.18 call fails the audit",
    () => {
      const file = `${FIXTURES}/unguarded.ts`;
      const result = audit([file]);
      expect(problemLines(result, file)).toEqual(expectedLines(file));
      expect(result.problems.join("\n")).toContain(
        "Excel.NoteCollection.add needs ExcelApi 1.18 (the manifest requires ExcelApi 1.13)"
      );
      expect(formatReport(result)).toMatch(/api sets: FAILED/);
    },
    TIMEOUT_MS
  );

  test(
    "the same call behind isSetSupported passes, in every accepted form",
    () => {
      const result = audit([`${FIXTURES}/guarded.ts`]);
      expect(result.problems).toEqual([]);
      const notes = result.uses.filter((u) => u.member === "Excel.NoteCollection.add");
      expect(notes).toHaveLength(3);
      expect(notes.map((u) => u.guardedBy)).toEqual([
        expect.stringContaining('isSetSupported("ExcelApi", "1.18")'),
        expect.stringContaining('early exit unless isSetSupported("ExcelApi", "1.19")'),
        expect.stringContaining("inside writeNote (@requiresApiSet ExcelApi 1.18)"),
      ]);
      const helper = result.uses.find((u) => u.member === "helper writeNote");
      expect(helper?.guardedBy).toContain(
        "supported = notesSupported (@apiSetGuard ExcelApi 1.18)"
      );
    },
    TIMEOUT_MS
  );

  test(
    "a lower version, the else branch, an || and an unguarded helper call all fail; so does a guard that checks nothing",
    () => {
      const file = `${FIXTURES}/misguarded.ts`;
      const result = audit([file]);
      expect(problemLines(result, file)).toEqual(expectedLines(file));
      expect(result.problems.join("\n")).toContain(
        "notesSupported is marked @apiSetGuard ExcelApi 1.18 but does not return"
      );
      expect(result.problems.join("\n")).toContain("helper writeNote needs ExcelApi 1.18");
    },
    TIMEOUT_MS
  );

  test(
    "a guard declared on an interface is checked at each object literal implementing it",
    () => {
      const file = `${FIXTURES}/interface-guard.ts`;
      const result = audit([file]);
      expect(problemLines(result, file)).toEqual(expectedLines(file));
      expect(result.problems.join("\n")).toContain(
        "this implementation of notesSupported (@apiSetGuard ExcelApi 1.18) does not return"
      );
      // The call behind the guard itself is accepted.
      expect(result.uses.find((u) => u.member === "helper countNotes")?.ok).toBe(true);
    },
    TIMEOUT_MS
  );
});
