/** @jest-environment jsdom */
import "./dom-shims";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { OVER_TARGET_RANGE } from "../../src/app/settings";
import { HostError, type HostErrorCode } from "../../src/hosts/workbook-port";
import { App } from "../../src/taskpane/App";
import type { CellNavigator } from "../../src/taskpane/contracts";
import { MemorySettingsStore } from "../../src/taskpane/settings-stores";
import { FakeService, seedEvaluation, seedResult, unusedPort } from "./fixtures";

/** Renders the pane and waits until the document's settings are loaded (the buttons wait too). */
async function setup(options: { stored?: unknown; navigator?: CellNavigator } = {}) {
  const service = new FakeService();
  const store = new MemorySettingsStore(options.stored);
  const utils = render(
    <App port={unusedPort} service={service} settingsStore={store} navigator={options.navigator} />
  );
  await waitFor(() => expect(screen.getByTestId("recompute")).toBeEnabled());
  return { service, store, ...utils };
}

const recomputeButton = () => screen.getByTestId("recompute");
const revertButton = () => screen.getByTestId("revert");
const status = () => screen.getByTestId("status");

async function finishRecompute(service: FakeService, result = seedResult()) {
  await act(async () => {
    service.pendingRecompute[service.pendingRecompute.length - 1].resolve(result);
  });
}

async function failRecompute(service: FakeService, error: unknown) {
  await act(async () => {
    service.pendingRecompute[service.pendingRecompute.length - 1].reject(error);
  });
}

describe("idle", () => {
  test("offers 重新计算 and 撤销评分, shows no results and announces readiness", async () => {
    await setup();
    expect(recomputeButton()).toHaveTextContent("重新计算");
    expect(recomputeButton()).toBeEnabled();
    expect(revertButton()).toHaveTextContent("撤销评分");
    expect(screen.getByTestId("pane")).toHaveAttribute("data-phase", "idle");
    expect(screen.getByTestId("idle-hint")).toBeInTheDocument();
    expect(screen.queryByTestId("summary")).toBeNull();
    expect(status()).toHaveAttribute("aria-live", "polite");
    expect(status()).toHaveTextContent("就绪");
  });
});

describe("computing", () => {
  test("shows a spinner, disables both buttons and announces the work", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    expect(screen.getByTestId("pane")).toHaveAttribute("data-phase", "computing");
    expect(screen.getByTestId("spinner")).toBeInTheDocument();
    expect(recomputeButton()).toBeDisabled();
    expect(revertButton()).toBeDisabled();
    expect(status()).toHaveTextContent("正在重新计算");
    await finishRecompute(service);
  });

  test("a second click while computing does not start a second recompute", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    fireEvent.click(recomputeButton());
    fireEvent.click(revertButton());
    expect(service.recomputeCalls).toHaveLength(1);
    expect(service.revertCalls).toHaveLength(0);
    await finishRecompute(service);
    // Once settled, the button works again.
    fireEvent.click(recomputeButton());
    expect(service.recomputeCalls).toHaveLength(2);
    await finishRecompute(service);
  });
});

