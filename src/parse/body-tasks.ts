import type { OutlineEntry, OutlineWhy, Section } from "../model/document.js";
import type { Line } from "../model/source.js";
import { structureLexicon } from "../text/lexicons.js";
import { numeralValue } from "../text/numerals.js";
import { headedLines } from "./headed.js";
import { nodeLines, type OutlineNode, printedHeading } from "./outline.js";

/** A task found in the outline, before its fields are read. */
export interface TaskNode {
  node: OutlineNode;
  id: string;
  source: "body" | "safeguards";
  section: number | null;
  sectionTitle: string | null;
  /** The headings above the task, top-level part first. */
  path: string[];
}

/** What the outline says: the tasks and safeguards, the sections, the annotated heading tree. */
export interface OutlineReading {
  tasks: TaskNode[];
  safeguards: TaskNode[];
  sections: Section[];
  outline: OutlineEntry[];
}

type PartKind = "tasks" | "safeguards" | "context";

/**
 * Reads tasks from the outline. The top-level parts are sorted into the task part (named like
 * 主要任务/重点任务/实施路径; when none is named, every part that is neither context nor
 * safeguards), the safeguards (保障措施, 组织实施, 加强组织保障…) and context (总体要求, 主要目标,
 * 重要意义…). Within a task part, the tasks are its lowest numbered items — a group (a heading
 * with numbered children) is not a task, its lead paragraph is context — and, where a group
 * numbers nothing below it but holds two or more headed paragraphs (「强化标准引领。…」), those
 * paragraphs. Goals and 专栏 inside a part are context.
 */
export function readOutline(roots: OutlineNode[]): OutlineReading {
  const kinds = new Map(roots.map((r) => [r, partKind(r)]));
  keepSafeguardsLast(roots, kinds);
  const { taskPartHeadings } = structureLexicon();
  const named = roots.filter(
    (r) => kinds.get(r) === "tasks" && taskPartHeadings.some((w) => titleOf(r).includes(w)),
  );
  if (named.length === 0) markClosingParts(roots, kinds);
  const taskParts = named.length > 0 ? named : roots.filter((r) => kinds.get(r) === "tasks");
  // Parts not chosen are context, with the reason the outline report gives.
  const roles = new Map<OutlineNode, Role>();
  for (const root of roots) {
    const kind = kinds.get(root);
    if (kind === "context") roles.set(root, { role: "context", why: "context-part", taskId: null });
    else if (kind === "safeguards")
      roles.set(root, { role: "group", why: "safeguards-part", taskId: null });
    else if (!taskParts.includes(root))
      roles.set(root, { role: "context", why: "unnamed-part", taskId: null });
  }

  // A named part holds the task sections (or, numbering nothing, its headed paragraphs); unnamed
  // parts are the sections themselves.
  const expanded = new Map<OutlineNode, OutlineNode>();
  for (const part of named) expanded.set(part, expand(part));
  const candidates =
    named.length > 0
      ? named.flatMap((r) => (expanded.get(r) as OutlineNode).children.filter(isTaskLike))
      : taskParts;
  for (const c of candidates) if (!expanded.has(c)) expanded.set(c, expand(c));
  const isSectioned = candidates.some(
    (c) => taskChildren(expanded.get(c) as OutlineNode).length > 0,
  );
  const tasks: TaskNode[] = [];
  const taskSectionOf = new Map<OutlineNode, number>();
  let sectionIndex = 0;
  for (const candidate of candidates) {
    const node = expanded.get(candidate) as OutlineNode;
    const partPath = named.length > 0 ? [parentPrinted(roots, expanded, candidate)] : [];
    if (!isSectioned) {
      const headed = node.style === "headed" ? tasks.length + 1 : 0;
      tasks.push({
        node,
        id: headed > 0 ? `Bp${headed}` : `B${node.label}`,
        source: "body",
        section: null,
        sectionTitle: null,
        path: partPath,
      });
      continue;
    }
    sectionIndex++;
    taskSectionOf.set(candidate, sectionIndex);
    const sectionTitle = titleOf(candidate);
    if (taskChildren(node).length === 0) {
      tasks.push({
        node,
        id: `B${sectionIndex}`,
        source: "body",
        section: sectionIndex,
        sectionTitle,
        path: partPath,
      });
      continue;
    }
    for (const leaf of leavesOf(node, [...partPath, node.printed], [])) {
      tasks.push({
        node: leaf.node,
        id: `B${sectionIndex}.${leaf.labels.join(".")}`,
        source: "body",
        section: sectionIndex,
        sectionTitle,
        path: leaf.path,
      });
    }
  }
  const safeguards: TaskNode[] = [];
  for (const part of roots.filter((r) => kinds.get(r) === "safeguards")) {
    const node = expand(withOrdinalParagraphs(part));
    expanded.set(part, node);
    const leaves =
      taskChildren(node).length === 0
        ? [{ node, path: [], labels: [] }]
        : leavesOf(node, [node.printed], []);
    for (const leaf of leaves) {
      safeguards.push({
        node: leaf.node,
        id: `S${safeguards.length + 1}`,
        source: "safeguards",
        section: null,
        sectionTitle: titleOf(part),
        path: leaf.path,
      });
    }
  }
  const rootSet = new Set<OutlineNode>(roots.map((r) => expanded.get(r) ?? r));
  for (const t of tasks)
    roles.set(t.node, { role: "task", why: taskWhy(t.node, rootSet.has(t.node)), taskId: t.id });
  for (const t of safeguards)
    roles.set(t.node, {
      role: "safeguard",
      why: taskWhy(t.node, rootSet.has(t.node)),
      taskId: t.id,
    });
  const bodyNodes = new Set(tasks.map((t) => t.node));
  return {
    tasks,
    safeguards,
    sections: outlineSections(roots, expanded, bodyNodes, taskSectionOf),
    outline: outlineEntries(roots, expanded, roles),
  };
}

