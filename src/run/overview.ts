import { join } from "node:path";
import type { Lang } from "../model/lang.js";
import type { RunRecord } from "../model/run.js";
import { overviewFormatters } from "../report/overview/index.js";
import { writeFileAtomic } from "../util/write-atomic.js";
import { overviewData } from "./overview-data.js";

/** Writes the run's overview (`overview.md`, `overview.html`: one file per format) into its folder. */
export function writeOverview(dir: string, record: RunRecord, lang: Lang): void {
  const data = overviewData(record);
  for (const [format, render] of Object.entries(overviewFormatters))
    writeFileAtomic(join(dir, `overview.${format}`), render(data, lang));
}
