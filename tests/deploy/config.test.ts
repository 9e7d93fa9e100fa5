/**
 * The deployment switches of webpack.config.js, read from the config object (no full build): where
 * the pages load office.js from, and the check that fails a build whose emitted manifest is not
 * the validated one (a small real webpack compile).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "../..");
const CHINA = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";

type Pattern = { from: string; to: string; info?: { minimized?: boolean } };
type Plugin = {
  constructor: { name: string };
  patterns?: Pattern[];
  userOptions?: { filename?: string; officeJs?: string };
};

function configWith(env: Record<string, string | undefined>): Plugin[] {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    const makeConfig = require("../../webpack.config.js") as (
      env: object,
      argv: object
    ) => { plugins: Plugin[] };
    return makeConfig({}, { mode: "production" }).plugins;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const officeJsOf = (plugins: Plugin[]) =>
  plugins
    .filter((p) => p.constructor.name === "HtmlWebpackPlugin")
    .map((p) => [p.userOptions?.filename, p.userOptions?.officeJs]);

describe("where office.js comes from", () => {
  const clean = { LOCAL_OFFICE_JS: undefined, OFFICE_JS_URL: undefined, ADDIN_BASE_URL: undefined };

  test("Microsoft's CDN by default, in both pages", () => {
    expect(officeJsOf(configWith(clean))).toEqual([
      ["taskpane.html", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"],
      ["commands.html", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"],
    ]);
  });

  test("OFFICE_JS_URL names another CDN (21Vianet)", () => {
    expect(officeJsOf(configWith({ ...clean, OFFICE_JS_URL: CHINA }))).toEqual([
      ["taskpane.html", CHINA],
      ["commands.html", CHINA],
    ]);
  });

  test("LOCAL_OFFICE_JS=1 serves the pinned @microsoft/office-js with the site, unminified", () => {
    const plugins = configWith({ ...clean, LOCAL_OFFICE_JS: "1", OFFICE_JS_URL: CHINA });
    expect(officeJsOf(plugins).map(([, src]) => src)).toEqual([
      "office-js/office.js",
      "office-js/office.js",
    ]);
    const copy = plugins.find((p) => p.constructor.name === "CopyPlugin");
    const officeJs = copy?.patterns?.find((p) => p.to === "office-js");
    expect(officeJs?.from).toBe("node_modules/@microsoft/office-js/dist");
    // Already minified: without this Terser re-minifies ~370 files (TOOLCHAIN pitfall 10).
    expect(officeJs?.info?.minimized).toBe(true);
    expect(fs.existsSync(path.join(ROOT, officeJs!.from, "office.js"))).toBe(true);
  });
});

describe("the emitted-manifest check", () => {
  test("fails a webpack build whose output manifest differs from the validated one", async () => {
    const webpack = require("webpack") as typeof import("webpack");
    const CopyPlugin = require("copy-webpack-plugin");
    const { EmittedManifestCheck } = require("../../scripts/deploy/manifest-urls.cjs");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-emit-check-"));
    try {
      fs.writeFileSync(path.join(dir, "entry.js"), "export const x = 1;\n");
      fs.writeFileSync(path.join(dir, "manifest.xml"), "<OfficeApp>stale</OfficeApp>\n");
      const build = (expected: string) =>
        new Promise<boolean>((resolve, reject) =>
          webpack(
            {
              mode: "development",
              context: dir,
              entry: "./entry.js",
              output: { path: path.join(dir, "out") },
              plugins: [
                new CopyPlugin({ patterns: [{ from: "manifest.xml", to: "manifest.xml" }] }),
                new EmittedManifestCheck(expected),
              ],
            },
            (error, stats) =>
              error ? reject(error) : resolve(stats !== undefined && stats.hasErrors())
          )
        );
      expect(await build("<OfficeApp>validated</OfficeApp>\n")).toBe(true);
      expect(await build("<OfficeApp>stale</OfficeApp>\n")).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
