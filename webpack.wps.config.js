/*
 * Builds the WPS 表格 add-in (npm run build:wps → dist-wps/): the ribbon page (index.html) and the
 * 评分面板 (pane.html) over the same engine and recompute service as the Excel add-in. WPS embeds an
 * older Chromium, so TypeScript is transpiled to ES2017 here and webpack's own runtime too;
 * scripts/wps-package.cjs then checks every emitted script parses as ES2017 and writes the
 * deployment files (docs/wps.md).
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const ADDIN_DIR = "selfeval";

module.exports = (...args) => {
  const argv = args[1] || {};
  const production = argv.mode !== "development";
  return {
    target: ["web", "es2017"],
    entry: {
      ribbon: "./src/wps-addin/ribbon.ts",
      pane: "./src/wps-addin/pane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist-wps", ADDIN_DIR),
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
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { target: "ES2017", sourceMap: !production },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./wps/index.html",
        chunks: ["ribbon"],
        // A classic script: WPS looks the ribbon callbacks up as globals of this page.
        scriptLoading: "blocking",
      }),
      new HtmlWebpackPlugin({
        filename: "pane.html",
        template: "./wps/pane.html",
        chunks: ["pane"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "wps/ribbon.xml", to: "ribbon.xml" },
          { from: "wps/manifest.xml", to: "manifest.xml" },
          { from: "wps/images", to: "images" },
        ],
      }),
    ],
  };
};
