import type { ParentCoverage } from "../model/alignment.js";
import type { PlanDocument } from "../model/document.js";
import { parentIndex } from "./candidates.js";
import type { TaskFeatures } from "./task-features.js";

/**
 * A parent sentence counts as carried when some child sentence (of any body or safeguard task)
 * scores at least this cosine with it under the pair's tf-idf model. Chosen on the real pairs
 * (data/real, gold in test/fixtures/real-gold): real children paraphrase, so even carried
 * sentences rarely score above 0.5, while every task the gold calls missing must keep coverage 0
 * (their best sentences reach 0.28 on generic words such as 智慧医疗; with the background term
 * weights, just under 0.33): 0.35 keeps a small margin above that, and every parent task it
 * covers for half or more names a child task the gold links it to (including a task moved into
 * the child's safeguards).
 */
export const SENTENCE_CARRIED = 0.35;

/**
 * Coverage of each parent body / safeguard task (in parent order): the mass-weighted share of its
 * sentences whose best match among all the child's body and safeguard sentences reaches
 * `SENTENCE_CARRIED`, and the child tasks holding those best matches with the share each carries.
 * Independent of the links: a parent task merged into a child task under a new title, split over
 * several, or moved into the safeguards is carried where its sentences are.
 *
 * One pass over the child's sentences, each scored against every parent sentence through the
 * parent's sentence index (the same index the candidate generation uses, kept with the parent).
 * Appendix rows are left out: they are one-line titles, linked by `prepareAppendix`.
 */
export function parentCoverage(
  parentDoc: PlanDocument,
  parents: readonly TaskFeatures[],
  children: readonly TaskFeatures[],
  threshold: number = SENTENCE_CARRIED,
): ParentCoverage[] {
  const sentences = parents.flatMap((p) => p.sentences.map((s) => s.vector));
  const index = parentIndex(parentDoc, "body-sentences", sentences);
  const best = new Array<number>(sentences.length).fill(0);
  const carrier = new Array<number>(sentences.length).fill(-1);
  const row = new Array<number>(sentences.length).fill(0);
  children.forEach((c, j) => {
    for (const s of c.sentences) {
      for (const k of index.scores(s.vector, sentences, row)) {
        const v = row[k] as number;
        row[k] = 0;
        // Strictly greater: ties go to the earlier child task (deterministic).
        if (v > (best[k] as number)) {
          best[k] = v;
          carrier[k] = j;
        }
      }
    }
  });
  let offset = 0;
  return parents.map((p) => {
    let total = 0;
    const shares = new Map<number, number>();
    for (const s of p.sentences) {
      const k = offset++;
      total += s.mass;
      if ((best[k] as number) >= threshold) {
        const j = carrier[k] as number;
        shares.set(j, (shares.get(j) ?? 0) + s.mass);
      }
    }
    const carriedBy = [...shares]
      .map(([j, mass]) => ({
        child: (children[j] as TaskFeatures).task.id,
        order: j,
        share: total > 0 ? mass / total : 0,
      }))
      .sort((a, b) => b.share - a.share || a.order - b.order)
      .map(({ child, share }) => ({ child, share: round(share) }))
      .filter((c) => c.share > 0);
    const covered = total > 0 ? [...shares.values()].reduce((a, b) => a + b, 0) / total : 0;
    return { parent: p.task.id, coverage: round(covered), carriedBy };
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;
