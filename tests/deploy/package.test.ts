/**
 * @jest-environment jsdom
 *
 * `ADDIN_BASE_URL=… npm run package` for real: one production build (webpack, slow), then the
 * archive is opened and checked as an administrator would use it. The manifest's URLs are read
 * with the DOM parser here, not with the code that rewrote them. Plus the fast failures: a wrong
 * ADDIN_BASE_URL, or one that makes the manifest XSD-invalid, stops the build before it compiles.
 */
/* global DOMParser, Element -- jsdom test environment (see the docblock) */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";

const ROOT = path.join(__dirname, "../..");
const BASE = "https://oa.example.gov.cn/addins/selfeval";
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
const PREFIX = `selfeval-${VERSION}/`;
const BUILD_TIMEOUT_MS = 15 * 60 * 1000;

function run(script: string, args: string[], env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LOCAL_OFFICE_JS: "", OFFICE_JS_URL: "", ...env },
    timeout: BUILD_TIMEOUT_MS,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Every URL-looking attribute value and text of a manifest, namespace declarations excepted. */
function urlsOf(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  const urls: string[] = [];
  for (const e of [...doc.getElementsByTagName("*")] as Element[]) {
    for (const a of [...e.attributes]) {
      if (a.name === "xmlns" || a.name.startsWith("xmlns:")) continue;
      if (/^\w+:\/\//.test(a.value)) urls.push(a.value);
    }
    const text = [...e.childNodes]
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? "")
      .join("")
      .trim();
    if (/^\w+:\/\//.test(text)) urls.push(text);
  }
  return urls;
}

function utf16Reg(bytes: Uint8Array): string {
  expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
  return Buffer.from(bytes.subarray(2)).toString("utf16le");
}

describe("npm run package with ADDIN_BASE_URL", () => {
  let out: string;
  let files: Record<string, Uint8Array>;
  let result: { status: number | null; output: string };

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-package-test-"));
    result = run("scripts/package.cjs", ["--out", out], { ADDIN_BASE_URL: `${BASE}/` });
    const archive = path.join(out, `selfeval-${VERSION}.zip`);
    files = fs.existsSync(archive) ? unzipSync(new Uint8Array(fs.readFileSync(archive))) : {};
  }, BUILD_TIMEOUT_MS);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  const file = (name: string): Uint8Array => {
    const bytes = files[PREFIX + name];
    if (!bytes) throw new Error(`${PREFIX}${name} is not in the archive`);
    return bytes;
  };

  test("the build succeeds and writes selfeval-<version>.zip", () => {
    expect(result.output).toContain(`selfeval-${VERSION}.zip`);
    expect(result.status).toBe(0);
  });

  test("the archive holds the site, the manifest, both .reg files and the guide, in one folder", () => {
    const names = Object.keys(files);
    expect(names.every((n) => n.startsWith(PREFIX))).toBe(true);
    for (const name of [
      "manifest.xml",
      "trusted-catalog.reg",
      "remove-trusted-catalog.reg",
      "deploy.md",
      "site/taskpane.html",
      "site/commands.html",
      "site/manifest.xml",
      "site/assets/icon-16.png",
      "site/assets/icon-32.png",
      "site/assets/icon-64.png",
      "site/assets/icon-80.png",
    ]) {
      expect(names).toContain(PREFIX + name);
    }
    expect(names.some((n) => /site\/taskpane\.[0-9a-f]{8}\.js$/.test(n))).toBe(true);
    expect(names.some((n) => /site\/commands\.[0-9a-f]{8}\.js$/.test(n))).toBe(true);
    expect(Buffer.from(file("deploy.md"))).toEqual(
      fs.readFileSync(path.join(ROOT, "docs", "deploy.md"))
    );
    expect(strFromU8(file("manifest.xml"))).toBe(strFromU8(file("site/manifest.xml")));
  });

  test("every manifest URL is on the given origin and path, and no localhost remains", () => {
    const xml = strFromU8(file("manifest.xml"));
    expect(xml).not.toMatch(/localhost/i);
    const urls = urlsOf(xml);
    const source = urlsOf(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
    // The same URLs as the source manifest, one for one, moved to the new server.
    expect(urls).toEqual(source.map((u) => u.replace("https://localhost:3000", BASE)));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(url.startsWith(`${BASE}/`)).toBe(true);
    // …and each names a file the site really has.
    for (const url of new Set(urls)) {
      expect(Object.keys(files)).toContain(`${PREFIX}site/${url.slice(BASE.length + 1)}`);
    }
    expect(xml).toContain('<SourceLocation DefaultValue="' + BASE + '/taskpane.html"/>');
  });

  test("the built manifest is valid against the Office XSDs", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-built-manifest-"));
    try {
      const manifest = path.join(dir, "manifest.xml");
      fs.writeFileSync(manifest, file("manifest.xml"));
      const r = run("scripts/validate-manifest.cjs", [manifest], {});
      expect(r.output).toContain("manifest: VALID");
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the pages load office.js from Microsoft's CDN by default", () => {
    // The production build minifies the HTML: attributes may lose their quotes. The pane names
    // office.js in a meta tag that its script loads (so a hanging CDN cannot block the page); the
    // ribbon's function file loads it with a script tag.
    const cdn = String.raw`"?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js[">\s]`;
    expect(strFromU8(file("site/taskpane.html"))).toMatch(
      new RegExp(String.raw`name="?selfeval-office-js"? content=` + cdn)
    );
    expect(strFromU8(file("site/commands.html"))).toMatch(new RegExp("src=" + cdn));
    expect(Object.keys(files).some((n) => n.includes("/office-js/"))).toBe(false);
  });

  test("trusted-catalog.reg registers a TrustedCatalogs key with Id, Url and Flags=1", () => {
    const reg = utf16Reg(file("trusted-catalog.reg"));
    const lines = reg.split("\r\n");
    expect(lines[0]).toBe("Windows Registry Editor Version 5.00");
    const key = lines.find((l) => l.startsWith("[HKEY_CURRENT_USER"));
    const m =
      /^\[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16\.0\\WEF\\TrustedCatalogs\\(\{[0-9A-F-]{36}\})\]$/.exec(
        key ?? ""
      );
    expect(m).not.toBeNull();
    const guid = m![1];
    expect(lines).toContain(`"Id"="${guid}"`);
    expect(lines).toContain('"Url"="\\\\\\\\SERVER\\\\SHARE"');
    expect(lines).toContain('"Flags"=dword:00000001');
    // Every non-comment line is one regedit understands.
    for (const line of lines.filter((l) => l !== "" && !l.startsWith(";"))) {
      expect(line).toMatch(/^(Windows Registry Editor Version 5\.00|\[.*\]|"\w+"=.*)$/);
    }
    const remove = utf16Reg(file("remove-trusted-catalog.reg")).split("\r\n");
    expect(remove).toContain(
      `[-HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${guid}]`
    );
  });
});

