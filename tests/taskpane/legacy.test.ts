/**
 * The old Internet Explorer webview of Office 2016/2019 cannot parse the bundle, so taskpane.html
 * carries its own ES3 check. These tests run that page's inline script in jsdom under different
 * user agents and engines.
 */
import * as fs from "fs";
import * as path from "path";
import { JSDOM } from "jsdom";
import {
  isLegacyWebview,
  LEGACY_MESSAGE_EN,
  LEGACY_MESSAGE_ZH,
  showLegacyMessage,
} from "../../src/taskpane/legacy";

const TEMPLATE = fs.readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
// What HtmlWebpackPlugin would substitute; jsdom does not fetch it (resources are not loaded).
const HTML = TEMPLATE.replace(/<%=[^%]*%>/g, "office-js/office.js");

const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko";
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";

/** Runs the page's inline scripts; the office.js tag is not fetched (jsdom loads no resources by default). */
function load(userAgent: string, tamper?: (window: any) => void) {
  const dom = new JSDOM(HTML, {
    runScripts: "dangerously",
    beforeParse(window) {
      Object.defineProperty(window.navigator, "userAgent", { get: () => userAgent });
      tamper?.(window);
    },
  });
  return dom.window.document;
}

describe("taskpane.html", () => {
  test("is the template webpack expects: office.js named in head (loaded by the bundle), #container, zh-CN, noscript fallback", () => {
    expect(TEMPLATE).toMatch(
      /<head>[\s\S]*<meta name="selfeval-office-js" content="<%= htmlWebpackPlugin\.options\.officeJs %>" \/>[\s\S]*<\/head>/
    );
    // No blocking <script src> in the page: a hanging CDN must not hold it.
    expect(TEMPLATE).not.toMatch(/<script src=/);
    expect(TEMPLATE).toContain('<html lang="zh-CN">');
    expect(TEMPLATE).toMatch(/<div id="container">/);
    expect(TEMPLATE).toMatch(/<noscript>[\s\S]*JavaScript[\s\S]*<\/noscript>/);
  });

  test("an IE11 (Trident) webview gets the Chinese message instead of a blank pane", () => {
    const doc = load(IE11);
    const message = doc.querySelector('[data-testid="legacy-message"]');
    expect(message).not.toBeNull();
    expect(message!.getAttribute("role")).toBe("alert");
    expect(message!.textContent).toContain("绩效自评助手需要较新版本的 Office");
    expect(doc.getElementById("loading")).toBeNull();
  });

  test("an engine without Promise is treated the same way", () => {
    const doc = load(WEBVIEW2, (w) => {
      delete w.Promise;
    });
    expect(doc.querySelector('[data-testid="legacy-message"]')).not.toBeNull();
  });

  test("document.documentMode (IE document modes) is detected", () => {
    const doc = load(WEBVIEW2, (w) => {
      w.document.documentMode = 11;
    });
    expect(doc.querySelector('[data-testid="legacy-message"]')).not.toBeNull();
  });

  test("a modern webview keeps the loading placeholder for the bundle to replace", () => {
    const doc = load(WEBVIEW2);
    expect(doc.querySelector('[data-testid="legacy-message"]')).toBeNull();
    expect(doc.getElementById("loading")!.textContent).toContain("正在加载");
  });

  test("the page's inline message and the bundle's message say the same thing", () => {
    const doc = load(IE11);
    const paragraphs = [...doc.querySelectorAll('[data-testid="legacy-message"] p')].map(
      (p) => p.textContent
    );
    expect(paragraphs).toEqual([LEGACY_MESSAGE_ZH, LEGACY_MESSAGE_EN]);
  });

  test("the inline script is ES3: no arrow functions, let/const, template literals or classes", () => {
    const inline = [...TEMPLATE.matchAll(/<script>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1])
      .join("\n");
    expect(inline).toContain("selfevalLegacyWebview");
    expect(inline).not.toMatch(/=>|\blet\s|\bconst\s|`|\bclass\s+[A-Za-z_$][\w$]*\s*(\{|extends)/);
  });
});

describe("isLegacyWebview", () => {
  const modern = {
    Promise,
    Symbol,
    document: {},
    navigator: { userAgent: WEBVIEW2 },
  };

  test("a modern engine is not legacy", () => {
    expect(isLegacyWebview(modern)).toBe(false);
  });

  test.each([
    ["no Promise", { ...modern, Promise: undefined }],
    ["no Symbol", { ...modern, Symbol: undefined }],
    ["documentMode", { ...modern, document: { documentMode: 11 } }],
    ["Trident user agent", { ...modern, navigator: { userAgent: IE11 } }],
    [
      "MSIE user agent",
      { ...modern, navigator: { userAgent: "Mozilla/4.0 (compatible; MSIE 7.0)" } },
    ],
  ])("%s is legacy", (_, probe) => {
    expect(isLegacyWebview(probe)).toBe(true);
  });

  test("showLegacyMessage replaces the container's content with both languages", () => {
    const dom = new JSDOM('<div id="c"><p>loading</p></div>');
    const container = dom.window.document.getElementById("c")!;
    showLegacyMessage(container as unknown as Parameters<typeof showLegacyMessage>[0]);
    expect(container.textContent).not.toContain("loading");
    expect(container.textContent).toContain(LEGACY_MESSAGE_ZH);
    expect(container.querySelector('[lang="en"]')!.textContent).toBe(LEGACY_MESSAGE_EN);
  });
});
