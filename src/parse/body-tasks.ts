import type { Section } from "../model/document.js";
import type { Line } from "../model/source.js";
import { structureLexicon } from "../text/lexicons.js";
import { nodeLines, type OutlineNode } from "./outline.js";

/** A body task found in the outline, before its fields are read. */
export interface TaskNode {
  node: OutlineNode;
  section: number | null;
  sectionTitle: string | null;
  /** The task is a task section without numbered children (it stands for itself). */
  isSection: boolean;
}

/**
 * Chooses the task part of the outline and its tasks. The task part is the top-level heading
 * named like 主要任务/重点任务; when there is none, every top-level heading that is not 总体要求,
 * 保障措施 and the like. Within it, a heading with numbered children is a task section and its
 * children are tasks; a heading without children is a task on its own.
 */
export function selectTasks(roots: OutlineNode[]): { tasks: TaskNode[]; sections: Section[] } {
  const { taskPartHeadings, nonTaskHeadings } = structureLexicon();
  const named = roots.filter((r) => taskPartHeadings.some((w) => titleOf(r).includes(w)));
  const candidates: OutlineNode[] =
    named.length > 0
      ? named.flatMap((r) => r.children)
      : roots.filter((r) => !nonTaskHeadings.some((w) => titleOf(r).startsWith(w)));
  const isSectioned = candidates.some((c) => c.children.length > 0);
  const taskSectionOf = new Map<OutlineNode, number>();
  const tasks: TaskNode[] = [];
  let sectionIndex = 0;
  for (const candidate of candidates) {
    if (!isSectioned) {
      tasks.push({ node: candidate, section: null, sectionTitle: null, isSection: false });
      continue;
    }
    sectionIndex++;
    taskSectionOf.set(candidate, sectionIndex);
    const sectionTitle = titleOf(candidate);
    const isSection = candidate.children.length === 0;
    const members = isSection ? [candidate] : candidate.children;
    for (const node of members)
      tasks.push({ node, section: sectionIndex, sectionTitle, isSection });
  }
  const taskNodes = new Set(tasks.map((t) => t.node));
  return { tasks, sections: outlineSections(roots, taskNodes, taskSectionOf) };
}

/** The heading of a node: its head line up to the first 。 (or the whole line). */
export function titleOf(node: OutlineNode): string {
  const at = node.head.text.indexOf("。");
  return (at >= 0 ? node.head.text.slice(0, at) : node.head.text).trim();
}

function outlineSections(
  roots: OutlineNode[],
  taskNodes: Set<OutlineNode>,
  taskSectionOf: Map<OutlineNode, number>,
): Section[] {
  const out: Section[] = [];
  const walk = (nodes: OutlineNode[], depth: number, path: string) => {
    for (const node of nodes) {
      const id = path ? `${path}/${node.label}` : node.label;
      if (!taskNodes.has(node) || taskSectionOf.has(node)) {
        out.push({
          id,
          depth,
          marker: node.marker,
          label: node.label,
          title: titleOf(node),
          line: node.head.line,
          taskSection: taskSectionOf.get(node) ?? null,
        });
      }
      if (!taskNodes.has(node)) walk(node.children, depth + 1, id);
    }
  };
  walk(roots, 1, "");
  return out;
}

/** The lines of a task: its heading and everything under it. */
export function taskLines(task: TaskNode): Line[] {
  return nodeLines(task.node);
}