describe("a wrong ADDIN_BASE_URL stops the build before it compiles", () => {
  const webpack = (env: Record<string, string>) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bad-build-"));
    try {
      return run(
        "node_modules/webpack-cli/bin/cli.js",
        ["--mode", "production", "--output-path", out, "--no-stats"],
        env
      );
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  };

  test("http:// is refused", () => {
    const r = webpack({ ADDIN_BASE_URL: "http://oa.example.gov.cn/selfeval" });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("must start with https://");
  });

  test("localhost is refused", () => {
    const r = webpack({ ADDIN_BASE_URL: "https://localhost:8443/" });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("points at this machine");
  });

  test("a manifest the XSDs reject (a URL over 2048 characters) fails the build", () => {
    const r = webpack({ ADDIN_BASE_URL: `https://oa.example.gov.cn/${"a".repeat(2100)}` });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("does not validate against the Office XSDs");
  });

  test("package without ADDIN_BASE_URL says what to set", () => {
    const r = run("scripts/package.cjs", [], { ADDIN_BASE_URL: "" });
    expect(r.status).toBe(1);
    expect(r.output).toContain("Set ADDIN_BASE_URL");
  });
});

describe("without ADDIN_BASE_URL the build is as before", () => {
  type Plugin = {
    constructor: { name: string };
    patterns?: { from: string; transform?: unknown }[];
  };
  const makeConfig = require("../../webpack.config.js") as (
    env: object,
    argv: object
  ) => { plugins: Plugin[] };

  test("manifest.xml is copied as it is, with no deployment check", () => {
    const saved = process.env.ADDIN_BASE_URL;
    delete process.env.ADDIN_BASE_URL;
    try {
      const { plugins } = makeConfig({}, { mode: "production" });
      const copy = plugins.find((p) => p.constructor.name === "CopyPlugin");
      const manifest = copy?.patterns?.find((p) => p.from === "manifest.xml");
      expect(manifest).toBeDefined();
      expect(manifest?.transform).toBeUndefined();
      expect(plugins.map((p) => p.constructor.name)).not.toContain("EmittedManifestCheck");
    } finally {
      if (saved !== undefined) process.env.ADDIN_BASE_URL = saved;
    }
  });
});
