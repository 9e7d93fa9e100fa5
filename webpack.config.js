/*
 * Builds the add-in's two pages: the task pane (React) and the ribbon's function file. `npm run
 * build` for production, `npm run dev-server` for https://localhost:3000 (the manifest's URLs).
 * LOCAL_OFFICE_JS=1 serves office.js from @microsoft/office-js instead of Microsoft's CDN (offline
 * browser tests, networks without internet); OFFICE_JS_URL=… names another CDN (21Vianet).
 * ADDIN_BASE_URL=https://host/path rewrites the manifest's URLs to that server and validates it
 * (scripts/deploy/manifest-urls.cjs; docs/deploy.md).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { deploymentManifest, EmittedManifestCheck } = require("./scripts/deploy/manifest-urls.cjs");
const { version } = require("./package.json");

const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Desktop Excel only loads add-ins from a trusted https origin. When `npx office-addin-dev-certs
 * install` has made a trusted localhost certificate, use it; otherwise webpack-dev-server's own
 * self-signed one (fine for browsers that were told to accept it, and for CI).
 */
function httpsServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  if (!Object.values(paths).every((p) => fs.existsSync(p))) return { type: "https" };
  return {
    type: "https",
    options: Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)])),
  };
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const localOfficeJs = !!process.env.LOCAL_OFFICE_JS;
  const officeJs = localOfficeJs
    ? "office-js/office.js"
    : process.env.OFFICE_JS_URL || CDN_OFFICE_JS;
  // Checked before compiling: a wrong URL fails at once, not after the bundle.
  const deployed = process.env.ADDIN_BASE_URL
    ? deploymentManifest(
        fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8"),
        process.env.ADDIN_BASE_URL,
        `version ${version}`
      )
    : undefined;
  return {
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    devtool: production ? false : "source-map",
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type-checking is `npm run typecheck`; the bundle only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJs,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        officeJs,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            ...(deployed ? { transform: () => deployed.xml } : {}),
          },
          ...(localOfficeJs
            ? [
                {
                  from: "node_modules/@microsoft/office-js/dist",
                  to: "office-js",
                  globOptions: { ignore: ["**/*.debug.js", "**/*vsdoc*", "**/*.d.ts"] },
                  // Already minified: without this Terser re-minifies ~250 files (90 s instead of 7 s).
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
      ...(deployed ? [new EmittedManifestCheck(deployed.xml)] : []),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      port: 3000,
      // `--env https` (npm run dev-server); plain http otherwise, e.g. for browser tests.
      server: env.https ? httpsServer() : { type: "http" },
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
};
