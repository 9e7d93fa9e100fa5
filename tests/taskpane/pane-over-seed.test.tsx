/** @jest-environment jsdom */
/**
 * The pane over the real engine: MemoryWorkbook holding the seed form, the real serialised
 * recompute service. Expected figures are the seed report's, checked by hand in RULES.md:
 * 3106.43 / 3112 = 99.82% → 9.98; 干部培训 256/600 × 2 = 0.85; total 98.83 → 优.
 */
import "./dom-shims";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createRecomputeService } from "../../src/app/recompute";
import { cellAt, fromA1 } from "../../src/domain/grid";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { App } from "../../src/taskpane/App";
import { MemorySettingsStore } from "../../src/taskpane/settings-stores";
import { seed } from "../fixtures/forms/seed";
import { gridFromSpec } from "../fixtures/sheet-spec";

function cellValue(workbook: MemoryWorkbook, address: string) {
  const { row, col } = fromA1(address);
  return cellAt(workbook.current(seed.name), row, col).value;
}

async function renderSeed() {
  const workbook = new MemoryWorkbook([gridFromSpec(seed)]);
  const selectCell = jest.fn(() => Promise.resolve());
  const store = new MemorySettingsStore();
  render(<App port={workbook} settingsStore={store} navigator={{ selectCell }} />);
  await waitFor(() => expect(screen.getByTestId("recompute")).toBeEnabled());
  return { workbook, selectCell, store };
}

async function clickAndSettle(testId: string, phase: string) {
  fireEvent.click(screen.getByTestId(testId));
  await waitFor(() => expect(screen.getByTestId("pane")).toHaveAttribute("data-phase", phase));
}

test("recompute scores the seed form: 98.83, 优, 99.82%", async () => {
  const { workbook } = await renderSeed();
  await clickAndSettle("recompute", "results");

  expect(screen.getByTestId("total")).toHaveTextContent("98.83");
  expect(screen.getByTestId("grade")).toHaveTextContent("优");
  expect(screen.getByTestId("rate")).toHaveTextContent("99.82%");
  expect(screen.getByTestId("status")).toHaveTextContent("计算完成：总分 98.83，等级 优。");

  // The training row (sheet row 28) is the one shortfall: 256/600 = 42.67%, score 0.85.
  const training = screen
    .getAllByTestId("indicator-row")
    .find((r) => r.getAttribute("data-row") === "28")!;
  expect(training).toHaveTextContent("42.67%");
  expect(training).toHaveTextContent("0.85");
  // The to-do list: one item per row. 干部培训 lost 2 − 0.85 = 1.15 points, the budget 10 − 9.98 =
  // 0.02; then the twelve over-target rows without a reason, each once (not once per finding).
  const items = screen.getAllByTestId("finding");
  expect(items.map((f) => f.getAttribute("data-row"))).toEqual([
    "28",
    "6",
    "13",
    "16",
    "17",
    "19",
    "22",
    "24",
    "26",
    "27",
    "29",
    "32",
    "33",
    "36",
  ]);
  expect(items[0].getAttribute("data-cell")).toBe("I28");
  expect(items[0]).toHaveTextContent("扣分 1.15 分");
  // An explanation item selects the 偏差原因分析 cell, where the reason goes.
  expect(items[2].getAttribute("data-cell")).toBe("J13");
  expect(items[2]).toHaveTextContent("缺偏差说明");
  expect(screen.getByTestId("todo-count")).toHaveTextContent("还有 14 项待处理");

  // The published total was already right, so the sheet still says 98.83 after the write.
  expect(cellValue(workbook, "I38")).toBe(98.83);
});

test("a finding selects its own cell; 撤销评分 puts the sheet back", async () => {
  const { workbook, selectCell } = await renderSeed();
  const before = workbook.current(seed.name);
  await clickAndSettle("recompute", "results");

  const finding = screen.getAllByTestId("finding")[0];
  fireEvent.click(finding);
  expect(selectCell).toHaveBeenCalledWith(finding.getAttribute("data-cell"), seed.name);

  fireEvent.click(screen.getByTestId("revert"));
  await clickAndSettle("revert-confirm-yes", "reverted");
  expect(screen.getByTestId("reverted")).toHaveTextContent(/已撤销评分，恢复了 \d+ 个单元格。/);
  // Restored cells may spell "no fill / no note" as null instead of leaving it out: compare meaning.
  const visible = (grid: typeof before) =>
    grid.cells.map((line) =>
      line.map((c) => [c.value, c.text, c.numberFormat, c.formula, c.fill ?? null, c.note ?? null])
    );
  expect(visible(workbook.current(seed.name))).toEqual(visible(before));
  expect(await workbook.readSnapshot({ name: seed.name })).toBeUndefined();
});

test("a protected sheet shows the PROTECTED message and nothing is written", async () => {
  const workbook = new MemoryWorkbook([{ ...gridFromSpec(seed), protected: true }]);
  render(<App port={workbook} settingsStore={new MemorySettingsStore()} />);
  await waitFor(() => expect(screen.getByTestId("recompute")).toBeEnabled());
  await clickAndSettle("recompute", "error");
  expect(screen.getByTestId("error")).toHaveTextContent("工作表受保护，未写入任何内容");
  expect(workbook.writeCount).toBe(0);
});

test("a sheet with no self-evaluation table shows NO_TABLE", async () => {
  const workbook = new MemoryWorkbook([
    gridFromSpec({
      name: "Sheet1",
      rows: [
        ["姓名", "年龄"],
        ["张三", 30],
      ],
    }),
  ]);
  render(<App port={workbook} settingsStore={new MemorySettingsStore()} />);
  await waitFor(() => expect(screen.getByTestId("recompute")).toBeEnabled());
  await clickAndSettle("recompute", "error");
  expect(screen.getByTestId("error")).toHaveTextContent("未找到项目支出绩效自评表");
});

test("English settings reach the engine: findings come back in English", async () => {
  const workbook = new MemoryWorkbook([gridFromSpec(seed)]);
  const service = createRecomputeService(workbook);
  render(
    <App
      port={workbook}
      service={service}
      settingsStore={new MemorySettingsStore({ lang: "en" })}
    />
  );
  await waitFor(() => expect(screen.getByTestId("recompute")).toHaveTextContent("Recompute"));
  await act(async () => {
    fireEvent.click(screen.getByTestId("recompute"));
  });
  await waitFor(() => expect(screen.getByTestId("pane")).toHaveAttribute("data-phase", "results"));
  expect(screen.getByTestId("grade")).toHaveTextContent("Excellent (优)");
  const training = screen
    .getAllByTestId("finding")
    .find((f) => f.getAttribute("data-row") === "28")?.textContent;
  expect(training).toMatch(/42\.67%/);
  expect(training).toMatch(/\btarget\b/i);
});
