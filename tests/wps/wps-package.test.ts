/** The WPS deployment files and the bundle check of scripts/wps-package.cjs. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const pkg = require("../../scripts/wps-package.cjs") as {
  addinUrl: (raw?: string) => string;
  onlineEntry: (url: string) => string;
  offlineEntry: (version: string, url: string) => string;
  jspluginsXml: (entries: string[]) => string;
  checkScripts: (dir: string) => string[];
};

describe("WPS deployment files", () => {
  test("the online entry points an ET add-in at the intranet URL, with a trailing slash", () => {
    expect(pkg.addinUrl("http://10.1.2.3:8080/selfeval")).toBe("http://10.1.2.3:8080/selfeval/");
    expect(() => pkg.addinUrl("ftp://host/x/")).toThrow(/http\(s\)/);
    expect(() => pkg.addinUrl("not a url")).toThrow(/not a URL/);
    const xml = pkg.jspluginsXml([pkg.onlineEntry("http://oa.local/selfeval/?a=1&b=2")]);
    expect(xml).toContain(
      '<jspluginonline name="selfeval" type="et" url="http://oa.local/selfeval/?a=1&amp;b=2" enable="enable" install="null"/>'
    );
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>')
    ).toBe(true);
    expect(pkg.offlineEntry("0.1.0", "file:///C:/WPS-addins/selfeval_0.1.0.zip")).toBe(
      '<jsplugin name="selfeval" type="et" url="file:///C:/WPS-addins/selfeval_0.1.0.zip" version="0.1.0" enable="enable"/>'
    );
  });

  test("the bundle check refuses syntax and built-ins an older Chromium lacks", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wps-check-"));
    try {
      fs.writeFileSync(
        path.join(dir, "ok.js"),
        "var a = /[\\p{Script=Han}]/u; async function f() { await 1; }"
      );
      fs.writeFileSync(path.join(dir, "chain.js"), "var b = a?.c ?? 1;");
      fs.writeFileSync(path.join(dir, "uuid.js"), "var id = crypto.randomUUID();");
      const problems = pkg.checkScripts(dir);
      expect(problems.some((p) => p.startsWith("chain.js: not ES2018"))).toBe(true);
      expect(problems).toContain("uuid.js: uses crypto.randomUUID");
      expect(problems.some((p) => p.startsWith("ok.js"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
