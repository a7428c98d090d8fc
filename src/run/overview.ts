import { join } from "node:path";
import type { Lang } from "../model/lang.js";
import type { RunRecord } from "../model/run.js";
import { writeFileAtomic } from "../util/write-atomic.js";
import { overviewHtml } from "./overview-html.js";
import { overviewMarkdown } from "./overview-markdown.js";

/** Writes the run's overview (overview.md, overview.html) into its folder. */
export function writeOverview(dir: string, record: RunRecord, lang: Lang): void {
  writeFileAtomic(join(dir, "overview.md"), overviewMarkdown(record, lang));
  writeFileAtomic(join(dir, "overview.html"), overviewHtml(record, lang));
}