/**
 * Closing requirements without a heading word: when the task parts number their tasks, the
 * parts after the last of them that number nothing (二、高度重视推广工作 before 三、认真抓好组织实施)
 * are exhortations to carry the tasks out, read as safeguards.
 */
function markClosingParts(roots: OutlineNode[], kinds: Map<OutlineNode, PartKind>): void {
  const isGroup = (r: OutlineNode) =>
    kinds.get(r) === "tasks" && taskChildren(expand(r)).length > 0;
  let last = -1;
  roots.forEach((r, i) => {
    if (isGroup(r)) last = i;
  });
  if (last < 0) return;
  for (const r of roots.slice(last + 1)) {
    if (kinds.get(r) === "tasks" && !r.head.norm.includes("。")) kinds.set(r, "safeguards");
  }
}

/**
 * Safeguards close a plan. A part named like them (五、健全人才激励保障机制) with task parts after
 * it, in a plan that closes with safeguards of its own (八、保障措施), is a themed task part.
 */
function keepSafeguardsLast(roots: OutlineNode[], kinds: Map<OutlineNode, PartKind>): void {
  const lastSafeguards = roots.findLastIndex((r) => kinds.get(r) === "safeguards");
  const lastTasks = roots.findLastIndex((r) => kinds.get(r) === "tasks");
  if (lastSafeguards < lastTasks) return;
  roots.forEach((r, i) => {
    if (i < lastTasks && kinds.get(r) === "safeguards") kinds.set(r, "tasks");
  });
}

function partKind(root: OutlineNode): PartKind {
  const { safeguardHeadings, nonTaskHeadings, contextHeadingWords } = structureLexicon();
  const title = titleOf(root);
  if (safeguardHeadings.some((w) => title.includes(w))) return "safeguards";
  if (nonTaskHeadings.some((w) => title.startsWith(w))) return "context";
  if (contextHeadingWords.some((w) => title.includes(w))) return "context";
  return "tasks";
}

/**
 * The children that may hold tasks: not goals, not 专栏 boxes, and not the items of a list (①②,
 * 1）2）) under a task — plans use those for the parts of one task: under a heading sentence
 * (（1）推进设施改造。), after a colon (…主要包括：①…②…; 按照以下类别确定：1）…), or continuing a
 * list the node's text began (2） the first on a line of its own). Under a theme heading that
 * states no sentence (（一）聚焦重点领域，增强服务能力), its lead ending in 。, the list's items
 * are the tasks.
 */
