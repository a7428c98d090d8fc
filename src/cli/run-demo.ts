import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { PlanDocument } from "../model/document.js";
import { parseFile } from "../pipeline.js";
import { parseFormatters } from "../report/parse-formats.js";
import { writeFileAtomic } from "../util/write-atomic.js";

/**
 * `plandiff demo`: parses the bundled documents in data/ and writes their task lists
 * (JSON and Markdown) into reports/. A later version runs the full comparison.
 */
export async function runDemo(options: { data: string; out: string }): Promise<number> {
  const files = readdirSync(options.data)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  for (const file of files) {
    const documents: PlanDocument[] = await parseFile(join(options.data, file));
    const result = { schemaVersion: 1 as const, documents };
    const stem = file.replace(/\.txt$/, "");
    writeFileAtomic(
      join(options.out, `${stem}.parse.json`),
      parseFormatters.json(result, { color: false }),
    );
    writeFileAtomic(
      join(options.out, `${stem}.parse.md`),
      parseFormatters.md(result, { color: false }),
    );
    const tasks = documents.reduce((n, d) => n + d.tasks.length, 0);
    process.stdout.write(
      `${file}: ${documents.length} 份文件，${tasks} 项任务 → ${options.out}/${stem}.parse.{json,md}\n`,
    );
  }
  return 0;
}
