import type { Alignment } from "../../model/alignment.js";
import type { CompareResult } from "../../model/compare.js";
import type { Task } from "../../model/task.js";

/** One line of the two-column view: an alignment, a missing parent task or an added child task. */
export interface AlignmentRow {
  parent: Task | null;
  child: Task | null;
  link: Alignment | null;
}

/**
 * Rows under one heading: a parent task section, the safeguards (保障措施), the task table, or
 * added tasks placed nowhere.
 */
export interface RowGroup {
  kind: "section" | "safeguards" | "appendix" | "other";
  /** The parent task section (kind "section"), else null. */
  section: number | null;
  rows: AlignmentRow[];
}

interface Lookup {
  childOrder: Map<string, number>;
  childById: Map<string, Task>;
  linksByParent: Map<string, Alignment[]>;
  /** Child task section → the parent section aligned with it. */
  parentSectionOf: Map<number, number>;
}

/**
 * Groups the alignment into rows: each parent task in document order with its child tasks (or a
 * missing row), and each child task no alignment names inserted after the nearest child task
 * before it, in the group of its section. Groups: the parent's body sections, its safeguards
 * (with the child's safeguards no alignment names), its task table, then the child's body tasks
 * added outside any aligned section. A link may cross sources (a parent safeguard carried by a
 * child body task): the child task shows in the row of its parent task.
 */
export function buildRowGroups(result: CompareResult): RowGroup[] {
  const lookup = lookupOf(result);
  const linked = new Set(result.alignments.map((a) => a.child));
  const added = result.child.tasks.filter((t) => !linked.has(t.id));
  const placed = new Set<string>();
  const groups: RowGroup[] = bodySections(result.parent.tasks).map((section) => {
    const extra = added.filter(
      (t) =>
        t.source === "body" &&
        t.section !== null &&
        lookup.parentSectionOf.get(t.section) === section,
    );
    for (const t of extra) placed.add(t.id);
    const parents = result.parent.tasks.filter((t) => t.source === "body" && t.section === section);
    return { kind: "section", section, rows: rowsOf(parents, extra, lookup) };
  });
  groups.push({
    kind: "safeguards",
    section: null,
    rows: rowsOf(
      result.parent.tasks.filter((t) => t.source === "safeguards"),
      added.filter((t) => t.source === "safeguards"),
      lookup,
    ),
  });
  const appendixParents = result.parent.tasks.filter((t) => t.source === "appendix");
  const appendixAdded = added.filter((t) => t.source === "appendix");
  groups.push({
    kind: "appendix",
    section: null,
    rows: rowsOf(appendixParents, appendixAdded, lookup),
  });
  const rest = added.filter((t) => t.source === "body" && !placed.has(t.id));
  groups.push({ kind: "other", section: null, rows: rest.map(addedRow) });
  return groups.filter((g) => g.rows.length > 0);
}

function lookupOf(result: CompareResult): Lookup {
  const linksByParent = new Map<string, Alignment[]>();
  for (const link of result.alignments) {
    linksByParent.set(link.parent, [...(linksByParent.get(link.parent) ?? []), link]);
  }
  return {
    childOrder: new Map(result.child.tasks.map((t, i) => [t.id, i])),
    childById: new Map(result.child.tasks.map((t) => [t.id, t])),
    linksByParent,
    parentSectionOf: new Map(result.sectionAlignments.map((s) => [s.child, s.parent])),
  };
}

function bodySections(tasks: readonly Task[]): number[] {
  const sections: number[] = [];
  for (const t of tasks) {
    if (t.source === "body" && t.section !== null && !sections.includes(t.section)) {
      sections.push(t.section);
    }
  }
  return sections;
}

function rowsOf(parents: readonly Task[], added: readonly Task[], lookup: Lookup): AlignmentRow[] {
  const rows = parents.flatMap((parent) => rowsOfParent(parent, lookup));
  return placeAdded(rows, added, lookup.childOrder);
}

function rowsOfParent(parent: Task, lookup: Lookup): AlignmentRow[] {
  const order = (link: Alignment) => lookup.childOrder.get(link.child) ?? Number.MAX_SAFE_INTEGER;
  const links = [...(lookup.linksByParent.get(parent.id) ?? [])].sort(
    (a, b) => order(a) - order(b),
  );
  if (links.length === 0) return [{ parent, child: null, link: null }];
  return links.map((link) => ({ parent, child: lookup.childById.get(link.child) ?? null, link }));
}

function addedRow(child: Task): AlignmentRow {
  return { parent: null, child, link: null };
}

/** Inserts each added child task after the row holding the closest child task before it. */
function placeAdded(
  rows: AlignmentRow[],
  added: readonly Task[],
  order: Map<string, number>,
): AlignmentRow[] {
  const after = new Map<number, AlignmentRow[]>();
  for (const task of added) {
    const at = anchorRow(rows, order.get(task.id) ?? 0, order);
    after.set(at, [...(after.get(at) ?? []), addedRow(task)]);
  }
  return [...(after.get(-1) ?? []), ...rows.flatMap((row, i) => [row, ...(after.get(i) ?? [])])];
}

/** Index of the row whose child comes last before `position` in the child plan, or -1. */
function anchorRow(rows: readonly AlignmentRow[], position: number, order: Map<string, number>) {
  let best = -1;
  let bestPosition = -1;
  rows.forEach((row, i) => {
    const p = row.child ? (order.get(row.child.id) ?? -1) : -1;
    if (p < position && p >= bestPosition && p >= 0) {
      best = i;
      bestPosition = p;
    }
  });
  return best;
}
