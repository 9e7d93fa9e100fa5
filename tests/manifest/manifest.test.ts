/**
 * @jest-environment jsdom
 *
 * What the manifest XSDs cannot check (see schemas/office-manifest/README.md): every resid
 * resolves, zh-CN and en-US strings exist, URLs are https, icon files exist at the stated sizes, and
 * the ribbon's function name is the one commands.ts registers. Plus: the XSD check itself rejects a
 * broken manifest.
 */
/* global DOMParser, Element -- jsdom test environment (see the docblock) */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "../..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const doc = new DOMParser().parseFromString(XML, "application/xml");

const all = (name: string): Element[] =>
  [...doc.getElementsByTagName("*")].filter((e) => e.localName === name);
const everyElement = (): Element[] => [...doc.getElementsByTagName("*")];
const resources = (): Map<string, Element> => {
  const map = new Map<string, Element>();
  for (const e of doc.getElementsByTagNameNS(BT, "*")) {
    const id = e.getAttribute("id");
    if (id && ["Image", "Url", "String"].includes(e.localName)) map.set(id, e);
  }
  return map;
};

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** https://localhost:3000/assets/icon-32.png → assets/icon-32.png in the repo (what webpack copies). */
function localFile(url: string): string {
  const u = new URL(url);
  return path.join(ROOT, decodeURIComponent(u.pathname));
}

const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe("manifest.xml beyond the XSD", () => {
  test("parses as XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
  });

  test("every resid names a resource, and every resource is used", () => {
    const res = resources();
    const used = everyElement().flatMap((e) =>
      e.hasAttribute("resid") ? [e.getAttribute("resid")!] : []
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((id) => !res.has(id))).toEqual([]);
    expect([...res.keys()].filter((id) => !used.includes(id))).toEqual([]);
    // Ids are unique.
    const ids = [...doc.getElementsByTagNameNS(BT, "*")]
      .map((e) => e.getAttribute("id"))
      .filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("zh-CN is the default and every string has an en-US override", () => {
    expect(all("DefaultLocale")[0].textContent).toBe("zh-CN");
    const texts = [
      ...all("DisplayName"),
      ...all("Description").filter((e) => e.parentElement?.localName === "OfficeApp"),
      ...[...doc.getElementsByTagNameNS(BT, "String")],
    ];
    expect(texts.length).toBeGreaterThanOrEqual(9);
    for (const e of texts) {
      const zh = e.getAttribute("DefaultValue") ?? "";
      expect(hasCjk(zh)).toBe(true);
      const en = [...e.children].find(
        (c) => c.localName === "Override" && c.getAttribute("Locale") === "en-US"
      );
      expect(en?.getAttribute("Value")?.trim()).toBeTruthy();
      expect(hasCjk(en!.getAttribute("Value")!)).toBe(false);
    }
  });

  test("the ribbon has 一键评分 (recomputeActiveSheet) and 评分面板 (task pane) on the Home tab", () => {
    const tab = all("OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const res = resources();
    const label = (control: Element) => {
      const id = [...control.children].find((c) => c.localName === "Label")!.getAttribute("resid")!;
      return res.get(id)!.getAttribute("DefaultValue");
    };
    const controls = all("Control");
    expect(controls.map(label)).toEqual(["一键评分", "评分面板"]);
    const actions = all("Action").map((a) => a.getAttribute("xsi:type"));
    expect(actions).toEqual(["ExecuteFunction", "ShowTaskpane"]);
    expect(all("FunctionName")[0].textContent).toBe("recomputeActiveSheet");
    const commands = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commands).toContain('Office.actions.associate("recomputeActiveSheet"');
  });

  test("every URL is https, and the pages are the dev server's taskpane.html and commands.html", () => {
    const urls = [
      ...everyElement().flatMap((e) =>
        ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].includes(
          e.localName
        ) && e.hasAttribute("DefaultValue")
          ? [e.getAttribute("DefaultValue")!]
          : []
      ),
      ...[...resources().values()]
        .filter((e) => e.localName !== "String")
        .map((e) => e.getAttribute("DefaultValue")!),
    ];
    expect(urls.length).toBeGreaterThanOrEqual(8);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    expect(urls).toContain("https://localhost:3000/taskpane.html");
    expect(urls).toContain("https://localhost:3000/commands.html");
  });

  test("icon files exist at the sizes the manifest states", () => {
    const checks: [string, number][] = [
      [all("IconUrl")[0].getAttribute("DefaultValue")!, 32],
      [all("HighResolutionIconUrl")[0].getAttribute("DefaultValue")!, 64],
    ];
    const res = resources();
    for (const img of all("Image").filter((e) => e.hasAttribute("resid"))) {
      const url = res.get(img.getAttribute("resid")!)!.getAttribute("DefaultValue")!;
      checks.push([url, Number(img.getAttribute("size"))]);
    }
    expect(new Set(checks.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of checks) {
      const file = localFile(url);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test("asks for ExcelApi 1.13, Workbook and ReadWriteDocument", () => {
    const set = all("Set")[0];
    expect(set.getAttribute("Name")).toBe("ExcelApi");
    expect(set.getAttribute("MinVersion")).toBe("1.13");
    expect(all("Host")[0].getAttribute("Name")).toBe("Workbook");
    expect(all("Permissions")[0].textContent).toBe("ReadWriteDocument");
  });
});

describe("scripts/validate-manifest.cjs", () => {
  const script = path.join(ROOT, "scripts/validate-manifest.cjs");
  const run = (file: string) =>
    spawnSync(process.execPath, [script, file], { encoding: "utf8", env: { ...process.env } });
  test("accepts the manifest and rejects a broken copy (exit 1)", () => {
    const ok = run(path.join(ROOT, "manifest.xml"));
    expect(ok.stdout).toContain("manifest: VALID");
    expect(ok.status).toBe(0);
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "manifest.xml");
    fs.writeFileSync(broken, XML.replace('xsi:type="ShowTaskpane"', 'xsi:type="ShowTaskPane"'));
    const bad = run(broken);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("manifest: INVALID");
    expect(bad.stderr).toMatch(/ShowTaskPane/);
  });
});
