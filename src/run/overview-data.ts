/**
 * The tables of the run overview, computed from the stored run (the renderers in
 * `report/overview/` only print them).
 */
import type {
  ChainDocument,
  ChainRow,
  ChainView,
  Heatmap,
  HeatmapCell,
  HeatmapRow,
  LeagueRow,
  MissingTask,
  RunOverview,
} from "../model/overview.js";
import type { Chain, PairRun, RunChanges, RunInput, RunRecord } from "../model/run.js";

/** How many parent tasks the "most often missing" section lists. */
export const MOST_MISSING_LIMIT = 10;

/** What the overview shows of a stored run. */
export function overviewData(record: RunRecord): RunOverview {
  return {
    id: record.id,
    config: record.config,
    inputs: record.inputs,
    notes: record.notes,
    review: record.review,
    league: leagueTable(record),
    heatmaps: heatmap(record),
    mostMissing: mostMissing(record, MOST_MISSING_LIMIT),
    chains: chainViews(record),
    changes: changesOf(record),
  };
}

/**
 * One row per pair, the weakest first: by required coverage ascending, then fidelity ascending,
 * then child id and parent id. Linear in pairs and findings: the new findings are counted by pair
 * key once (not filtered again for every pair).
 */
export function leagueTable(record: RunRecord): LeagueRow[] {
  const inputOf = inputIndex(record);
  const newByKey = new Map<string, number>();
  for (const f of record.changes.newFindings) newByKey.set(f.pair, (newByKey.get(f.pair) ?? 0) + 1);
  // The keys a pair answers to (see isPairKey): `parent→child`, or the bare child id.
  const newFindingsOf = (pair: PairRun) =>
    (newByKey.get(`${pair.parent}→${pair.child}`) ?? 0) + (newByKey.get(pair.child) ?? 0);
  return record.pairs
    .map((pair): LeagueRow => {
      const input = inputOf(pair.child);
      let live = 0;
      let high = 0;
      for (const f of pair.findings) {
        if (f.waived) continue;
        live++;
        if (f.severity === "high") high++;
      }
      const { body, appendix, safeguards } = pair.summary;
      return {
        child: pair.child,
        childTitle: input?.title ?? null,
        parent: pair.parent,
        level: input?.level ?? "unknown",
        coverage: body.coverage,
        requiredCoverage: body.requiredCoverage,
        tableCoverage: appendix.parentTasks === 0 ? null : appendix.coverage,
        safeguardsCoverage: safeguards.parentTasks === 0 ? null : safeguards.coverage,
        fidelity: pair.summary.fidelity,
        findings: live,
        high,
        waived: pair.findings.length - live,
        newFindings: newFindingsOf(pair),
        reports: [...pair.reports],
      };
    })
    .sort(
      (a, b) =>
        a.requiredCoverage - b.requiredCoverage ||
        a.fidelity - b.fidelity ||
        compareText(a.child, b.child) ||
        compareText(a.parent, b.parent),
    );
}

/**
 * Per parent document (sorted by id): rows = its children (sorted by id), columns = its task
 * sections as the pairs' summaries list them (sorted by index), cell = carried / tasks.
 */
export function heatmap(record: RunRecord): Heatmap[] {
  const inputOf = inputIndex(record);
  const byParent = new Map<string, PairRun[]>();
  for (const pair of record.pairs) {
    const list = byParent.get(pair.parent);
    if (list) list.push(pair);
    else byParent.set(pair.parent, [pair]);
  }
  const parents = [...byParent.keys()].sort(compareText);
  return parents.map((parent) => {
    const pairs = (byParent.get(parent) as PairRun[])
      .slice()
      .sort((a, b) => compareText(a.child, b.child));
    const titles = new Map<number, string>();
    for (const pair of pairs) {
      for (const s of pair.summary.sections)
        if (!titles.has(s.parent)) titles.set(s.parent, s.title);
    }
    const columns = [...titles]
      .map(([section, title]) => ({ section, title }))
      .sort((a, b) => a.section - b.section);
    const rows = pairs.map((pair): HeatmapRow => {
      // The first summary of each section, as `find` would give.
      const bySection = new Map<number, PairRun["summary"]["sections"][number]>();
      for (const s of pair.summary.sections)
        if (!bySection.has(s.parent)) bySection.set(s.parent, s);
      return {
        child: pair.child,
        childTitle: inputOf(pair.child)?.title ?? null,
        cells: columns.map(({ section }): HeatmapCell => {
          const s = bySection.get(section);
          if (!s) return { section, value: null, carried: 0, tasks: 0, fidelity: null };
          const value = s.tasks === 0 ? 1 : Math.min(1, Math.max(0, s.carried / s.tasks));
          return { section, value, carried: s.carried, tasks: s.tasks, fidelity: s.fidelity };
        }),
      };
    });
    return { parent, parentTitle: inputOf(parent)?.title ?? null, columns, rows };
  });
}

