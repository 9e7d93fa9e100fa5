import { HostError } from "../../src/hosts/workbook-port";
import { fractionOf, percentOf } from "../../src/taskpane/components/SettingsPanel";
import {
  INITIAL_STATE,
  isBusy,
  paneReducer,
  toPaneError,
  type PaneResult,
} from "../../src/taskpane/pane-state";
import { seedEvaluation } from "./fixtures";

const result: PaneResult = {
  sheetName: "项目支出绩效自评表",
  evaluation: seedEvaluation(),
  writtenCells: 7,
};

describe("paneReducer", () => {
  test("idle → computing → results", () => {
    const computing = paneReducer(INITIAL_STATE, { type: "compute-start" });
    expect(computing.phase).toBe("computing");
    expect(isBusy(computing.phase)).toBe(true);
    const done = paneReducer(computing, { type: "compute-done", result });
    expect(done).toEqual({ phase: "results", result, error: null, restoredCells: null });
    expect(isBusy(done.phase)).toBe(false);
  });

  test("a failure keeps the previous results and records the error", () => {
    const done = paneReducer(INITIAL_STATE, { type: "compute-done", result });
    const failed = paneReducer(paneReducer(done, { type: "compute-start" }), {
      type: "failed",
      error: { code: "EDIT_MODE", detail: "" },
    });
    expect(failed.phase).toBe("error");
    expect(failed.result).toBe(result);
    expect(failed.error?.code).toBe("EDIT_MODE");
  });

  test("a new recompute clears the old error", () => {
    const failed = paneReducer(INITIAL_STATE, {
      type: "failed",
      error: { code: "TIMEOUT", detail: "" },
    });
    expect(paneReducer(failed, { type: "compute-start" }).error).toBeNull();
  });

  test("revert drops the results and remembers how many cells came back", () => {
    const done = paneReducer(INITIAL_STATE, { type: "compute-done", result });
    const reverting = paneReducer(done, { type: "revert-start" });
    expect(isBusy(reverting.phase)).toBe(true);
    const reverted = paneReducer(reverting, { type: "revert-done", restoredCells: 40 });
    expect(reverted).toEqual({ phase: "reverted", result: null, error: null, restoredCells: 40 });
  });
});

describe("toPaneError", () => {
  test("keeps a HostError's code and message", () => {
    expect(toPaneError(new HostError("PROTECTED", "受保护"))).toEqual({
      code: "PROTECTED",
      detail: "受保护",
    });
  });

  test("recognises a HostError from another bundle by its shape", () => {
    expect(toPaneError({ name: "HostError", code: "TOO_LARGE", message: "big" }).code).toBe(
      "TOO_LARGE"
    );
  });

  test("anything else is UNKNOWN with its text", () => {
    expect(toPaneError(new RangeError("bad"))).toEqual({ code: "UNKNOWN", detail: "bad" });
    expect(toPaneError({ code: "NOT_A_CODE", message: "m" })).toEqual({
      code: "UNKNOWN",
      detail: "m",
    });
    expect(toPaneError("boom")).toEqual({ code: "UNKNOWN", detail: "boom" });
  });
});

describe("threshold as percent", () => {
  test("130 % is 1.3 and back", () => {
    expect(fractionOf("130")).toBe(1.3);
    expect(percentOf(1.3)).toBe("130");
    expect(fractionOf("112.5")).toBe(1.125);
    expect(percentOf(1.125)).toBe("112.5");
  });

  test("out of range, negative or non-numeric text is refused", () => {
    expect(fractionOf("100")).toBeNull(); // everything would be over target
    expect(fractionOf("200")).toBeNull();
    expect(fractionOf("1.3")).toBeNull(); // a fraction typed where a percent belongs
    expect(fractionOf("-130")).toBeNull();
    expect(fractionOf("abc")).toBeNull();
    expect(fractionOf("")).toBeNull();
  });
});
