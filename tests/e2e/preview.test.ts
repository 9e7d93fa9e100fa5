/* global getComputedStyle, atob, DataTransfer, File, DragEvent -- run inside the page by Playwright */
/**
 * The task pane in a real browser: the production bundle, served on localhost, opened in Debian's
 * Chromium at task-pane width. Outside Office the pane starts in preview mode over the bundled
 * sample form; these tests use it as a person would — recompute, click a finding, revert, switch
 * language, then score their own .xlsx and download it — and check the downloaded file with ExcelJS.
 *
 * Expected values come from the seed report (RULES.md's canonical example): budget 3106.43 / 3112 →
 * 99.82% → 9.98; 干部培训 256 / 600 × 2 = 0.85; total 98.83 → 优.
 *
 * One browser for the whole file; the sample-form tests run in order on one page, as one session.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { promises as fs } from "fs";
import * as path from "path";
import type { Browser, Locator, Page } from "playwright-core";
import { writeFixtures, type Fixtures } from "./fixtures";
import {
  isLocal,
  launchChromium,
  openPane,
  screenshot,
  serveDist,
  WORK,
  type PanePage,
  type Served,
} from "./harness";

let browser: Browser;
let served: Served;
let fixtures: Fixtures;

beforeAll(async () => {
  [browser, served, fixtures] = await Promise.all([launchChromium(), serveDist(), writeFixtures()]);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const text = async (locator: Locator) => ((await locator.textContent()) ?? "").trim();
/** Waits for the pane to reach `name`; reaching the error phase instead fails at once, with its message. */
async function phase(page: Page, name: string): Promise<void> {
  const pane = page.getByTestId("pane");
  await page
    .locator(`[data-testid="pane"][data-phase="${name}"], [data-testid="pane"][data-phase="error"]`)
    .waitFor();
  if (name !== "error" && (await pane.getAttribute("data-phase")) === "error")
    throw new Error(`the pane failed: ${await text(page.getByTestId("error"))}`);
}
const sheetCell = (page: Page, address: string) =>
  page.locator(`[data-testid="sheet-table"] td[data-address="${address}"]`);
const background = (cell: Locator) => cell.evaluate((el) => getComputedStyle(el).backgroundColor);

/** True when the element's box lies within the viewport (it was scrolled to). */
async function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth;
  });
}

/** The scripts of ours these requests fetched. */
async function scriptsOf(requests: string[]): Promise<string[]> {
  const scripts = requests.filter((u) => isLocal(u) && u.endsWith(".js"));
  return Promise.all(
    scripts.map((u) => fs.readFile(path.join(served.dist, new URL(u).pathname), "utf8"))
  );
}

/** Whether these requests fetched the in-place .xlsx editor (its snapshot records' key). */
async function loadsXlsxEditor(requests: string[]): Promise<boolean> {
  return (await scriptsOf(requests)).some((b) => b.includes("xlsx-xml:"));
}

/** Whether they fetched ExcelJS, which the page must never use on a user's file. */
async function loadsExcelJs(requests: string[]): Promise<boolean> {
  return (await scriptsOf(requests)).some((b) => b.includes("sharedStrings.xml"));
}

/** Drops a file the way a browser does: a drop event carrying a DataTransfer, on the zone or elsewhere. */
async function dropFile(
  page: Page,
  file: string,
  on = page.getByTestId("drop-zone")
): Promise<void> {
  const base64 = (await fs.readFile(file)).toString("base64");
  await on.evaluate(
    (zone, { name, data }) => {
      const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name));
      for (const type of ["dragenter", "dragover", "drop"])
        zone.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true })
        );
    },
    { name: path.basename(file), data: base64 }
  );
}

