import type { SectionAlignment } from "../model/alignment.js";
import type { PlanDocument } from "../model/document.js";
import { maxWeightAssignment } from "./hungarian.js";
import { type TaskFeatures, textTerms } from "./task-features.js";
import { cosine, type SparseVector, type TfIdf } from "./tfidf.js";

/** Weight of the section titles against the tasks under them. */
const TITLE_WEIGHT = 0.3;

/**
 * Aligns the two plans' task sections (十大工程 ↔ 十大行动): by their titles and by how well the
 * tasks of a child section cover the tasks of a parent section; optimal one-to-one assignment.
 */
export function alignSections(
  parent: PlanDocument,
  child: PlanDocument,
  parentTasks: TaskFeatures[],
  childTasks: TaskFeatures[],
  textSimilarity: number[][],
  model: TfIdf,
): SectionAlignment[] {
  const ps = parent.sections.filter((s) => s.taskSection !== null);
  const cs = child.sections.filter((s) => s.taskSection !== null);
  if (ps.length === 0 || cs.length === 0) return [];
  const vec = (title: string) => model.vector(textTerms(title)).vector;
  const cTitles = cs.map((s) => vec(s.title));
  // Task indexes by section, once: O(tasks) rather than O(sections² × tasks).
  const parentMembers = membersBySection(parentTasks);
  const childMembers = membersBySection(childTasks);
  const affinity = ps.map((psec) => {
    const pTitle = vec(psec.title);
    const members = parentMembers.get(psec.taskSection) ?? [];
    return cs.map((csec, j) => {
      const inChild = childMembers.get(csec.taskSection) ?? [];
      let taskScore = 0;
      for (const i of members) {
        const row = textSimilarity[i] as number[];
        let best = 0;
        for (const k of inChild) best = Math.max(best, row[k] as number);
        taskScore += best;
      }
      const tasks = members.length > 0 ? taskScore / members.length : 0;
      return TITLE_WEIGHT * cosine(pTitle, cTitles[j] as SparseVector) + (1 - TITLE_WEIGHT) * tasks;
    });
  });
  const choice = maxWeightAssignment(affinity);
  const out: SectionAlignment[] = [];
  choice.forEach((j, i) => {
    if (j < 0) return;
    out.push({
      parent: (ps[i] as { taskSection: number }).taskSection,
      child: (cs[j] as { taskSection: number }).taskSection,
      score: round((affinity[i] as number[])[j] as number),
    });
  });
  return out;
}

/** The indexes of the tasks of each section, in task order. */
function membersBySection(tasks: TaskFeatures[]): Map<number | null, number[]> {
  const out = new Map<number | null, number[]>();
  tasks.forEach((t, i) => {
    const list = out.get(t.task.section);
    if (list) list.push(i);
    else out.set(t.task.section, [i]);
  });
  return out;
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
