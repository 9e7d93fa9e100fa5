#!/usr/bin/env node
/*
 * Validates manifest.xml against the Office add-in manifest XSDs kept in
 * schemas/office-manifest (see its README: where they come from and which set compiles). Uses xmllint when installed (CI installs libxml2-utils), else xmllint-wasm with the
 * same XSDs. Prints one clear result line; exits 0 when valid, 1 when invalid, 2 when it could not
 * validate at all (no schemas, no validator). `node scripts/validate-manifest.cjs [manifest.xml]`.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const manifest = path.resolve(process.argv[2] || path.join(root, "manifest.xml"));
const schemaDir = path.resolve(
  process.env.SELFEVAL_MANIFEST_SCHEMAS || path.join(root, "schemas", "office-manifest")
);
const mainXsd = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");
const rel = (p) => path.relative(process.cwd(), p) || p;

function fail(code, message) {
  process.stderr.write(`${message}\n`);
  process.stdout.write(
    `manifest: ${code === 1 ? "INVALID" : "NOT VALIDATED"} — ${rel(manifest)}\n`
  );
  process.exit(code);
}

function hasXmllint() {
  const r = spawnSync("xmllint", ["--version"], { stdio: "ignore" });
  return r.status === 0;
}

function withXmllint() {
  const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", mainXsd, manifest], {
    encoding: "utf8",
  });
  const output = `${r.stdout || ""}${r.stderr || ""}`.trim();
  if (r.status === 0) return { valid: true, output, tool: "xmllint" };
  if (r.status === 3) return { valid: false, output, tool: "xmllint" };
  fail(2, `xmllint could not validate (exit ${r.status}):\n${output}`);
  return undefined;
}

async function withWasm() {
  let lib;
  try {
    lib = require("xmllint-wasm");
  } catch {
    fail(2, "Neither xmllint (apt-get install -y libxml2-utils) nor xmllint-wasm is available.");
  }
  const xsds = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), "utf8") });
  const result = await lib.validateXML({
    xml: [{ fileName: path.basename(manifest), contents: fs.readFileSync(manifest, "utf8") }],
    schema: [read(path.basename(mainXsd))],
    preload: xsds.filter((f) => f !== path.basename(mainXsd)).map(read),
  });
  const output = result.valid ? "" : result.errors.map((e) => e.rawMessage).join("\n");
  return { valid: result.valid, output, tool: "xmllint-wasm" };
}

async function main() {
  if (!fs.existsSync(manifest)) fail(2, `No manifest at ${rel(manifest)}.`);
  if (!fs.existsSync(mainXsd)) {
    fail(
      2,
      `No manifest schemas at ${rel(schemaDir)} (set SELFEVAL_MANIFEST_SCHEMAS to their folder).`
    );
  }
  // SELFEVAL_VALIDATOR=wasm forces the fallback (to test it where xmllint is installed).
  const useWasm = process.env.SELFEVAL_VALIDATOR === "wasm" || !hasXmllint();
  const result = useWasm ? await withWasm() : withXmllint();
  if (!result.valid) fail(1, result.output);
  process.stdout.write(
    `manifest: VALID — ${rel(manifest)} against ${rel(mainXsd)} (${result.tool})\n`
  );
}

main().catch((error) =>
  fail(2, `Validation failed to run: ${error && error.stack ? error.stack : error}`)
);
