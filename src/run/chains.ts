import type { Alignment } from "../model/alignment.js";
import type { Chain, RunInput } from "../model/run.js";
import type { Task } from "../model/task.js";

/** The links of one compared pair, keyed by child document id. */
export interface PairLinks {
  parent: string;
  child: string;
  alignments: Pick<Alignment, "parent" | "child" | "relation">[];
}

/**
 * Chains of three or more levels (province → city → district): for each body task of the top
 * document, which tasks carry it at each level below, and where it is lost.
 */
export function buildChains(
  inputs: RunInput[],
  documents: Map<string, { tasks: Pick<Task, "id" | "title" | "source">[] }>,
  pairs: PairLinks[],
): Chain[] {
  const parentOf = new Map(inputs.flatMap((i) => (i.parent ? [[i.id, i.parent] as const] : [])));
  const linksOf = new Map(pairs.map((p) => [p.child, p.alignments]));
  const hasChildren = new Set(parentOf.values());
  const chains: Chain[] = [];
  for (const leaf of inputs.filter((i) => !hasChildren.has(i.id))) {
    const path = [leaf.id];
    let current = leaf.id;
    while (parentOf.has(current) && path.length < 10) {
      current = parentOf.get(current) as string;
      if (path.includes(current)) break;
      path.unshift(current);
    }
    if (path.length < 3) continue;
    const top = documents.get(path[0] as string);
    if (!top) continue;
    const traces = top.tasks
      .filter((t) => t.source === "body")
      .map((task) => {
        let carriers = [task.id];
        const steps: Chain["traces"][number]["steps"] = [];
        let lostAt: string | null = null;
        for (const docId of path.slice(1)) {
          const links = linksOf.get(docId) ?? [];
          carriers = [
            ...new Set(links.filter((l) => carriers.includes(l.parent)).map((l) => l.child)),
          ];
          steps.push({ document: docId, tasks: carriers });
          if (carriers.length === 0 && lostAt === null) lostAt = docId;
        }
        return { task: task.id, title: task.title, steps, lostAt };
      });
    chains.push({ documents: path, traces });
  }
  return chains;
}
