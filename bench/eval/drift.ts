/**
 * Deadline-drift labelling measured on a gold appendix file: for each gold link that carries a
 * `deadline.drift`, the parsed tasks' deadlines are labelled with `driftOf` and compared with the
 * gold label. The gold's own links are used, so the figure measures labelling (deadline parsing
 * plus `driftOf`), not alignment.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { type DriftLabel, driftOf } from "../../src/diff/deadline-drift-label.js";
import type { PlanDocument } from "../../src/model/document.js";
import { DriftSchema } from "../../src/model/finding.js";
import type { Task } from "../../src/model/task.js";

const DriftLabelSchema = DriftSchema.shape.label;

/** The part of a gold file this measure reads: links with their deadline annotation. */
const GoldDriftFileSchema = z.object({
  links: z.array(
    z.object({
      parent: z.string(),
      child: z.string(),
      deadline: z
        .object({ parent: z.string(), child: z.string(), drift: DriftLabelSchema })
        .optional(),
    }),
  ),
});

/** One gold link whose label we do not reproduce. */
export interface DriftDisagreement {
  /** Parent task id and the deadline we parsed for it: `A26「2019年底基本完成」` (id alone if not parsed). */
  parent: string;
  /** Child task id and its parsed deadline, as for `parent`. */
  child: string;
  gold: string;
  /** Our label, or "missing task" when the parser produced no task with one of the ids. */
  ours: string;
}

const shown = (id: string, task: Task | undefined): string =>
  task === undefined ? id : `${id}「${task.deadline.raw}」`;

/** Agreement of our drift labels with the gold's, over the links scored. */
export interface DriftAgreement {
  agree: number;
  scored: number;
  disagreements: DriftDisagreement[];
}

/** Labels the drift of every annotated gold link; `skip` leaves gold labels out of the score. */
export interface DriftAgreementOptions {
  skip?: readonly DriftLabel[];
}

/**
 * Scores drift labelling on the gold file's own links: each link with a `deadline.drift` (and a
 * label not in `options.skip`) counts once; it agrees when `driftOf` on the parsed parent and
 * child tasks' deadlines gives the gold label. A task the parser did not produce is a
 * disagreement.
 *
 * @param goldFile path of a gold appendix file (test/fixtures/gold/SCHEMA.md).
 * @param parent the parsed parent plan named by the gold file.
 * @param child the parsed child plan named by the gold file.
 */
export function driftAgreement(
  goldFile: string,
  parent: PlanDocument,
  child: PlanDocument,
  options: DriftAgreementOptions = {},
): DriftAgreement {
  const gold = GoldDriftFileSchema.parse(JSON.parse(readFileSync(goldFile, "utf8")));
  const parentTasks = new Map(parent.tasks.map((t) => [t.id, t]));
  const childTasks = new Map(child.tasks.map((t) => [t.id, t]));
  const skip = new Set(options.skip ?? []);
  let agree = 0;
  let scored = 0;
  const disagreements: DriftDisagreement[] = [];
  for (const link of gold.links) {
    if (link.deadline === undefined || skip.has(link.deadline.drift)) continue;
    scored++;
    const p = parentTasks.get(link.parent);
    const c = childTasks.get(link.child);
    const ours = p && c ? driftOf(p.deadline, c.deadline).label : "missing task";
    if (ours === link.deadline.drift) agree++;
    else {
      disagreements.push({
        parent: shown(link.parent, p),
        child: shown(link.child, c),
        gold: link.deadline.drift,
        ours,
      });
    }
  }
  return { agree, scored, disagreements };
}
