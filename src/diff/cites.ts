import type { PlanDocument } from "../model/document.js";
import { fold } from "../text/fold.js";

/** A title or 文号 compared without spaces, quotes and brackets, folded. */
const key = (s: string) => fold(s).replace(/[\s“”"‘’'《》〈〉]/g, "");

/**
 * The plan a title names: 「…关于印发X的通知」 names X, so either form of a title matches the other
 * (a child cites the plan, the parent's cover carries the notice's title, or the reverse).
 */
function planOf(title: string): string {
  const k = key(title);
  const m = /印发(.+?)的通知$/u.exec(k);
  return m?.[1] ?? k;
}

/** Whether `citing` cites `cited` by its 文号 or its title (or the plan its notice issues). */
export function cites(citing: PlanDocument, cited: PlanDocument): boolean {
  const titles = [cited.title, cited.planTitle].flatMap((t) => (t ? [planOf(t)] : []));
  const number = cited.docNumber ? key(cited.docNumber) : null;
  return citing.references.some((r) => {
    if (r.docNumber !== null && number !== null && key(r.docNumber) === number) return true;
    if (r.title === null) return false;
    // Whole titles only: a child's own title contains its parent's (X实施方案 contains X).
    return titles.includes(planOf(r.title));
  });
}
