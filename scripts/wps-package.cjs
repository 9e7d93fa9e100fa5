/*
 * After `webpack --config webpack.wps.config.js`: checks the WPS bundle and writes its deployment
 * files (docs/wps.md says how a unit uses them).
 *
 *   dist-wps/selfeval/                      the add-in as built (serve it, or copy it)
 *   dist-wps/online/publish.xml             entry for a user's jsaddons/publish.xml (online mode)
 *   dist-wps/online/jsplugins.xml           the list oem.ini's JSPluginsServer may point at
 *   dist-wps/offline/jsaddons/selfeval_<v>/ the add-in for jsaddons (offline mode)
 *   dist-wps/offline/jsaddons/jsplugins.xml its entry
 *   dist-wps/offline/selfeval_<v>.zip       the same folder zipped, for copying to a machine
 *
 * WPS_ADDIN_URL=http://intranet-host/selfeval/ names where the online add-in is served.
 */
const fs = require("fs");
const path = require("path");
const acorn = require("acorn");
const { zipSync } = require("fflate");
const { version } = require("../package.json");

const NAME = "selfeval";
const PLACEHOLDER_URL = "http://intranet.example/selfeval/";
/**
 * What WPS's embedded Chromium must parse (docs/wps.md): the build transpiles TypeScript to
 * ES2017, but two of the engine's regular expressions use Unicode property escapes (\p{Script=Han}),
 * which are ES2018 (Chromium 64) and cannot be transpiled without another dependency.
 */
const ECMA_VERSION = 2018;
/** Newer built-ins the bundle must not rely on: WPS's Chromium may lack them. */
const FORBIDDEN = ["crypto.randomUUID", "structuredClone", ".replaceAll(", "Object.hasOwn("];

function xmlAttr(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** The add-in's base URL, checked: http(s), ending in "/". */
function addinUrl(raw) {
  const text = (raw || PLACEHOLDER_URL).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`WPS_ADDIN_URL is not a URL: ${text}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`WPS_ADDIN_URL must be http(s): ${text}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function onlineEntry(url) {
  return `<jspluginonline name="${NAME}" type="et" url="${xmlAttr(url)}" enable="enable" install="null"/>`;
}

function jspluginsXml(entries) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n${entries
    .map((e) => `  ${e}`)
    .join("\n")}\n</jsplugins>\n`;
}

function offlineEntry(v, url) {
  return `<jsplugin name="${NAME}" type="et" url="${xmlAttr(url)}" version="${xmlAttr(v)}" enable="enable"/>`;
}

/** Every problem with the emitted scripts: syntax newer than ES2017, or a forbidden built-in. */
function checkScripts(dir) {
  const problems = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const code = fs.readFileSync(path.join(dir, file), "utf8");
    try {
      acorn.parse(code, { ecmaVersion: ECMA_VERSION, sourceType: "script" });
    } catch (error) {
      problems.push(`${file}: not ES${ECMA_VERSION}: ${error.message}`);
    }
    for (const name of FORBIDDEN) if (code.includes(name)) problems.push(`${file}: uses ${name}`);
  }
  return problems;
}

function readTree(dir, prefix = "") {
  const out = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, readTree(full, rel));
    else out[rel] = new Uint8Array(fs.readFileSync(full));
  }
  return out;
}

function main() {
  const root = path.resolve(__dirname, "..", "dist-wps");
  const built = path.join(root, NAME);
  if (!fs.existsSync(path.join(built, "index.html")))
    throw new Error(
      "dist-wps/selfeval is missing: run webpack --config webpack.wps.config.js first"
    );
  const problems = checkScripts(built);
  if (problems.length > 0) throw new Error(`WPS bundle check failed:\n  ${problems.join("\n  ")}`);

  const url = addinUrl(process.env.WPS_ADDIN_URL);
  if (!process.env.WPS_ADDIN_URL)
    console.warn(`WPS_ADDIN_URL not set: the online entries point at the placeholder ${url}`);
  const online = path.join(root, "online");
  fs.rmSync(online, { recursive: true, force: true });
  fs.mkdirSync(online, { recursive: true });
  fs.writeFileSync(path.join(online, "publish.xml"), jspluginsXml([onlineEntry(url)]));
  fs.writeFileSync(path.join(online, "jsplugins.xml"), jspluginsXml([onlineEntry(url)]));

  const folder = `${NAME}_${version}`;
  const offline = path.join(root, "offline");
  fs.rmSync(offline, { recursive: true, force: true });
  const jsaddons = path.join(offline, "jsaddons");
  fs.mkdirSync(jsaddons, { recursive: true });
  fs.cpSync(built, path.join(jsaddons, folder), { recursive: true });
  // WPS unpacks the package named here into jsaddons/<name>_<version> (docs/wps.md).
  const offlineUrl = process.env.WPS_OFFLINE_URL || `file:///C:/WPS-addins/${folder}.zip`;
  fs.writeFileSync(
    path.join(jsaddons, "jsplugins.xml"),
    jspluginsXml([offlineEntry(version, offlineUrl)])
  );
  fs.writeFileSync(path.join(offline, `${folder}.zip`), zipSync(readTree(built)));
  console.log(`WPS add-in ${version}: ${path.relative(process.cwd(), root)}/ (online, offline)`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

module.exports = { addinUrl, onlineEntry, offlineEntry, jspluginsXml, checkScripts };
