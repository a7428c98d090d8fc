import type { Alignment, ParentCoverage, SectionAlignment } from "../model/alignment.js";
import type { PlanDocument } from "../model/document.js";
import type { Span } from "../model/finding.js";
import type { Lang } from "../model/lang.js";
import type { Task } from "../model/task.js";
import { type Restatement, restatements } from "./restates.js";
import type { DiffContext } from "./rule.js";

/** Builds the lookups rules share. */
export function createContext(input: {
  parent: PlanDocument;
  child: PlanDocument;
  alignments: Alignment[];
  sectionAlignments: SectionAlignment[];
  lang: Lang;
  /** Per parent task coverage (src/align/coverage.ts); without it no task reads as partly carried. */
  coverage?: ParentCoverage[];
}): DiffContext {
  const parentTasks = new Map(input.parent.tasks.map((t) => [t.id, t]));
  const childTasks = new Map(input.child.tasks.map((t) => [t.id, t]));
  const byParent = group(input.alignments, (a) => a.parent);
  const byChild = group(input.alignments, (a) => a.child);
  const coverage = new Map((input.coverage ?? []).map((c) => [c.parent, c]));
  const { coverage: _, ...rest } = input;
  let restated: Map<string, Restatement> | undefined;
  const restatedMap = (): Map<string, Restatement> => {
    restated ??= restatements(
      input.parent,
      input.child.tasks.filter((t) => !byChild.has(t.id)),
    );
    return restated;
  };
  return {
    ...rest,
    restated: (id) => restatedMap().get(id),
    restatersOf: (id) => input.child.tasks.filter((t) => restatedMap().get(t.id)?.parent.id === id),
    parentTask: (id) => parentTasks.get(id),
    childTask: (id) => childTasks.get(id),
    linksOfParent: (id) => byParent.get(id) ?? [],
    linksOfChild: (id) => byChild.get(id) ?? [],
    coverageOf: (id) => coverage.get(id),
  };
}

function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The task quoted as evidence: its full text, where it stands. */
export function spanOf(document: Span["document"], task: Task): Span {
  return { document, task: task.id, text: task.text, line: task.line };
}

/** Picks the message in the report's language. */
export function say(lang: Lang, zh: string, en: string): string {
  return lang === "zh" ? zh : en;
}

/** 「B3.4 健全行政问责工作机制」 */
export function named(task: Task, lang: Lang): string {
  return say(lang, `${task.id}「${task.title}」`, `${task.id} “${task.title}”`);
}
