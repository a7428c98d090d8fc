/**
 * The smallest valid rule: copy this file to `<id>.ts`, rename, implement `check`, add the id to
 * `FINDING_KINDS` (`model/finding.ts`) and one line to `rules/index.ts`. Files starting with `_`
 * are never registered.
 */
import type { DiffRule } from "../rule.js";

export const template: DiffRule<"template"> = {
  id: "template",
  title: { zh: "示例规则", en: "Example rule" },
  defaultSeverity: "info",
  check: () => [],
};
