/**
 * The smallest valid rule: copy this file to `<id>.ts`, rename, implement `check`, and add one
 * line to `rules/index.ts`. Files starting with `_` are never registered.
 */
import type { DiffRule } from "../rule.js";

export const template: DiffRule = {
  id: "template",
  title: { zh: "示例规则", en: "Example rule" },
  defaultSeverity: "info",
  check: () => [],
};
