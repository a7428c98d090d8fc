import { createHash } from "node:crypto";
import type { PlanDocument } from "../model/document.js";
import type { Finding } from "../model/finding.js";
import type { FindingRef } from "../model/run.js";
import type { Task } from "../model/task.js";
import { fold } from "../text/fold.js";
import { weakCache } from "../util/caches.js";

/** A task by what it says, not by its number: renumbering keeps the key, rewording changes it. */
function taskKey(doc: PlanDocument, id: string | null): string {
  if (id === null) return "-";
  const task = doc.tasks.find((t) => t.id === id);
  if (!task) return `id:${id}`;
  let key = keys.get(task);
  if (key === undefined) {
    const title = fold(task.title).replace(/[\s\p{P}]/gu, "");
    key = `${task.source}:${createHash("sha256").update(title).digest("hex").slice(0, 12)}`;
    keys.set(task, key);
  }
  return key;
}

/** Keys by task: a task has several findings, and a parent's tasks come back for every child. */
const keys = weakCache<Task, string>("findingKeys");

/** The finding as remembered between runs. */
export function findingRef(
  finding: Finding,
  parent: PlanDocument,
  child: PlanDocument,
): FindingRef {
  return {
    key: `${finding.kind}|${taskKey(parent, finding.parent)}|${taskKey(child, finding.child)}`,
    kind: finding.kind,
    severity: finding.severity,
    parent: finding.parent,
    child: finding.child,
    message: finding.message,
    waived: finding.waiver !== null,
  };
}
