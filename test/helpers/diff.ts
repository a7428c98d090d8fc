import { createContext } from "../../src/diff/context.js";
import type { DiffContext } from "../../src/diff/rule.js";
import type { Alignment, ParentCoverage, Relation } from "../../src/model/alignment.js";
import type { PlanDocument } from "../../src/model/document.js";
import type { Lang } from "../../src/model/lang.js";

/** A link between two real tasks, as the matcher would make it. */
export function link(parent: string, child: string, relation: Relation = "reworded"): Alignment {
  return {
    parent,
    child,
    relation,
    score: 0.9,
    evidence: { signals: {}, sharedTerms: [], sentences: [] },
  };
}

/** A rule context over two parsed plans with hand-made links (section i ↔ section i). */
export function contextOf(
  parent: PlanDocument,
  child: PlanDocument,
  alignments: Alignment[],
  lang: Lang = "zh",
  coverage: ParentCoverage[] = [],
): DiffContext {
  const sections = parent.sections.flatMap((s) => (s.taskSection ? [s.taskSection] : []));
  return createContext({
    parent,
    child,
    alignments,
    sectionAlignments: sections.map((s) => ({ parent: s, child: s, score: 1 })),
    lang,
    coverage,
  });
}
