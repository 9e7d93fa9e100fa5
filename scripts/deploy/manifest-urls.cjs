/*
 * The manifest for a deployment: every https://localhost:3000 URL of manifest.xml rewritten to the
 * origin and path an intranet server hosts the add-in at (ADDIN_BASE_URL), checked so that nothing
 * still points at the dev server, and validated against the Office XSDs by
 * scripts/validate-manifest.cjs. webpack.config.js and scripts/package.cjs use it; it runs before
 * webpack compiles, so a bad URL fails in a second instead of after the bundle.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

/** The origin every URL of the source manifest starts with (npm run dev-server). */
const DEV_ORIGIN = "https://localhost:3000";
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

/** A mistake in the deployment settings: its message is the whole story, no stack needed. */
class DeployError extends Error {
  constructor(message) {
    super(message);
    this.name = "DeployError";
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * "https://host/path/" → "https://host/path": https only, no query, fragment or credentials, not
 * the developer's own machine (the built manifest must not point at localhost).
 */
function normalizeBaseUrl(raw) {
  const text = String(raw || "").trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new DeployError(
      `ADDIN_BASE_URL is not a URL: "${text}". Example: ADDIN_BASE_URL=https://oa.example.gov.cn/selfeval`
    );
  }
  if (url.protocol !== "https:") {
    throw new DeployError(
      `ADDIN_BASE_URL must start with https:// (Office loads add-ins only over HTTPS): "${text}".`
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new DeployError(
      `ADDIN_BASE_URL must be an origin and a path, without query, fragment or credentials: "${text}".`
    );
  }
  if (LOCAL_HOSTS.has(url.hostname)) {
    throw new DeployError(
      `ADDIN_BASE_URL points at this machine (${url.hostname}); for local work use npm run dev-server and manifest.xml as it is.`
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** Every URL the manifest names: attribute values and element text, namespaces excepted. */
function manifestUrls(xml) {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, "");
  const urls = [];
  for (const m of withoutComments.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) {
    if (m[1] === "xmlns" || m[1].startsWith("xmlns:")) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(m[2])) urls.push(m[2]);
  }
  for (const m of withoutComments.matchAll(/>\s*([a-z][a-z0-9+.-]*:\/\/[^<\s]*)\s*</gi)) {
    urls.push(m[1]);
  }
  return urls;
}

/** The source manifest with every dev-server URL on `baseUrl`, comments replaced by one header. */
function rewriteManifest(xml, baseUrl, note = "") {
  const body = xml
    .replace(/<!--[\s\S]*?-->\s*/g, "")
    .split(DEV_ORIGIN)
    .join(baseUrl);
  const header = `<!-- 绩效自评助手 (SelfEval) for ${baseUrl}${note ? ` — ${note}` : ""}. Built by npm run build with ADDIN_BASE_URL; do not edit by hand. -->\n`;
  return body.replace(/^(<\?xml[^>]*\?>\s*)/, (decl) => `${decl.trimEnd()}\n${header}`);
}

/** What is wrong with a built manifest: localhost left over, or a URL outside `baseUrl`. */
function manifestProblems(xml, baseUrl) {
  const problems = [];
  if (/localhost/i.test(xml)) problems.push("the manifest still mentions localhost");
  const urls = manifestUrls(xml);
  if (urls.length === 0) problems.push("the manifest names no URL at all");
  for (const url of urls) {
    if (!url.startsWith(`${baseUrl}/`)) problems.push(`${url} is not under ${baseUrl}/`);
  }
  return problems;
}

/**
 * Validates manifest text against the Office XSDs with scripts/validate-manifest.cjs (xmllint, or
 * xmllint-wasm), through a temporary file. Returns { ok, output }.
 */
function validateManifestText(xml) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-manifest-"));
  const file = path.join(dir, "manifest.xml");
  try {
    fs.writeFileSync(file, xml);
    const r = spawnSync(
      process.execPath,
      [path.join(__dirname, "..", "validate-manifest.cjs"), file],
      { encoding: "utf8" }
    );
    return { ok: r.status === 0, output: `${r.stdout || ""}${r.stderr || ""}`.trim() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The deployment manifest for `rawBaseUrl`, checked and XSD-validated; throws a DeployError that
 * says what is wrong otherwise.
 */
function deploymentManifest(sourceXml, rawBaseUrl, note) {
  const baseUrl = normalizeBaseUrl(rawBaseUrl);
  const xml = rewriteManifest(sourceXml, baseUrl, note);
  const problems = manifestProblems(xml, baseUrl);
  if (problems.length > 0) {
    throw new DeployError(`The manifest for ${baseUrl} is wrong:\n- ${problems.join("\n- ")}`);
  }
  const validation = validateManifestText(xml);
  if (!validation.ok) {
    throw new DeployError(
      `The manifest for ${baseUrl} does not validate against the Office XSDs:\n${validation.output}`
    );
  }
  return { baseUrl, xml };
}

module.exports = {
  DEV_ORIGIN,
  DeployError,
  normalizeBaseUrl,
  manifestUrls,
  rewriteManifest,
  manifestProblems,
  validateManifestText,
  deploymentManifest,
};

/**
 * webpack plugin: after emit, the manifest in the output folder must be exactly the one validated
 * (no other plugin or stale file in between), else the build fails.
 */
class EmittedManifestCheck {
  constructor(expectedXml) {
    this.expectedXml = expectedXml;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap("EmittedManifestCheck", (compilation) => {
      const file = path.join(compiler.outputPath, "manifest.xml");
      const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
      if (text !== this.expectedXml) {
        compilation.errors.push(
          new DeployError(`${file} is not the validated deployment manifest.`)
        );
      }
    });
  }
}

module.exports.EmittedManifestCheck = EmittedManifestCheck;