describe("results", () => {
  test("the seed form: total and grade first, the distance to the next band, the rule profile", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await finishRecompute(service);

    expect(screen.getByTestId("pane")).toHaveAttribute("data-phase", "results");
    expect(screen.getByTestId("total")).toHaveTextContent("98.83");
    expect(screen.getByTestId("grade")).toHaveTextContent("优");
    expect(screen.getByTestId("grade")).not.toHaveAttribute("data-provisional");
    // 98.83 − 90 = 8.83 above the 优 band.
    expect(screen.getByTestId("band")).toHaveTextContent("高于优 8.83 分");
    expect(screen.getByTestId("rate")).toHaveTextContent("99.82%");
    expect(screen.getByTestId("profile")).toHaveTextContent("评分规则：");
    expect(screen.queryByTestId("trust-banner")).toBeNull();
    expect(screen.getByTestId("reported")).toHaveTextContent("表中原填：总分 98.83");
    expect(screen.getByTestId("reported")).not.toHaveTextContent("等级");
    expect(status()).toHaveTextContent("计算完成：总分 98.83，等级 优。");
    expect(recomputeButton()).toBeEnabled();
    // The summary comes before the chart, the to-do list and the table.
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(["评分结果", "得分构成", "待处理事项", "指标得分"]);
  });

  test("a provisional total raises the blocking banner and the grade is shown as provisional", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    const evaluation = seedEvaluation();
    evaluation.provisional = true;
    evaluation.reportedGrade = "良";
    evaluation.indicators[0] = { ...evaluation.indicators[0], score: null };
    await finishRecompute(service, seedResult(evaluation));
    const banner = screen.getByTestId("trust-banner");
    expect(banner).toHaveTextContent("总分暂不能作为结果");
    expect(banner).toHaveTextContent("1 行无法计算，沿用了表中原得分。");
    expect(screen.getByTestId("grade")).toHaveTextContent("优（暂定）");
    expect(screen.getByTestId("grade")).toHaveAttribute("data-provisional", "true");
    // No distance to a grade band under a total the banner says cannot be trusted.
    expect(screen.queryByTestId("band")).toBeNull();
    expect(screen.getByTestId("reported")).toHaveTextContent("表中原填：总分 98.83，等级 良");
  });

  test("a to-do list with one item per indicator, the one that lost the most points first", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await finishRecompute(service);

    const items = screen.getAllByTestId("finding");
    // 干部培训 lost 1.15 (2 − 0.85), the budget 0.02 (10 − 9.98); row 35 asks for a review; the
    // over-target row (G19 and J19: two findings, one item) lacks its explanation.
    expect(items.map((i) => i.getAttribute("data-row"))).toEqual(["28", "6", "35", "19"]);
    expect(items[0]).toHaveTextContent("全区科协系统干部培训班培训的科协系统和基层组织干部人次");
    expect(items[0]).toHaveTextContent("扣分 1.15 分");
    expect(items[1]).toHaveTextContent("预算执行");
    expect(items[1]).toHaveTextContent("扣分 0.02 分");
    expect(items[2]).toHaveTextContent("第 35 行");
    expect(items[2]).toHaveTextContent("待复核");
    expect(items[3]).toHaveTextContent("基层科技馆新增的展品");
    expect(items[3]).toHaveTextContent("缺偏差说明");
    expect(items[3]).not.toHaveTextContent("扣分");
    expect(screen.getByTestId("todo-count")).toHaveTextContent("还有 4 项待处理");
    expect(screen.getByTestId("legend")).toHaveTextContent("扣分");
  });

  test("the count of what is left follows each recompute", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await finishRecompute(service);
    expect(screen.getByTestId("todo-count")).toHaveTextContent("还有 4 项待处理");
    const fixed = seedEvaluation();
    fixed.findings = fixed.findings.filter((f) => f.code !== "NOTE_MISSING");
    fireEvent.click(recomputeButton());
    await finishRecompute(service, seedResult(fixed));
    expect(screen.getByTestId("todo-count")).toHaveTextContent("还有 3 项待处理");
    expect(screen.getAllByTestId("finding")).toHaveLength(3);
  });

  test("the chart draws 得分 against 分值 per section; choosing a bar filters the list", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await finishRecompute(service);

    const bars = screen.getAllByTestId("chart-bar");
    expect(bars.map((b) => b.textContent)).toEqual([
      "预算执行9.98 / 10.00 扣分 0.02 分",
      "产出指标（50）6.85 / 8.00 扣分 1.15 分",
    ]);
    expect(screen.getByTestId("chart").querySelectorAll("svg rect").length).toBe(6);
    // The budget's 0.02 of 10 on a scale of 10 points is drawn as 2 % (not 0.2 %), flush with its
    // end; 干部培训's 1.15 of 8 keeps its own width.
    const lost = screen.getAllByTestId("chart-lost");
    expect(lost.map((r) => [r.getAttribute("x"), r.getAttribute("width")])).toEqual([
      ["98%", "2%"],
      [`${((8 - 1.15) / 10) * 100}%`, `${(1.15 / 10) * 100}%`],
    ]);
    fireEvent.click(bars[1]);
    expect(bars[1]).toHaveAttribute("aria-pressed", "true");
    expect(screen.getAllByTestId("finding").map((i) => i.getAttribute("data-row"))).toEqual([
      "28",
      "19",
    ]);
    expect(screen.getByTestId("todo-count")).toHaveTextContent("产出指标（50）：2 项（共 4 项）");
    fireEvent.click(screen.getByTestId("show-all"));
    expect(screen.getAllByTestId("finding")).toHaveLength(4);
  });

  test("the indicator table shows target, actual, completion, 分值, 得分 and 得分率; a row expands to its explanation", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await finishRecompute(service);

    const table = screen.getByTestId("indicator-table");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["三级指标", "目标", "实际", "完成率", "分值", "得分", "得分率"]);

    const rows = within(table).getAllByTestId("indicator-row");
    // Budget line first, then the three indicators in sheet order.
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveTextContent("预算执行率");
    expect(rows[0]).toHaveTextContent("99.82%");
    expect(rows[0]).toHaveTextContent("9.98");
    const training = rows[3];
    expect(training).toHaveTextContent("≥600人次");
    expect(training).toHaveTextContent("256人次");
    expect(training).toHaveTextContent("42.67%"); // 256/600 = 0.42666… → 42.67%
    expect(training).toHaveTextContent("2.00");
    expect(training).toHaveTextContent("0.85");
    expect(training).toHaveTextContent("42.50%"); // 0.85 of 2
    expect(training).toHaveTextContent("未达标");
    expect(rows[2]).toHaveTextContent("超目标");
    expect(rows[2]).toHaveTextContent("缺偏差说明");

    expect(screen.queryByTestId("explanation")).toBeNull();
    const toggle = within(training).getByRole("button");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByTestId("explanation")).toHaveTextContent(
      "256 ÷ 600 × 2 = 0.8533…，四舍五入得 0.85。"
    );
    fireEvent.click(toggle);
    expect(screen.queryByTestId("explanation")).toBeNull();
  });

  test("a settings change after a recompute says the results are stale", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await finishRecompute(service);
    expect(screen.queryByTestId("stale-hint")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: /设置/ }));
    fireEvent.click(await screen.findByTestId("setting-highlights"));
    expect(screen.getByTestId("stale-hint")).toHaveTextContent("设置已更改，请重新计算。");
    // The language only relabels the pane: it does not make the results stale.
    fireEvent.click(screen.getByTestId("setting-highlights"));
    expect(screen.queryByTestId("stale-hint")).toBeNull();
    fireEvent.click(screen.getByTestId("lang-en"));
    expect(screen.queryByTestId("stale-hint")).toBeNull();
    fireEvent.click(screen.getByTestId("lang-zh"));
    fireEvent.click(screen.getByTestId("setting-highlights"));
    fireEvent.click(recomputeButton());
    await finishRecompute(service);
    expect(screen.queryByTestId("stale-hint")).toBeNull();
  });
});

