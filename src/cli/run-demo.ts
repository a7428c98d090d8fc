import { readdirSync } from "node:fs";
import { join } from "node:path";
import { compareDocuments } from "../compare.js";
import { fold } from "../ingest/fold.js";
import type { PlanDocument } from "../model/document.js";
import { parseFile } from "../pipeline.js";
import { extensionOf, type FormatId, formatters } from "../report/index.js";
import { parseFormatters } from "../report/parse-formats.js";
import { writeFileAtomic } from "../util/write-atomic.js";

/** The reports the demo writes for each comparison. */
const DEMO_FORMATS = ["json", "md", "html", "xlsx"] as const satisfies readonly FormatId[];

/**
 * `plandiff demo`: parses the bundled documents in data/, writes their task lists (JSON and
 * Markdown) into reports/, and compares every lower-level plan that cites a bundled parent with it.
 */
export async function runDemo(options: { data: string; out: string }): Promise<number> {
  const files = readdirSync(options.data)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  const all: PlanDocument[] = [];
  for (const file of files) {
    const documents: PlanDocument[] = await parseFile(join(options.data, file));
    all.push(...documents);
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
  for (const child of all) {
    const parent = citedParent(child, all);
    if (!parent) continue;
    const result = compareDocuments(parent, child);
    const name = `compare-${stemOf(parent)}-${stemOf(child)}`;
    for (const format of DEMO_FORMATS) {
      const output = await formatters[format](result, { color: false, lang: "zh" });
      writeFileAtomic(join(options.out, `${name}.${extensionOf(format)}`), output);
    }
    const { body, appendix } = result.summary;
    process.stdout.write(
      `${stemOf(parent)} → ${stemOf(child)}: 正文覆盖率 ${(body.coverage * 100).toFixed(0)}%（缺 ${body.missing.length} 项，新增 ${body.added.length} 项），清单覆盖率 ${(appendix.coverage * 100).toFixed(0)}%，问题 ${result.findings.length} 条 → ${options.out}/${name}.{${DEMO_FORMATS.map((f) => extensionOf(f)).join(",")}}\n`,
    );
  }
  return 0;
}

/** The bundled document a child cites by 文号 or title, if any. */
function citedParent(child: PlanDocument, all: PlanDocument[]): PlanDocument | undefined {
  return all.find(
    (doc) =>
      doc !== child &&
      child.references.some(
        (r) =>
          (r.docNumber !== null && r.docNumber === doc.docNumber) ||
          (r.title !== null && doc.planTitle !== null && sameTitle(r.title, doc.planTitle)),
      ),
  );
}

function sameTitle(a: string, b: string): boolean {
  const key = (s: string) => fold(s).replace(/\s/g, "");
  return key(a) === key(b);
}

function stemOf(doc: PlanDocument): string {
  return `${doc.file.replace(/^.*\//, "").slice(0, 3)}${doc.index > 1 ? `#${doc.index}` : ""}`;
}
