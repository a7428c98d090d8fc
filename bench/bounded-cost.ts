/**
 * Bounded cost on huge plans (docs/performance.md, "Bounded cost"): one comparison of a generated
 * child of N numbered tasks (bench/big-plan.ts) with the province seed, or with a generated parent
 * of M tasks. Prints wall time and peak RSS of this process.
 * Usage: tsx bench/bounded-cost.ts [N=5000] [M=0: the province seed]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareDocuments } from "../src/compare.js";
import type { PlanDocument } from "../src/model/document.js";
import { parseDocument } from "../src/pipeline.js";
import { bigPlanText } from "./big-plan.js";
import { PARENT } from "./eval/datasets.js";

const n = Number(process.argv[2] ?? 5000);
const m = Number(process.argv[3] ?? 0);
const dir = join(tmpdir(), "plandiff-bench", "bounded-cost");
mkdirSync(dir, { recursive: true });

async function generated(count: number, title: string): Promise<PlanDocument> {
  const file = join(dir, `${title}-${count}.txt`);
  writeFileSync(file, bigPlanText(count, title));
  return parseDocument(file);
}

const child = await generated(n, "某市建设行动计划");
const parent = m > 0 ? await generated(m, "某省建设行动计划") : await parseDocument(PARENT);
const started = performance.now();
const result = compareDocuments(parent, child);
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    parentTasks: parent.tasks.length,
    childTasks: child.tasks.length,
    ms: Math.round(ms),
    rssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    alignments: result.alignments.length,
    findings: result.findings.length,
  }),
);
