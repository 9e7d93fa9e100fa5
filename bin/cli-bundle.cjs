// The command line as one JavaScript file, bundled from src/ by esbuild (the compiler tsx itself
// runs on). Through tsx the same code is about a sixth slower per form: tsx names every closure at
// run time and reaches every import through a getter. The bundle is built on first use and again
// whenever a source file, the lock file or this builder is newer than it; it goes to
// node_modules/.cache (or the system temp folder when that is not writable).
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(ts|tsx|json)$/.test(entry.name))
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function sourcesMtime() {
  let newest = Math.max(newestMtime(path.join(ROOT, "src")), fs.statSync(__filename).mtimeMs);
  for (const file of ["package-lock.json", "tsconfig.json"]) {
    const full = path.join(ROOT, file);
    if (fs.existsSync(full)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function cacheDirs() {
  const id = crypto.createHash("sha256").update(ROOT).digest("hex").slice(0, 12);
  return [
    path.join(ROOT, "node_modules", ".cache", "selfeval"),
    path.join(os.tmpdir(), `selfeval-cli-${id}`),
  ];
}

/** Bundle one entry file (absolute path) and everything it imports into `outfile`. */
function buildBundle(entry, outfile) {
  require("esbuild").buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "silent",
  });
}

/**
 * The path of an up-to-date bundle of `entry` (relative to the project, e.g. "src/cli/main.ts"),
 * building it when needed; undefined when it cannot be built (no esbuild, nowhere to write).
 */
function ensureBundle(entry) {
  const name = `${entry.replace(/[\\/]/g, "_").replace(/\.tsx?$/, "")}.cjs`;
  let sources;
  try {
    sources = sourcesMtime();
  } catch {
    return undefined;
  }
  for (const dir of cacheDirs()) {
    const out = path.join(dir, name);
    // Built beside the target and renamed into place: parallel first runs never see half a file.
    const temp = `${out}.${process.pid}.${Date.now()}.tmp`;
    try {
      if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= sources) return out;
      fs.mkdirSync(dir, { recursive: true });
      buildBundle(path.join(ROOT, entry), temp);
      fs.renameSync(temp, out);
      return out;
    } catch {
      // Not writable, or esbuild missing: try the next folder, then give up.
      fs.rmSync(temp, { force: true });
    }
  }
  return undefined;
}

module.exports = { buildBundle, ensureBundle };
