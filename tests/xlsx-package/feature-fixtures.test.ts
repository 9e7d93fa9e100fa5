/**
 * The feature workbooks themselves (tests/fixtures/features): deterministic, well-formed, in schema
 * order, with every relationship pointing at a part that exists and every part typed, the form sheet
 * taken unchanged from the example workbook, and each carrying the feature it is named after.
 */
import { strFromU8, unzipSync } from "fflate";
import * as fs from "fs";
import * as path from "path";
import {
  ALL_FEATURE_SPECS,
  buildFeatureWorkbook,
  buildPlainWorkbook,
  CHARTSHEET_ORDER,
  FORM_SHEET_PART,
  WORKBOOK_ORDER,
  WORKSHEET_ORDER,
} from "../fixtures/features";
import { splitChildren } from "../fixtures/features/package-draft";
import {
  attribute,
  diffParts,
  elementsOf,
  orderViolations,
  type Parts,
  partText,
  relationshipsOf,
  sheetsOf,
} from "./package-guarantees";

const workbooks = ALL_FEATURE_SPECS.map(buildFeatureWorkbook);
const plain = buildPlainWorkbook();

/** Unbalanced tags, unquoted attributes and stray `<` or `&` — what xmllint --noout would reject. */
function wellFormedProblems(xml: string): string[] {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const problems: string[] = [];
  const stack: string[] = [];
  let last = 0;
  for (const m of body.matchAll(/<([^>]*)>/g)) {
    const text = body.slice(last, m.index);
    if (/[<]|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) {
      problems.push(`bad text: ${text.slice(0, 40)}`);
    }
    last = m.index! + m[0].length;
    const tag = m[1];
    if (tag.startsWith("/")) {
      const open = stack.pop();
      if (open !== tag.slice(1).trim()) problems.push(`</${tag.slice(1)}> closes <${open}>`);
      continue;
    }
    const name = /^[\w:.-]+/.exec(tag)?.[0];
    if (!name) {
      problems.push(`bad tag <${tag.slice(0, 30)}>`);
      continue;
    }
    const attrs = tag.slice(name.length).replace(/\/$/, "");
    const rest = attrs.replace(/\s+[\w:.-]+=("[^"]*"|'[^']*')/g, "");
    if (rest.trim() !== "")
      problems.push(`bad attributes in <${name}>: ${rest.trim().slice(0, 30)}`);
    const names = [...attrs.matchAll(/\s([\w:.-]+)=/g)].map((a) => a[1]);
    if (new Set(names).size !== names.length) problems.push(`duplicate attribute in <${name}>`);
    if (!tag.endsWith("/")) stack.push(name);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(", ")}`);
  if (body.slice(last).trim()) problems.push("text after the root");
  return problems;
}

function contentTypeOf(parts: Parts, name: string): string | undefined {
  const types = partText(parts, "[Content_Types].xml");
  const override = elementsOf(types, "Override").find(
    (o) => attribute(o, "PartName") === `/${name}`
  );
  if (override) return attribute(override, "ContentType");
  const ext = name.slice(name.lastIndexOf(".") + 1);
  const def = elementsOf(types, "Default").find((d) => attribute(d, "Extension") === ext);
  return def && attribute(def, "ContentType");
}

test("the generator is deterministic: two builds give the same bytes", () => {
  for (const spec of ALL_FEATURE_SPECS.slice(0, 3)) {
    expect(Buffer.from(buildFeatureWorkbook(spec).bytes)).toEqual(
      Buffer.from(buildFeatureWorkbook(spec).bytes)
    );
  }
});

test("the plain draft keeps the example's form sheet, styles and shared strings byte for byte", () => {
  const seed = unzipSync(
    new Uint8Array(fs.readFileSync(path.resolve(__dirname, "../../examples/seed-2021.xlsx")))
  );
  for (const name of [FORM_SHEET_PART, "xl/styles.xml", "xl/theme/theme1.xml"]) {
    expect(strFromU8(plain.parts.get(name)!)).toBe(strFromU8(seed[name]));
  }
  const si = (xml: string) => elementsOf(xml, "si");
  expect(si(partText(plain.parts, "xl/sharedStrings.xml"))).toEqual(
    si(strFromU8(seed["xl/sharedStrings.xml"]))
  );
});

describe.each(workbooks.map((w) => [w.name, w] as const))("%s", (_name, workbook) => {
  const parts = workbook.parts;

  test("the zip holds exactly the parts, and every XML part is well-formed", () => {
    const zipped = Object.keys(unzipSync(workbook.bytes));
    expect(zipped).toEqual([...parts.keys()]);
    const problems = [...parts]
      .filter(([name]) => /\.(xml|rels|vml)$/.test(name))
      .flatMap(([name, bytes]) => wellFormedProblems(strFromU8(bytes)).map((p) => `${name}: ${p}`));
    expect(problems).toEqual([]);
  });

  test("workbook, worksheets and chart sheets list their elements in schema order", () => {
    const names = (name: string) =>
      splitChildren(partText(parts, name)).children.map((c) => c.name);
    const problems = orderViolations("workbook", names("xl/workbook.xml"), WORKBOOK_ORDER);
    for (const sheet of sheetsOf(parts)) {
      const chart = sheet.part.includes("chartsheets");
      problems.push(
        ...orderViolations(
          sheet.part,
          names(sheet.part),
          chart ? CHARTSHEET_ORDER : WORKSHEET_ORDER
        )
      );
    }
    expect(problems).toEqual([]);
  });

  test("every relationship points at a part that exists, and every part has a content type", () => {
    const problems: string[] = [];
    for (const name of parts.keys()) {
      if (name === "[Content_Types].xml" || name.endsWith(".rels")) continue;
      if (!contentTypeOf(parts, name)) problems.push(`no content type: ${name}`);
      for (const rel of relationshipsOf(parts, name)) {
        if (!rel.external && !parts.has(rel.part)) problems.push(`${name} → ${rel.part} missing`);
      }
    }
    for (const rel of relationshipsOf(parts, "")) {
      if (!parts.has(rel.part)) problems.push(`package → ${rel.part} missing`);
    }
    expect(problems).toEqual([]);
  });

  test("it differs from the plain example form", () => {
    const diff = diffParts(plain.parts, parts);
    // Only the inline-strings fixture drops a part of the example: its shared-strings table.
    const dropped = workbook.name === "inline-strings-only" ? ["xl/sharedStrings.xml"] : [];
    expect(diff.removed).toEqual(dropped);
    expect(
      [...diff.added, ...diff.changed].filter((n) => n !== "docProps/app.xml").length
    ).toBeGreaterThan(0);
  });
});

test("each workbook carries the parts of its feature", () => {
  const has = (name: string, part: string) =>
    workbooks.find((w) => w.name === name)!.parts.has(part);
  expect(has("charts", "xl/charts/chart1.xml") && has("charts", "xl/chartsheets/sheet1.xml")).toBe(
    true
  );
  expect(has("images", "xl/media/image1.png")).toBe(true);
  expect(has("threaded-comments", "xl/persons/person.xml")).toBe(true);
  expect(has("pivot", "xl/pivotCache/pivotCacheRecords1.xml")).toBe(true);
  expect(has("external-link", "xl/externalLinks/externalLink1.xml")).toBe(true);
  expect(has("vba", "xl/vbaProject.bin")).toBe(true);
  expect(has("page-setup", "xl/printerSettings/printerSettings1.bin")).toBe(true);
  expect(has("custom-properties", "docProps/custom.xml")).toBe(true);
  expect(has("formulas", "xl/metadata.xml") && has("formulas", "xl/calcChain.xml")).toBe(true);
  const openpyxl = workbooks.find((w) => w.name === "openpyxl")!.parts;
  expect(partText(openpyxl, "xl/_rels/workbook.xml.rels")).toContain(
    'Target="/xl/worksheets/sheet1.xml"'
  );
  expect(partText(openpyxl, "xl/drawings/drawing1.xml")).toMatch(/^<\?xml[^>]*>\s*<wsDr xmlns=/);
  expect(partText(openpyxl, FORM_SHEET_PART)).toContain('t="inlineStr"');
});
