/*
 * Builds the add-in's two pages: the task pane (React) and the ribbon's function file. `npm run
 * build` for production, `npm run dev-server` for https://localhost:3000 (the manifest's URLs).
 * LOCAL_OFFICE_JS=1 serves office.js from @microsoft/office-js instead of Microsoft's CDN, for
 * offline browser tests.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const localOfficeJs = !!process.env.LOCAL_OFFICE_JS;
  const officeJs = localOfficeJs ? "office-js/office.js" : CDN_OFFICE_JS;
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
          { from: "manifest.xml", to: "manifest.xml" },
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
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      port: 3000,
      // `--env https`: webpack-dev-server makes a self-signed certificate itself. Office needs a
      // trusted one: see the README (office-addin-dev-certs on Windows/macOS).
      server: env.https ? { type: "https" } : { type: "http" },
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
};
