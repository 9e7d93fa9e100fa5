/**
 * What the ribbon's 一键评分 button does, without Office: load the user's settings, recompute the
 * active sheet through the shared serialised service, and turn every outcome into one message.
 * Success is silent (the sheet shows the result); a problem is shown, never swallowed.
 */
import type { RecomputeService } from "../app/recompute";
import { scoreOptionsOf, validateSettings } from "../app/settings";
import { HostError } from "../hosts/workbook-port";
import type { Lang } from "../domain/model";
import { hostMessage } from "../i18n/host";

export interface RecomputeCommandDeps {
  service: RecomputeService;
  /** The raw stored settings (validated here; anything broken falls back to defaults). */
  loadSettings: () => Promise<unknown>;
  /** Shows a message to the user and resolves once it is dismissed (or could not be shown). */
  notify: (message: string) => Promise<void>;
  /** Tells the host which language its error messages should use (the user's setting). */
  setLang?: (lang: Lang) => void;
}

export interface CommandOutcome {
  ok: boolean;
  message: string;
}

export async function runRecomputeCommand(deps: RecomputeCommandDeps): Promise<CommandOutcome> {
  const raw = await deps.loadSettings().catch(() => undefined);
  const { settings } = validateSettings(raw);
  const lang = settings.lang;
  deps.setLang?.(lang);
  let outcome: CommandOutcome;
  try {
    const result = await deps.service.recompute(scoreOptionsOf(settings));
    if (result.noTable) {
      outcome = { ok: false, message: hostMessage("noTable", { sheet: result.sheet.name }, lang) };
    } else {
      // Every form on the sheet was scored; with stacked forms, each one's total is named in turn.
      const forms = result.forms?.map((f) => f.evaluation) ?? [result.evaluation];
      const totals = forms.filter((e) => e.total !== null);
      const total = totals.length > 0 ? totals[0].total : null;
      const detail = totals
        .map((e) => `${(e.total as number).toFixed(2)}${e.grade ? `（${e.grade}）` : ""}`)
        .join("；");
      outcome = {
        ok: true,
        message:
          total === null
            ? hostMessage("recomputeDoneNoTotal", { count: result.writtenCells }, lang)
            : hostMessage("recomputeDone", { detail }, lang),
      };
    }
  } catch (error) {
    const message =
      error instanceof HostError
        ? error.message
        : hostMessage(
            "unknown",
            { detail: error instanceof Error ? error.message : String(error) },
            lang
          );
    outcome = { ok: false, message };
  }
  if (!outcome.ok) await deps.notify(outcome.message).catch(() => undefined);
  return outcome;
}
