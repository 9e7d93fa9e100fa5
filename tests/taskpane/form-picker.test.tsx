/** @jest-environment jsdom */
/**
 * A sheet holding two stacked forms, scored by the real engine over an in-memory workbook: the pane
 * scores both and offers a picker; the picked form's summary and findings are shown.
 */
import "./dom-shims";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { App } from "../../src/taskpane/App";
import { MemorySettingsStore } from "../../src/taskpane/settings-stores";
import { breakdowns } from "../fixtures/forms/round2/breakdowns";
import { roadForm, stackedTwo } from "../fixtures/forms/round2/stacked";
import { gridFromSpec } from "../fixtures/sheet-spec";

async function recomputed(grid = gridFromSpec(stackedTwo)) {
  render(<App port={new MemoryWorkbook([grid])} settingsStore={new MemorySettingsStore()} />);
  await waitFor(() => expect(screen.getByTestId("recompute")).toBeEnabled());
  fireEvent.click(screen.getByTestId("recompute"));
  await waitFor(() => expect(screen.getByTestId("summary")).toBeInTheDocument(), {
    timeout: 30_000,
  });
}

test("two stacked forms: a picker lists both; picking the second shows its total and findings", async () => {
  await recomputed();
  const picker = screen.getByTestId("form-picker");
  const options = within(picker)
    .getAllByRole("option")
    .map((o) => o.textContent);
  // Totals worked by hand in the fixture: 96 and 95.
  expect(options).toEqual([
    "第 1 张：乡村道路养护（总分 96.00）",
    "第 2 张：农村饮水安全巩固（总分 95.00）",
  ]);
  expect(screen.getByTestId("summary")).toHaveTextContent("96");
  fireEvent.change(picker, { target: { value: "1" } });
  await waitFor(() => expect(screen.getByTestId("summary")).toHaveTextContent("95"));
  // Form 2's NOTE_MISSING is on J32, a cell of the second form.
  expect(screen.getByText(/J32/)).toBeInTheDocument();
}, 60_000);

test("a sheet with one form shows no picker", async () => {
  await recomputed(gridFromSpec(roadForm));
  expect(screen.queryByTestId("form-picker")).toBeNull();
}, 60_000);

test("breakdown rows are listed as such, with the row they detail", async () => {
  await recomputed(gridFromSpec(breakdowns));
  const list = screen.getByTestId("breakdowns");
  const items = within(list)
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  // Rows 14 and 15 detail row 13 (see the fixture's header).
  expect(items.slice(0, 2)).toEqual([
    "第 14 行 其中：水稻种植面积：≥600亩 / 650亩（第 13 行的明细）",
    "第 15 行 玉米种植面积：≥400亩 / 380亩（第 13 行的明细）",
  ]);
  expect(items).toHaveLength(6);
}, 60_000);
