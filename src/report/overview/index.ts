import type { OverviewFormatter } from "./formatter.js";
import { overviewHtml } from "./html.js";
import { overviewMarkdown } from "./markdown.js";

/**
 * Formats of the run overview: the only list. A run writes `overview.<id>` for each, in this
 * order, into its folder.
 */
export const overviewFormatters = {
  md: overviewMarkdown,
  html: overviewHtml,
} as const satisfies Record<string, OverviewFormatter>;

export type OverviewFormatId = keyof typeof overviewFormatters;
