/**
 * The pane's state machine, kept pure so every transition is testable without rendering:
 * idle → computing → results | error; any settled state → reverting → reverted | error.
 */
import type { Evaluation } from "../domain/model";
import type { HostErrorCode } from "../hosts/workbook-port";
import type { UiKey } from "../i18n";

export type Phase = "idle" | "computing" | "reverting" | "results" | "error" | "reverted";

export interface PaneError {
  code: HostErrorCode;
  /** The underlying message, shown only where our own text needs it (UNKNOWN). */
  detail: string;
}

export interface PaneResult {
  sheetName: string;
  evaluation: Evaluation;
  /** Every 自评表 on the sheet when it holds several (the pane then offers a picker). */
  forms?: Evaluation[];
  writtenCells: number;
}

export interface PaneState {
  phase: Phase;
  result: PaneResult | null;
  error: PaneError | null;
  restoredCells: number | null;
}

export type PaneAction =
  | { type: "compute-start" }
  | { type: "compute-done"; result: PaneResult }
  | { type: "revert-start" }
  | { type: "revert-done"; restoredCells: number }
  | { type: "failed"; error: PaneError };

export const INITIAL_STATE: PaneState = {
  phase: "idle",
  result: null,
  error: null,
  restoredCells: null,
};

export function isBusy(phase: Phase): boolean {
  return phase === "computing" || phase === "reverting";
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "compute-start":
      return { ...state, phase: "computing", error: null, restoredCells: null };
    case "compute-done":
      return { phase: "results", result: action.result, error: null, restoredCells: null };
    case "revert-start":
      return { ...state, phase: "reverting", error: null };
    case "revert-done":
      // The sheet no longer shows our scores, so the old results would describe cells that are gone.
      return { phase: "reverted", result: null, error: null, restoredCells: action.restoredCells };
    case "failed":
      // Earlier results stay visible: a failed write leaves the sheet as it was.
      return { ...state, phase: "error", error: action.error };
  }
}

/** Compile-time exhaustive: a new HostErrorCode without a message fails to build. */
export const ERROR_MESSAGE_KEYS: Record<HostErrorCode, UiKey> = {
  EDIT_MODE: "error.EDIT_MODE",
  PROTECTED: "error.PROTECTED",
  NO_TABLE: "error.NO_TABLE",
  TOO_LARGE: "error.TOO_LARGE",
  TIMEOUT: "error.TIMEOUT",
  NOT_XLSX: "error.NOT_XLSX",
  ENCRYPTED: "error.ENCRYPTED",
  CORRUPT: "error.CORRUPT",
  EMPTY: "error.EMPTY",
  NOTHING_TO_REVERT: "error.NOTHING_TO_REVERT",
  UNKNOWN: "error.UNKNOWN",
};

function isHostErrorCode(code: unknown): code is HostErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(ERROR_MESSAGE_KEYS, code);
}

/**
 * Anything thrown → a PaneError. Matches HostError by shape, not instanceof, because the host and the
 * pane may be separate bundles with separate copies of the class.
 */
export function toPaneError(error: unknown): PaneError {
  if (typeof error === "object" && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const detail = typeof message === "string" ? message : String(error);
    if (isHostErrorCode(code)) return { code, detail };
    return { code: "UNKNOWN", detail };
  }
  return { code: "UNKNOWN", detail: String(error) };
}