describe("errors", () => {
  const cases: [HostErrorCode, RegExp][] = [
    ["EDIT_MODE", /正在编辑单元格.*按 Enter 或 Esc/],
    ["PROTECTED", /工作表受保护，未写入任何内容/],
    ["NO_TABLE", /未找到项目支出绩效自评表/],
    ["TOO_LARGE", /已用区域过大/],
    ["TIMEOUT", /未能及时响应/],
  ];

  test.each(cases)("HostError %s shows its own message", async (code, expected) => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await failRecompute(service, new HostError(code, "host detail"));
    expect(screen.getByTestId("pane")).toHaveAttribute("data-phase", "error");
    expect(screen.getByTestId("error")).toHaveTextContent(expected);
    expect(status()).toHaveTextContent(expected);
    expect(recomputeButton()).toBeEnabled();
  });

  test("a sheet without a table (noTable result) reads as NO_TABLE", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await finishRecompute(service, {
      noTable: true,
      sheet: { name: "Sheet1" },
      reason: "no-table",
    });
    expect(screen.getByTestId("error")).toHaveTextContent(/未找到项目支出绩效自评表/);
  });

  test("an unexpected exception shows its text instead of crashing the pane", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await failRecompute(service, new TypeError("x is undefined"));
    expect(screen.getByTestId("error")).toHaveTextContent("发生未知错误：x is undefined");
  });

  test("a failed recompute keeps the earlier results visible", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await finishRecompute(service);
    fireEvent.click(recomputeButton());
    await failRecompute(service, new HostError("EDIT_MODE", ""));
    expect(screen.getByTestId("error")).toBeInTheDocument();
    expect(screen.getByTestId("total")).toHaveTextContent("98.83");
  });
});