function taskChildren(node: OutlineNode): OutlineNode[] {
  const own = node.content.at(-1) ?? node.head;
  const firstItem = node.children.find((c) => isListStyle(c.style));
  const parts =
    node.head.norm.includes("。") ||
    /:$/.test(own.norm.trim()) ||
    (firstItem !== undefined && firstItem.label !== "1" && firstItem.label !== "①");
  return node.children.filter((c) => isTaskLike(c) && !(parts && isListStyle(c.style)));
}

/** The numbering of lists: ①②…, 1）2）… */
function isListStyle(style: OutlineNode["style"]): style is "circled" | "half-paren" {
  return style === "circled" || style === "half-paren";
}

/** A goal (主要目标) or a 专栏 box inside a task part is context, not a task. */
function isTaskLike(node: OutlineNode): boolean {
  if (node.style === "box") return false;
  const { goalHeadings, boxPrefixes } = structureLexicon();
  const title = titleOf(node);
  return (
    !goalHeadings.some((w) => title.startsWith(w)) && !boxPrefixes.some((w) => title.startsWith(w))
  );
}

/**
 * The node with its headed paragraphs as children, when it numbers nothing below it and holds
 * two or more of them; otherwise the node itself. The lines before the first headed paragraph
 * stay the node's lead.
 */
function expand(node: OutlineNode): OutlineNode {
  if (taskChildren(node).length > 0) {
    const children = node.children.map((c) => (isTaskLike(c) ? expand(c) : c));
    return children.every((c, i) => c === node.children[i]) ? node : { ...node, children };
  }
  const headed = headedLines(node.head, node.content);
  if (headed.length < 2) return node;
  const children: OutlineNode[] = headed.map((at, k) => {
    const line = node.content[at] as Line;
    const end = headed[k + 1] ?? node.content.length;
    return {
      style: "headed",
      label: "",
      head: line,
      printed: printedHeading("", line),
      content: node.content.slice(at + 1, end),
      children: [],
      inferred: false,
    };
  });
  // Boxes (专栏) after the paragraphs stay where they are, as context.
  return {
    ...node,
    content: node.content.slice(0, headed[0]),
    children: [...children, ...node.children],
  };
}

/** 一是… 二是… beginning sentences of one paragraph: the ordinal and where each begins. */
const ORDINAL = /(?<=^|[。;])[一二三四五六七八九十]{1,2}是/g;

/**
 * A safeguards part that numbers nothing and states its requirements in one paragraph of
 * 一是…。二是…。: the paragraph cut where each ordinal begins a sentence, so that each requirement
 * is a headed paragraph (a safeguard) of its own, as when printed one per line.
 */
function withOrdinalParagraphs(part: OutlineNode): OutlineNode {
  if (part.children.length > 0 || headedLines(part.head, part.content).length >= 2) return part;
  const content = part.content.flatMap((line) => {
    const starts = [...line.norm.matchAll(ORDINAL)]
      .map((m, k) => ({ at: m.index ?? 0, ordinal: numeralValue(m[0].slice(0, -1)), k }))
      .filter(({ ordinal, k }) => ordinal === k + 1);
    if (starts.length < 2) return [line];
    const cuts = [0, ...starts.map((s) => s.at).filter((at) => at > 0), line.norm.length];
    return cuts.slice(0, -1).map((from, k) => ({
      ...line,
      text: line.text.slice(from, cuts[k + 1]),
      norm: line.norm.slice(from, cuts[k + 1]),
    }));
  });
  return content.length === part.content.length ? part : { ...part, content };
}

interface Leaf {
  node: OutlineNode;
  path: string[];
  labels: string[];
}

/** The lowest task-like items under a group, with their headings' path and their labels. */
function leavesOf(group: OutlineNode, path: string[], labels: string[]): Leaf[] {
  const out: Leaf[] = [];
  let headed = 0;
  for (const child of group.children.filter(isTaskLike)) {
    const label = child.style === "headed" ? `p${++headed}` : child.label;
    if (taskChildren(child).length === 0)
      out.push({ node: child, path, labels: [...labels, label] });
    else out.push(...leavesOf(child, [...path, child.printed], [...labels, label]));
  }
  return out;
}

