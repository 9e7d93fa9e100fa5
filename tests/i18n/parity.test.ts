/**
 * Every string catalogue in src/i18n (ui.ts, cli.ts, host.ts, … whoever adds one) must give zh-CN and
 * en the same keys and, per key, the same {placeholders}: a missing key or a renamed parameter in one
 * language shows up here instead of as a blank or a literal "{total}" in front of a user.
 */
import * as fs from "fs";
import * as path from "path";

const I18N_DIR = path.join(__dirname, "../../src/i18n");

type Catalogue = { "zh-CN": Record<string, unknown>; en: Record<string, unknown> };

function isCatalogue(value: unknown): value is Catalogue {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v["zh-CN"] === "object" &&
    v["zh-CN"] !== null &&
    typeof v.en === "object" &&
    v.en !== null
  );
}

/** Nested catalogues are compared by dotted path. */
function flatten(obj: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else if (typeof v === "object" && v !== null) {
      for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    } else out.set(key, `<${typeof v}>`);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

const files = fs
  .readdirSync(I18N_DIR)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .sort();

describe("i18n catalogues", () => {
  const found: { file: string; name: string; catalogue: Catalogue }[] = [];

  beforeAll(async () => {
    for (const file of files) {
      const mod = (await import(path.join(I18N_DIR, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (isCatalogue(value)) found.push({ file, name, catalogue: value });
      }
    }
  });

  test("the task-pane catalogue is among those found", () => {
    expect(found.map((f) => `${f.file}:${f.name}`)).toContain("ui.ts:uiStrings");
  });

  test("zh-CN and en have identical keys and identical placeholders in every catalogue", () => {
    const problems: string[] = [];
    for (const { file, name, catalogue } of found) {
      const zh = flatten(catalogue["zh-CN"]);
      const en = flatten(catalogue.en);
      for (const key of zh.keys())
        if (!en.has(key)) problems.push(`${file}:${name} en lacks "${key}"`);
      for (const key of en.keys())
        if (!zh.has(key)) problems.push(`${file}:${name} zh-CN lacks "${key}"`);
      for (const [key, zhText] of zh) {
        const enText = en.get(key);
        if (enText === undefined) continue;
        const a = placeholders(zhText).join(",");
        const b = placeholders(enText).join(",");
        if (a !== b)
          problems.push(`${file}:${name} "${key}" placeholders zh-CN {${a}} vs en {${b}}`);
        if (zhText.trim() === "") problems.push(`${file}:${name} "${key}" is empty in zh-CN`);
        if (enText.trim() === "") problems.push(`${file}:${name} "${key}" is empty in en`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("the checker itself notices a missing key and a renamed placeholder", () => {
    const zh = flatten({ a: "总分 {total}", b: "x" });
    const en = flatten({ a: "Total {sum}" });
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual(["b"]);
    expect(placeholders(zh.get("a")!)).not.toEqual(placeholders(en.get("a")!));
  });
});