describe("the pane in preview mode, over the sample form", () => {
  let pane: PanePage;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane(browser, served);
    page = pane.page;
    page.setDefaultTimeout(45_000);
  });

  afterAll(async () => {
    await pane?.context.close();
  });

  test("opens in 预览模式, in Chinese, with the sample sheet drawn and merges kept", async () => {
    expect(await text(page.getByTestId("preview-banner"))).toContain("预览模式");
    await page.getByRole("button", { name: "重新计算" }).waitFor();
    await page.getByRole("button", { name: "撤销评分" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    // The title row B1:J1 is one merged cell spanning nine columns.
    const title = sheetCell(page, "B1");
    expect(await text(title)).toBe("项目支出绩效自评表");
    expect(await title.getAttribute("colspan")).toBe("9");
    expect(await sheetCell(page, "C1").count()).toBe(0);
    // B5:B9 (项目资金) spans five rows.
    expect(await sheetCell(page, "B5").getAttribute("rowspan")).toBe("5");
    expect(await text(sheetCell(page, "G28"))).toBe("256人次");
    // Nothing of the file editor is loaded until a file is chosen: the pane's own scripts are small.
    expect(await loadsXlsxEditor(pane.requests)).toBe(false);
    expect(await loadsExcelJs(pane.requests)).toBe(false);
    await screenshot(page, "01-open-zh", true);
  });

  test("recompute shows total 98.83 and grade 优, and the written fills appear in the sheet", async () => {
    const before = await background(sheetCell(page, "I28"));
    await page.getByRole("button", { name: "重新计算" }).click();
    await phase(page, "results");
    expect(await text(page.getByTestId("total"))).toBe("98.83");
    expect(await text(page.getByTestId("grade"))).toBe("优");
    expect(await text(page.getByTestId("rate"))).toContain("99.82%");
    expect(await text(page.getByTestId("status"))).toContain("98.83");
    // 干部培训 fell short (256 / 600): its score cell is marked #FFEB9C in the drawn sheet.
    expect(await text(sheetCell(page, "I28"))).toBe("0.85");
    await page.waitForFunction(
      () =>
        getComputedStyle(document.querySelector('td[data-address="I28"]')!).backgroundColor ===
        "rgb(255, 235, 156)"
    );
    expect(before).not.toBe("rgb(255, 235, 156)");
    await screenshot(page, "02-results");
    await screenshot(page, "02-results-full-page", true);
  });

  test("clicking a finding highlights its cell in the drawn sheet and scrolls to it", async () => {
    const finding = page.locator('[data-testid="finding"][data-cell="I28"]');
    expect(await finding.getAttribute("data-code")).toBe("SHORTFALL");
    await finding.click();
    const cell = sheetCell(page, "I28");
    await page.locator('td[data-address="I28"][data-selected="true"]').waitFor();
    expect(await page.locator('td[data-selected="true"]').count()).toBe(1);
    expect(await inViewport(cell)).toBe(true);
    expect(await text(page.getByTestId("preview-selection"))).toBe("项目支出绩效自评表!I28");
    await screenshot(page, "03-finding-selected");
    // Another finding moves the highlight.
    await page.locator('[data-testid="finding"][data-cell="J13"]').first().click();
    await page.locator('td[data-address="J13"][data-selected="true"]').waitFor();
    expect(await cell.getAttribute("data-selected")).toBeNull();
  });

  test("revert restores the sheet as it was", async () => {
    await page.getByRole("button", { name: "撤销评分" }).click();
    await phase(page, "reverted");
    expect(await text(page.getByTestId("reverted"))).toMatch(/已撤销评分，恢复了 \d+ 个单元格/);
    await page.waitForFunction(
      () =>
        getComputedStyle(document.querySelector('td[data-address="I28"]')!).backgroundColor !==
        "rgb(255, 235, 156)"
    );
    expect(await text(sheetCell(page, "I28"))).toBe("0.85");
    await screenshot(page, "04-reverted");
  });

  test("switching to English changes the whole pane, and recompute still gives 98.83", async () => {
    await page.getByTestId("lang-en").click();
    await page.getByRole("button", { name: "Recompute" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await text(page.getByTestId("preview-banner"))).toContain("Preview mode");
    expect(await text(page.getByTestId("file-local"))).toContain("never uploaded");
    await page.getByRole("button", { name: "Recompute" }).click();
    await phase(page, "results");
    expect(await text(page.getByTestId("total"))).toBe("98.83");
    expect(await text(page.getByTestId("grade"))).toBe("Excellent (优)");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "05-english");
    await page.getByTestId("lang-zh").click();
    await page.getByRole("button", { name: "重新计算" }).waitFor();
  });

  test("the page raised no uncaught error and asked nothing of the network but localhost", () => {
    expect(pane.errors).toEqual([]);
    const outside = pane.requests.filter((u) => !isLocal(u));
    // Only office.js from Microsoft's CDN is asked for (and blocked here): that is what puts the
    // pane in preview mode. Nothing else leaves the machine.
    expect(outside.every((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
  });
});

describe("scoring the user's own .xlsx in the browser", () => {
  let pane: PanePage;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane(browser, served);
    page = pane.page;
    page.setDefaultTimeout(45_000);
  });

  afterAll(async () => {
    await pane?.context.close();
  });

  test("a chosen file is scored on its form sheet and downloads as <name>.scored.xlsx", async () => {
    const before = pane.requests.length;
    await page.getByTestId("file-input").setInputFiles(fixtures.blankScores);
    await page.getByText("当前文件：自评表-待评分.xlsx").waitFor();
    expect(await text(page.getByTestId("preview-banner"))).toContain("“自评表-待评分.xlsx”");
    await phase(page, "results");
    expect(await text(page.getByTestId("total"))).toBe("98.83");
    expect(await text(page.getByTestId("grade"))).toBe("优");
    // The workbook's first sheet is a memo: the form's sheet was found and is the one drawn.
    expect(await text(page.locator("#sheet-title"))).toContain("自评表");
    expect(await text(sheetCell(page, "I28"))).toBe("0.85");
    expect(await text(sheetCell(page, "I38"))).toBe("98.83");
    // Opening the file loaded the in-place editor (never ExcelJS) from this page's own origin, and
    // nothing went anywhere else.
    const after = pane.requests.slice(before);
    expect(await loadsXlsxEditor(after)).toBe(true);
    expect(await loadsExcelJs(after)).toBe(false);
    expect(after.filter((u) => !isLocal(u))).toEqual([]);
    await screenshot(page, "06-file-scored");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download").click(),
    ]);
    expect(download.suggestedFilename()).toBe("自评表-待评分.scored.xlsx");
    const saved = path.join(WORK, "downloaded.scored.xlsx");
    await download.saveAs(saved);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const form = workbook.getWorksheet("自评表")!;
    const value = (a: string) => {
      const v = form.getCell(a).value as unknown;
      return v !== null && typeof v === "object" && "result" in v ? v.result : v;
    };
    expect(value("I6")).toBe(9.98); // 3106.43 / 3112 = 99.82% × 10
    expect(value("I28")).toBe(0.85); // 256 / 600 × 2
    expect(value("I13")).toBe(3); // 44.9204万人 ≥ 30万人: full marks
    expect(value("I38")).toBe(98.83);
    expect(form.getCell("I28").note).toBeDefined();
    // The memo sheet is untouched; the snapshot that makes revert possible travels with the file.
    expect(workbook.getWorksheet("说明")!.getCell("A1").value).toBe(
      "关于2022年度项目支出绩效自评工作的说明"
    );
    expect(workbook.getWorksheet("_selfeval")?.state).toBe("veryHidden");
    expect(after.filter((u) => !isLocal(u))).toEqual([]);
    // The download is the chosen workbook edited in place: parts scoring had no reason to touch
    // come back byte for byte.
    const input = unzipSync(await fs.readFile(fixtures.blankScores));
    const output = unzipSync(await fs.readFile(saved));
    for (const part of ["xl/theme/theme1.xml", "xl/sharedStrings.xml", "docProps/core.xml"]) {
      expect(Buffer.from(output[part])).toEqual(Buffer.from(input[part]));
    }
  });

  test("a workbook with two forms scores the first, and the other when it is picked", async () => {
    await page.getByTestId("file-input").setInputFiles(fixtures.twoForms);
    await page.getByText("当前文件：两张自评表.xlsx").waitFor();
    await phase(page, "results");
    expect(await text(page.locator("#sheet-title"))).toBe("工作表：甲");
    expect(await text(page.getByTestId("total"))).toBe("98.83");
    await page.locator('select[data-testid="file-sheet"]').selectOption("乙");
    await page.locator("#sheet-title", { hasText: "工作表：乙" }).waitFor();
    await phase(page, "results");
    // 干部培训 300 / 600 × 2 = 1.00 instead of 0.85: total 98.83 − 0.85 + 1.00 = 98.98.
    expect(await text(sheetCell(page, "I28"))).toBe("1");
    expect(await text(page.getByTestId("total"))).toBe("98.98");
  });

  test("a dropped example workbook is scored the same way", async () => {
    await dropFile(page, fixtures.example);
    await page.getByText("当前文件：seed-2021.xlsx").waitFor();
    await phase(page, "results");
    expect(await text(page.getByTestId("total"))).toBe("98.83");
    expect(await text(page.getByTestId("grade"))).toBe("优");
  });

  test.each([
    ["notWorkbook", "“报告.xlsx”不是 .xlsx 工作簿文件"],
    ["encrypted", "“加密.xlsx”设有打开密码"],
    ["noForm", "“说明.xlsx”中没有找到项目支出绩效自评表"],
  ] as const)(
    "a bad file (%s) gets a clear message and leaves the open file alone",
    async (key, message) => {
      // Dropped beside the zone, the encrypted file is taken all the same (the browser does not leave).
      await dropFile(page, fixtures[key], key === "encrypted" ? page.locator("h1") : undefined);
      const error = page.getByTestId("file-error");
      await error.waitFor();
      expect(await text(error)).toContain(message);
      expect(await text(page.getByTestId("file-current"))).toBe("当前文件：seed-2021.xlsx");
      if (key === "noForm") await screenshot(page, "07-bad-file");
    }
  );

  test("a desktop-width window (a WPS user's browser) shows the same page, the sheet wider", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId("back-to-sample").click();
    await page.getByText("当前是示例自评表", { exact: false }).waitFor();
    await page.getByRole("button", { name: "重新计算" }).click();
    await phase(page, "results");
    await page.locator('[data-testid="finding"][data-cell="I28"]').click();
    await page.locator('td[data-address="I28"][data-selected="true"]').waitFor();
    expect(await inViewport(sheetCell(page, "I28"))).toBe(true);
    await screenshot(page, "08-desktop-finding");
  });

  test("no uncaught error on the page", () => {
    expect(pane.errors).toEqual([]);
  });
});