describe("reverted", () => {
  async function confirmRevert() {
    fireEvent.click(revertButton());
    const dialog = await screen.findByTestId("revert-confirm");
    expect(dialog).toHaveTextContent("撤销评分？");
    fireEvent.click(screen.getByTestId("revert-confirm-yes"));
  }

  test("撤销评分 is disabled while there is nothing to revert", async () => {
    await setup();
    expect(revertButton()).toBeDisabled();
  });

  test("撤销评分 asks first; cancelling leaves the sheet alone", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await finishRecompute(service);
    expect(revertButton()).toBeEnabled();
    fireEvent.click(revertButton());
    await screen.findByTestId("revert-confirm");
    fireEvent.click(screen.getByTestId("revert-confirm-no"));
    await waitFor(() => expect(screen.queryByTestId("revert-confirm")).toBeNull());
    expect(service.revertCalls).toHaveLength(0);
    expect(screen.getByTestId("total")).toHaveTextContent("98.83");
  });

  test("撤销评分 restores the sheet, clears the results, says how many cells came back and is then disabled", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await finishRecompute(service);
    await confirmRevert();
    expect(screen.getByTestId("pane")).toHaveAttribute("data-phase", "reverting");
    expect(recomputeButton()).toBeDisabled();
    await act(async () => service.pendingRevert[0].resolve(12));
    expect(screen.getByTestId("pane")).toHaveAttribute("data-phase", "reverted");
    expect(screen.getByTestId("reverted")).toHaveTextContent("已撤销评分，恢复了 12 个单元格。");
    expect(status()).toHaveTextContent("已撤销评分，恢复了 12 个单元格。");
    expect(screen.queryByTestId("summary")).toBeNull();
    expect(revertButton()).toBeDisabled();
    // The focus does not stay on a disabled button: 重新计算 is what comes next.
    expect(recomputeButton()).toHaveFocus();
  });

  test("a sheet scored earlier can be reverted as soon as the pane opens", async () => {
    const service = new FakeService();
    service.revertable = true;
    render(
      <App port={unusedPort} service={service} settingsStore={new MemorySettingsStore(undefined)} />
    );
    await waitFor(() => expect(revertButton()).toBeEnabled());
  });

  test("nothing to revert after all is an explained error", async () => {
    const service = new FakeService();
    service.revertable = true;
    render(
      <App port={unusedPort} service={service} settingsStore={new MemorySettingsStore(undefined)} />
    );
    await waitFor(() => expect(revertButton()).toBeEnabled());
    await confirmRevert();
    await act(async () => service.pendingRevert[0].reject(new HostError("NOTHING_TO_REVERT", "")));
    expect(screen.getByTestId("error")).toHaveTextContent(/没有可撤销的评分/);
    expect(status()).toHaveTextContent(/没有可撤销的评分/);
    expect(revertButton()).toBeDisabled();
  });
});

describe("English", () => {
  test("the switch relabels the pane, the results and the messages, and is remembered", async () => {
    const { service, store } = await setup();
    fireEvent.click(screen.getByTestId("lang-en"));
    expect(recomputeButton()).toHaveTextContent("Recompute");
    expect(revertButton()).toHaveTextContent("Revert scores");
    expect(screen.getByTestId("lang-en")).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(store.saved.at(-1)?.lang).toBe("en"));

    fireEvent.click(recomputeButton());
    expect(service.recomputeCalls[0]?.plan?.lang).toBe("en");
    await finishRecompute(service);
    expect(screen.getByTestId("grade")).toHaveTextContent("Excellent (优)");
    expect(status()).toHaveTextContent("Done: total 98.83, grade Excellent (优).");
    expect(screen.getByTestId("todo-count")).toHaveTextContent("4 items left");
    expect(screen.getAllByTestId("finding")[0]).toHaveTextContent("1.15 points lost");
    expect(
      screen.getByText("Target not met: actual 256, target ≥600; score 0.85.")
    ).toBeInTheDocument();

    fireEvent.click(recomputeButton());
    await failRecompute(service, new HostError("PROTECTED", ""));
    expect(screen.getByTestId("error")).toHaveTextContent(
      /The sheet is protected; nothing was written/
    );

    fireEvent.click(screen.getByTestId("lang-zh"));
    expect(recomputeButton()).toHaveTextContent("重新计算");
  });

  test("a document whose settings say en opens in English", async () => {
    await setup({ stored: { lang: "en" } });
    await waitFor(() => expect(recomputeButton()).toHaveTextContent("Recompute"));
  });
});

describe("navigation", () => {
  test("clicking a finding selects its cell on the evaluated sheet", async () => {
    const selectCell = jest.fn(() => Promise.resolve());
    const { service } = await setup({ navigator: { selectCell } });
    fireEvent.click(recomputeButton());
    await finishRecompute(service);
    fireEvent.click(screen.getAllByTestId("finding")[0]);
    expect(selectCell).toHaveBeenCalledTimes(1);
    expect(selectCell).toHaveBeenCalledWith("I28", "项目支出绩效自评表");
  });

  test("without a navigator findings are plain text, not buttons", async () => {
    const { service } = await setup();
    fireEvent.click(recomputeButton());
    await finishRecompute(service);
    const items = screen.getAllByTestId("finding");
    expect(items).toHaveLength(4);
    for (const item of items) expect(item.tagName).not.toBe("BUTTON");
  });

  test("a navigator failure is reported, not thrown", async () => {
    const selectCell = jest.fn(() => Promise.reject(new Error("selection failed")));
    const { service } = await setup({ navigator: { selectCell } });
    fireEvent.click(recomputeButton());
    await finishRecompute(service);
    fireEvent.click(screen.getAllByTestId("finding")[3]);
    expect(await screen.findByTestId("notice")).toHaveTextContent("selection failed");
  });
});

