/** Excel.run as the adapter uses it: injectable for tests, bounded in time, failures as HostErrors. */
import type { HostErrors } from "./excel-errors";

export type ExcelRunner = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

export function defaultRun(): ExcelRunner {
  return (options, batch) => Excel.run(options, batch);
}

export function defaultIsSetSupported(name: string, version: string): boolean {
  return (
    typeof Office !== "undefined" &&
    !!Office.context?.requirements &&
    Office.context.requirements.isSetSupported(name, version)
  );
}

/** Excel.run with a timeout, and every failure turned into a HostError with a clear message. */
export async function runExcel<T>(
  runner: {
    run: ExcelRunner;
    timeoutMs: number;
    errors: HostErrors;
    isSetSupported: (name: string, version: string) => boolean;
  },
  sheetName: string,
  /** One undo step for all the batch's syncs, where Excel supports it (ExcelApi 1.20). */
  mergeUndo: boolean,
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  const { run, timeoutMs, errors } = runner;
  const options: Excel.RunOptions = { delayForCellEdit: false };
  if (mergeUndo && runner.isSetSupported("ExcelApi", "1.20")) options.mergeUndoGroup = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(errors.error("TIMEOUT", "timeout", { seconds: Math.round(timeoutMs / 1000) })),
      timeoutMs
    );
  });
  try {
    return await Promise.race([run(options, batch), timeout]);
  } catch (error) {
    throw errors.toHostError(error, sheetName);
  } finally {
    clearTimeout(timer);
  }
}
