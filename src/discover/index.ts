/**
 * `plandiff discover`: given a pile of documents, propose the parent of each (cited, then by
 * content; see resolve.ts for the rules) with a confidence, the evidence and the alternatives.
 * Documents that are not plans (no tasks and no outline of tasks: a README, a list of contents)
 * are skipped with a note and are never candidates.
 */
import type { DiscoveredDocument, DiscoverResult, DiscoverSkipped } from "../model/discover.js";
import type { PlanDocument } from "../model/document.js";
import type { Lang } from "../model/lang.js";
import { PlandiffError } from "../util/errors.js";
import { assignIds } from "./ids.js";
import { displayPath, expandInputs, parsePile } from "./inputs.js";
import { type ParentProposal, proposeParents, type ResolveOptions } from "./resolve.js";

export { displayPath, expandInputs, parsePile } from "./inputs.js";
export {
  type ParentProposal,
  proposeParents,
  RESOLVE_DEFAULTS,
  type ResolveItem,
  type ResolveOptions,
} from "./resolve.js";

export interface DiscoverOptions {
  /** Paths are resolved and shown relative to this folder. */
  cwd: string;
  maxBytes: number;
  /** Called for each file that cannot be read (the run goes on without it). */
  onSkip?: (skipped: DiscoverSkipped) => void;
  /** Overrides of the similarity thresholds. */
  resolve?: Partial<ResolveOptions>;
  /** Language of the evidence and notes: Chinese when absent. */
  lang?: Lang;
}

/** A plan has tasks, or at least an outline with a task or a group of tasks. */
function isPlan(document: PlanDocument): boolean {
  return (
    document.tasks.length > 0 ||
    document.outline.some((e) => e.role === "task" || e.role === "group" || e.role === "safeguard")
  );
}

/** Reads the pile named by `args` (folders, files, FILE#N, patterns) and proposes parents. */
export async function discover(
  args: readonly string[],
  options: DiscoverOptions,
): Promise<DiscoverResult> {
  const specs = expandInputs(args, options.cwd);
  const lang = options.lang ?? "zh";
  const parsed = await parsePile(specs, options);
  const skipped = [...parsed.skipped];
  const documents = parsed.documents.filter((d) => {
    if (isPlan(d.document)) return true;
    const shown = displayPath(d.path, options.cwd);
    const entry = {
      file: d.bundled ? `${shown}#${d.document.index}` : shown,
      message:
        lang === "zh"
          ? "不是方案：没有任务，也没有任务提纲（不作为候选）"
          : "not a plan: no tasks and no outline of tasks (never a candidate)",
    };
    skipped.push(entry);
    return false;
  });
  if (documents.length === 0) {
    throw new PlandiffError(
      "no-documents",
      specs.length === 0
        ? `no readable file in ${args.join(" ")}`
        : "none of the files could be read",
    );
  }
  const rows = documents
    .map((d) => ({ ...d, shown: displayPath(d.path, options.cwd), index: d.document.index }))
    .sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : a.index - b.index));
  const ids = assignIds(rows);
  const proposals = proposeParents(
    rows.map((row, k) => ({ id: ids[k] as string, document: row.document, text: row.text })),
    options.resolve ?? {},
    { lang },
  );
  const out: DiscoveredDocument[] = rows.map((row, k) => {
    const id = ids[k] as string;
    const p = proposals.get(id) as ParentProposal;
    const d = row.document;
    return {
      id,
      file: row.shown,
      index: d.index,
      bundled: row.bundled,
      level: d.level,
      title: d.title,
      docNumber: d.docNumber,
      issuer: d.issuer,
      date: d.date,
      tasks: d.tasks.length,
      parent: p.parent,
      confidence: p.confidence,
      method: p.method,
      evidence: p.evidence,
      alternatives: p.alternatives,
      related: p.related,
    };
  });
  const sortedSkipped = [...skipped].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  const count = (method: DiscoveredDocument["method"]) =>
    out.filter((d) => d.method === method).length;
  return {
    schemaVersion: 1,
    documents: out,
    skipped: sortedSkipped,
    summary: {
      documents: out.length,
      cited: count("cited"),
      similarity: count("similarity"),
      none: count("none"),
      related: out.filter((d) => d.related.length > 0).length,
      skipped: skipped.length,
    },
  };
}