function parentPrinted(
  roots: OutlineNode[],
  expanded: Map<OutlineNode, OutlineNode>,
  node: OutlineNode,
): string {
  return roots.find((r) => (expanded.get(r) ?? r).children.includes(node))?.printed ?? "";
}

/** The heading of a node: its head line up to the first 。 (or the whole line). */
export function titleOf(node: OutlineNode): string {
  const at = node.head.text.indexOf("。");
  return (at >= 0 ? node.head.text.slice(0, at) : node.head.text).trim();
}

/** The sections of the numbered outline (not its headed paragraphs), as the model lists them. */
function outlineSections(
  roots: OutlineNode[],
  expanded: Map<OutlineNode, OutlineNode>,
  taskNodes: Set<OutlineNode>,
  taskSectionOf: Map<OutlineNode, number>,
): Section[] {
  const out: Section[] = [];
  const walk = (nodes: OutlineNode[], depth: number, path: string) => {
    for (const original of nodes) {
      const node = expanded.get(original) ?? original;
      const section = taskSectionOf.get(original) ?? taskSectionOf.get(node);
      // Only the four section styles are listed; the items under a chapter are, as if at its level.
      if (node.style === "chapter") {
        walk(node.children, depth, path);
        continue;
      }
      // A 节 is not listed either; its number keeps its items' ids apart (第一节 （一） / 第二节 （一）).
      if (node.style === "part") {
        walk(node.children, depth, path ? `${path}/${node.label}` : node.label);
        continue;
      }
      if (
        node.style === "headed" ||
        isListStyle(node.style) ||
        node.style === "article" ||
        node.style === "box"
      )
        continue;
      const id = path ? `${path}/${node.label}` : node.label;
      const isTask = taskNodes.has(node) || taskNodes.has(original);
      if (!isTask || section !== undefined) {
        out.push({
          id,
          depth,
          marker: node.style,
          label: node.label,
          title: titleOf(node),
          line: node.head.line,
          taskSection: section ?? null,
        });
      }
      if (!isTask) walk(node.children, depth + 1, id);
    }
  };
  walk(roots, 1, "");
  return out;
}

type Role = { role: OutlineEntry["role"]; why: OutlineWhy; taskId: string | null };

/** The annotated heading tree, in document order. */
function outlineEntries(
  roots: OutlineNode[],
  expanded: Map<OutlineNode, OutlineNode>,
  roles: Map<OutlineNode, Role>,
): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const walk = (nodes: OutlineNode[], depth: number, inContext: boolean) => {
    for (const original of nodes) {
      const node = expanded.get(original) ?? original;
      const given = roles.get(node) ?? roles.get(original);
      const { role, why, taskId } = given ?? defaultRole(node, inContext);
      out.push({
        depth,
        style: node.style,
        label: node.label,
        title: titleOf(node),
        line: node.head.line,
        role,
        taskId,
        why,
        inferred: node.inferred,
      });
      walk(node.children, depth + 1, role === "context");
    }
  };
  walk(roots, 1, false);
  return out;
}

function defaultRole(node: OutlineNode, inContext: boolean): Role {
  if (inContext) return { role: "context", why: "inside-context", taskId: null };
  if (isListStyle(node.style)) return { role: "context", why: "sub-item", taskId: null };
  if (!isTaskLike(node)) return { role: "context", why: "goal-or-box", taskId: null };
  if (node.children.length > 0) return { role: "group", why: "task-group", taskId: null };
  return { role: "context", why: "inside-context", taskId: null };
}

function taskWhy(node: OutlineNode, isRoot: boolean): OutlineWhy {
  if (node.style === "headed") return "headed-task";
  if (node.inferred) return "restored-task";
  return isRoot ? "part-task" : "numbered-task";
}

/** The lines of a task: its heading and everything under it. */
export function taskLines(task: TaskNode): Line[] {
  // A 专栏 box after a task's text lists a part's projects or figures: context, not the task's words.
  return nodeLines(task.node, true, false);
}