/**
 * Parent tasks most often reported missing (findings of kind `missing`, waived ones ignored), of
 * every scope of the summary (body tasks, table rows, safeguards):
 * by count descending, then parent id, then task id in natural order; at most `limit`.
 */
export function mostMissing(record: RunRecord, limit: number): MissingTask[] {
  const inputOf = inputIndex(record);
  const byTask = new Map<string, { parent: string; task: string; hits: Map<string, string> }>();
  for (const pair of record.pairs) {
    for (const f of pair.findings) {
      if (f.kind !== "missing" || f.waived || f.parent === null) continue;
      const key = JSON.stringify([pair.parent, f.parent]);
      const entry = byTask.get(key) ?? { parent: pair.parent, task: f.parent, hits: new Map() };
      if (!entry.hits.has(pair.child)) entry.hits.set(pair.child, f.message);
      byTask.set(key, entry);
    }
  }
  return [...byTask.values()]
    .map((entry): MissingTask => {
      const children = [...entry.hits.keys()].sort(compareText);
      const message = entry.hits.get(children[0] ?? "") ?? "";
      return {
        parent: entry.parent,
        parentTitle: inputOf(entry.parent)?.title ?? null,
        task: entry.task,
        title: quotedTitle(message, entry.task),
        message,
        count: children.length,
        children,
      };
    })
    .sort(
      (a, b) =>
        b.count - a.count || compareText(a.parent, b.parent) || compareNatural(a.task, b.task),
    )
    .slice(0, Math.max(0, limit));
}

/** The run's chains as they are, with document titles and levels and one column per level. */
export function chainViews(record: RunRecord): ChainView[] {
  const inputOf = inputIndex(record);
  return record.chains.map((chain: Chain) => {
    const documents = chain.documents.map(
      (id): ChainDocument => ({
        id,
        title: inputOf(id)?.title ?? null,
        level: inputOf(id)?.level ?? "unknown",
      }),
    );
    const below = chain.documents.slice(1);
    const rows = chain.traces.map((trace): ChainRow => {
      const byDocument = new Map<string, string[]>();
      for (const s of trace.steps)
        if (!byDocument.has(s.document)) byDocument.set(s.document, s.tasks);
      return {
        task: trace.task,
        title: trace.title,
        steps: below.map((doc) => byDocument.get(doc) ?? []),
        lostAt: trace.lostAt,
      };
    });
    return { documents, rows, reached: rows.filter((r) => r.lostAt === null).length };
  });
}

/** The changes since the previous run, as recorded; `null` on a first run. */
export function changesOf(record: RunRecord): RunChanges | null {
  return record.changes.previous === null ? null : record.changes;
}

/**
 * Whether a `pair` key of the recorded changes names this pair: `parent→child` (the key the run
 * history writes), or the bare child id.
 */
export function isPairKey(key: string, pair: Pick<PairRun, "parent" | "child">): boolean {
  return key === `${pair.parent}→${pair.child}` || key === pair.child;
}

/** Code-point order, independent of the locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Natural order of task ids: B1.2 before B1.10, A9 before A10. */
export function compareNatural(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    const d = nx && ny ? Number(x) - Number(y) : compareText(x, y);
    if (d !== 0) return d;
  }
  return pa.length - pb.length || compareText(a, b);
}

/** The inputs by id (the first of an id, as `find` gives), looked up in constant time. */
function inputIndex(record: RunRecord): (id: string) => RunInput | undefined {
  const byId = new Map<string, RunInput>();
  for (const input of record.inputs) if (!byId.has(input.id)) byId.set(input.id, input);
  return (id) => byId.get(id);
}

/** The title a finding message quotes right after the task id: `A15「…」` or `A15 “…”`. */
function quotedTitle(message: string, task: string): string | null {
  const id = task.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`${id}\\s*(?:「([^」]*)」|“([^”]*)”)`).exec(message);
  return m ? (m[1] ?? m[2] ?? null) : null;
}
