import type { Finding, Severity } from "../model/finding.js";
import type { Lang } from "../model/lang.js";
import { aliasKeys } from "../text/units.js";
import { dedupe } from "./postprocess/dedupe.js";
import { filterSeverity } from "./postprocess/filter-severity.js";
import { sortFindings } from "./postprocess/sort.js";
import type { DiffContext } from "./rule.js";
import { type RuleId, rules } from "./rules/index.js";

export { createContext } from "./context.js";
export { filterSeverity } from "./postprocess/filter-severity.js";
export type { DiffContext, DiffRule } from "./rule.js";
export { type RuleId, rules } from "./rules/index.js";
export { pairVerdict, rateUnderVerdict } from "./verdict.js";

/** Which rules run and which findings are kept. */
export interface DiffOptions {
  /** Rules switched off (all run by default). */
  disabled: RuleId[];
  /** Findings below this severity are dropped. */
  minSeverity: Severity;
  lang: Lang;
  /** The user's unit aliases (`units:` in the run config), as `[from, to]` pairs. */
  unitAliases?: readonly (readonly [string, string])[];
}

export const DEFAULT_DIFF_OPTIONS: DiffOptions = { disabled: [], minSeverity: "info", lang: "zh" };

/** Runs the enabled rules, then dedupe → severity threshold → sort. */
export function runRules(
  base: DiffContext,
  options: Pick<DiffOptions, "disabled" | "minSeverity" | "unitAliases">,
): Finding[] {
  const context =
    options.unitAliases && options.unitAliases.length > 0
      ? { ...base, unitAliases: aliasKeys(options.unitAliases) }
      : base;
  const found = (Object.keys(rules) as RuleId[])
    .filter((id) => !options.disabled.includes(id))
    .flatMap((id) => rules[id].check(context));
  return sortFindings(filterSeverity(dedupe(found), options.minSeverity));
}
