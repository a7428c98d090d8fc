/**
 * Checks of the diff engine against the public gold (002 → 000): deadline drift labels on the
 * gold's own links, and the `obligatory` flags of the parent's body tasks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PlanDocument } from "../../src/model/document.js";
import { ROOT } from "./datasets.js";
import { driftAgreement } from "./drift.js";

const GOLD = join(ROOT, "test", "fixtures", "gold");

/** Lines of a small Markdown table: drift agreement and obligatory-flag agreement. */
export function findingChecks(parent: PlanDocument, child: PlanDocument): string[] {
  const drift = driftAgreement(join(GOLD, "002-000.appendix.json"), parent, child, {
    skip: ["different"],
  });
  // Read directly: the gold schema of datasets.ts keeps only what the matcher is scored on.
  const body = JSON.parse(readFileSync(join(GOLD, "002-000.body.json"), "utf8")) as {
    parentTasks: { id: string; obligatory?: boolean }[];
  };
  const flagged = body.parentTasks.filter((t) => t.obligatory !== undefined);
  const agreeing = flagged.filter(
    (t) => parent.tasks.find((x) => x.id === t.id)?.obligatory === t.obligatory,
  );
  const pct = (a: number, b: number) =>
    `${a} / ${b} (${b === 0 ? "–" : ((100 * a) / b).toFixed(0)}%)`;
  return [
    "| diff-engine check (public gold 002 → 000) | agreement |",
    "|---|---|",
    `| deadline drift labels on the gold's appendix links (\`different\` not scored) | ${pct(drift.agree, drift.scored)} |`,
    `| \`obligatory\` flags of the parent's body tasks | ${pct(agreeing.length, flagged.length)} |`,
  ];
}