describe("settings", () => {
  async function openSettings() {
    fireEvent.click(screen.getByRole("button", { name: /设置/ }));
    return screen.findByTestId("setting-profile");
  }

  test("settings stored in the document are loaded, shown and used for the recompute", async () => {
    const { service } = await setup({
      stored: { profileId: "guangxi", overTargetThreshold: 1.5, highlights: false, notes: true },
    });
    const profile = await openSettings();
    await waitFor(() => expect(profile).toHaveValue("guangxi"));
    expect(screen.getByTestId("setting-threshold")).toHaveValue(150);
    expect(screen.getByTestId("setting-highlights")).not.toBeChecked();
    expect(screen.getByTestId("setting-notes")).toBeChecked();

    fireEvent.click(recomputeButton());
    const options = service.recomputeCalls[0]!;
    expect(options.profile?.id).toBe("guangxi");
    expect(options.profile?.overTargetSeverity).toBe("error");
    expect(options.profile?.overTargetThreshold).toBe(1.5);
    expect(options.plan).toEqual({
      highlights: false,
      notes: true,
      notesAll: false,
      replaceFormulas: false,
      lang: "zh-CN",
    });
    await finishRecompute(service);
  });

  test("notes on every row is an option, off by default", async () => {
    const { service, store } = await setup();
    await openSettings();
    const notesAll = screen.getByTestId("setting-notes-all");
    expect(notesAll).not.toBeChecked();
    fireEvent.click(notesAll);
    await waitFor(() => expect(store.saved.at(-1)).toMatchObject({ notes: true, notesAll: true }));
    fireEvent.click(recomputeButton());
    expect(service.recomputeCalls[0]!.plan).toMatchObject({ notes: true, notesAll: true });
    await finishRecompute(service);
  });

  test("every change is saved through the store and applies to the next recompute", async () => {
    const { service, store } = await setup();
    const profile = await openSettings();
    fireEvent.change(profile, { target: { value: "linear-reverse" } });
    fireEvent.click(screen.getByTestId("setting-notes"));
    fireEvent.click(screen.getByTestId("setting-notes-all"));
    fireEvent.click(screen.getByTestId("setting-replace-formulas"));
    fireEvent.change(screen.getByTestId("setting-threshold"), { target: { value: "150" } });

    await waitFor(() =>
      expect(store.saved.at(-1)).toEqual({
        profileId: "linear-reverse",
        overTargetThreshold: 1.5,
        highlights: true,
        notes: false,
        notesAll: true,
        lang: "zh-CN",
        replaceFormulas: true,
      })
    );
    expect(await store.load()).toEqual(store.saved.at(-1));

    fireEvent.click(recomputeButton());
    const options = service.recomputeCalls[0]!;
    expect(options.profile?.reverseRule).toBe("linear");
    expect(options.profile?.overTargetThreshold).toBe(1.5);
    expect(options.plan).toMatchObject({ notes: false, replaceFormulas: true });
    await finishRecompute(service);
  });

  test("an out-of-range threshold is refused with a message and not saved", async () => {
    const { store } = await setup();
    await openSettings();
    fireEvent.change(screen.getByTestId("setting-threshold"), { target: { value: "50" } });
    const min = Math.round(OVER_TARGET_RANGE.min * 100);
    const max = Math.round(OVER_TARGET_RANGE.max * 100);
    expect(await screen.findByText(`请输入 ${min} 到 ${max} 之间的数。`)).toBeInTheDocument();
    expect(store.saved.some((s) => s.overTargetThreshold !== 1.3)).toBe(false);
  });

  test("an invalid stored setting falls back to its default with a notice", async () => {
    await setup({ stored: { profileId: "no-such-profile" } });
    expect(await screen.findByTestId("notice")).toHaveTextContent("no-such-profile");
  });

  test("a store that cannot save says so", async () => {
    const service = new FakeService();
    const store = new MemorySettingsStore();
    store.save = () => Promise.reject(new Error("document is read-only"));
    render(<App port={unusedPort} service={service} settingsStore={store} />);
    fireEvent.click(screen.getByTestId("lang-en"));
    expect(await screen.findByTestId("notice")).toHaveTextContent("document is read-only");
  });
});
