/**
 * Every failure of the Excel adapter becomes a HostError with a message in the user's language,
 * naming the sheet where it can.
 */
import type { Lang } from "../../domain/model";
import { hostMessage, type HostStringKey } from "../../i18n/host";
import { HostError, type HostErrorCode } from "../workbook-port";

export const PAYLOAD_ERRORS = [
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
];

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export class HostErrors {
  /**
   * `lang` is asked at the moment of failure: the pane/command may change the language while a
   * batch is running.
   */
  constructor(
    private readonly lang: () => Lang,
    private readonly maxCells: number
  ) {}

  checkSize(sheetName: string, cells: number): void {
    if (cells > this.maxCells) {
      throw this.error("TOO_LARGE", "tooLarge", {
        sheet: sheetName,
        cells: cells.toLocaleString("en-US"),
        limit: this.maxCells.toLocaleString("en-US"),
      });
    }
  }

  toHostError(error: unknown, sheet: string): HostError {
    if (error instanceof HostError) return error;
    const code = errorCode(error);
    if (code === "InvalidOperationInCellEditMode")
      return this.error("EDIT_MODE", "editMode", {}, error);
    if (code === "AccessDenied") return this.error("PROTECTED", "protected", { sheet }, error);
    if (code === "ItemNotFound" && sheet !== "")
      return this.error("EMPTY", "sheetMissing", { sheet }, error);
    if (code && PAYLOAD_ERRORS.includes(code))
      return this.error(
        "TOO_LARGE",
        "tooLarge",
        { sheet, cells: "?", limit: this.maxCells },
        error
      );
    const detail = error instanceof Error ? error.message : String(error);
    return this.error("UNKNOWN", "unknown", { detail }, error);
  }

  error(
    code: HostErrorCode,
    key: HostStringKey,
    params: Record<string, string | number>,
    cause?: unknown
  ): HostError {
    return new HostError(code, hostMessage(key, params, this.lang()), cause);
  }
}
