#!/usr/bin/env node
/*
 * `ADDIN_BASE_URL=https://host/path npm run package`: the archive an intranet administrator needs,
 * release/selfeval-<version>.zip (version from package.json), holding under selfeval-<version>/:
 *
 *   site/                         the production build, to copy to the HTTPS server at ADDIN_BASE_URL
 *   manifest.xml                  the same manifest, to put in the network share (trusted catalog)
 *   trusted-catalog.reg           registers \\SERVER\SHARE as Excel's trusted add-in catalog (HKCU)
 *   remove-trusted-catalog.reg    removes that registration again
 *   deploy.md                     docs/deploy.md, the administrator's guide
 *
 * A zip rather than a tar: Windows opens it without extra tools, and that is where it is unpacked.
 * Options: --out DIR (default release/). The site is built by webpack into a temporary folder,
 * exactly as `npm run build` builds dist/ (same config, same ADDIN_BASE_URL checks).
 */
const { spawnSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { zipSync } = require("fflate");
const { normalizeBaseUrl, DeployError } = require("./deploy/manifest-urls.cjs");

const root = path.resolve(__dirname, "..");

/** A GUID fixed for this add-in (derived from the manifest's Id), so every unit uses the same key. */
function catalogGuid(manifestXml) {
  const id = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(manifestXml)?.[1];
  if (!id) throw new DeployError("manifest.xml has no <Id>.");
  const hex = crypto.createHash("sha1").update(`selfeval trusted catalog ${id}`).digest("hex");
  // Shaped as a name-based (version 5) UUID.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

const KEY = "HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs";

/**
 * regedit reads UTF-16LE with a BOM (what it exports itself) and CRLF lines; that keeps the
 * Chinese comments readable in Notepad and regedit alike.
 */
function regFile(lines) {
  const text = `${lines.join("\r\n")}\r\n`;
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

/** The values Microsoft documents for a network-share catalog: Id = the key's GUID, Url, Flags = 1. */
function trustedCatalogReg(guid, baseUrl) {
  return regFile([
    "Windows Registry Editor Version 5.00",
    "",
    "; 绩效自评助手 (SelfEval)：把网络共享文件夹登记为 Excel 的受信任加载项目录（当前用户）。",
    "; 使用前把下面 Url 中的 \\\\\\\\SERVER\\\\SHARE 改成放 manifest.xml 的共享文件夹（每个 \\ 写两次），",
    "; 关闭所有 Office 程序后双击导入。详见 deploy.md。",
    `; 网站地址（manifest 指向）：${baseUrl}`,
    "; Registers a network share as a trusted add-in catalog for Excel (current user). Replace",
    "; \\\\\\\\SERVER\\\\SHARE with the share holding manifest.xml (double every backslash), close Office, import.",
    "",
    `[${KEY}\\{${guid}}]`,
    `"Id"="{${guid}}"`,
    '"Url"="\\\\\\\\SERVER\\\\SHARE"',
    '"Flags"=dword:00000001',
  ]);
}

function removeCatalogReg(guid) {
  return regFile([
    "Windows Registry Editor Version 5.00",
    "",
    "; 删除 trusted-catalog.reg 登记的受信任目录。Removes the catalog trusted-catalog.reg registered.",
    "",
    `[-${KEY}\\{${guid}}]`,
  ]);
}

function filesUnder(dir, prefix) {
  const out = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const name = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(out, filesUnder(full, name));
    else out[name] = new Uint8Array(fs.readFileSync(full));
  }
  return out;
}

function parseArgs(argv) {
  const args = { out: path.join(root, "release") };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out" && argv[i + 1]) args.out = path.resolve(argv[++i]);
    else
      throw new DeployError(`Unknown argument: ${argv[i]} (usage: npm run package [-- --out DIR])`);
  }
  return args;
}

function build(siteDir) {
  process.stdout.write(`Building the site for ${process.env.ADDIN_BASE_URL}…\n`);
  const webpack = path.join(root, "node_modules", ".bin", "webpack");
  const r = spawnSync(webpack, ["--mode", "production", "--output-path", siteDir, "--no-stats"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (r.status !== 0) throw new DeployError("The build failed: no archive was written.");
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!process.env.ADDIN_BASE_URL) {
    throw new DeployError(
      "Set ADDIN_BASE_URL to the HTTPS address the site will be served from, e.g.\n" +
        "  ADDIN_BASE_URL=https://oa.example.gov.cn/selfeval npm run package"
    );
  }
  const baseUrl = normalizeBaseUrl(process.env.ADDIN_BASE_URL);
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const name = `selfeval-${version}`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-package-"));
  try {
    const site = path.join(work, "site");
    build(site);
    const manifest = fs.readFileSync(path.join(site, "manifest.xml"), "utf8");
    const guid = catalogGuid(manifest);
    const files = {
      ...filesUnder(site, `${name}/site`),
      [`${name}/manifest.xml`]: new Uint8Array(Buffer.from(manifest, "utf8")),
      [`${name}/trusted-catalog.reg`]: new Uint8Array(trustedCatalogReg(guid, baseUrl)),
      [`${name}/remove-trusted-catalog.reg`]: new Uint8Array(removeCatalogReg(guid)),
      [`${name}/deploy.md`]: new Uint8Array(fs.readFileSync(path.join(root, "docs", "deploy.md"))),
    };
    fs.mkdirSync(args.out, { recursive: true });
    const archive = path.join(args.out, `${name}.zip`);
    fs.writeFileSync(`${archive}.partial`, zipSync(files, { level: 9 }));
    fs.renameSync(`${archive}.partial`, archive);
    const size = fs.statSync(archive).size;
    process.stdout.write(
      `Wrote ${path.relative(process.cwd(), archive) || archive} (${Object.keys(files).length} files, ` +
        `${(size / 1024).toFixed(0)} KiB) for ${baseUrl}; catalog key {${guid}}.\n`
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof DeployError ? error.message : error.stack}\n`);
  process.exit(1);
}
