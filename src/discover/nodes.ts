/**
 * What the parent-resolution rules (resolve.ts, similarity.ts) share: the documents as they see
 * them, the proposal they make, the thresholds, and a few small helpers.
 */
import type { DiscoverAlternative, DiscoverMethod } from "../model/discover.js";
import type { PlanDocument } from "../model/document.js";
import type { Task } from "../model/task.js";
import type { DocumentFeatures, TaskMatches } from "./features.js";
import type { PlaceSegment } from "./place.js";

/** What the rules read of a document (a parsed plan, or the card a batch run keeps of it). */
export type ResolvableDocument = Pick<
  PlanDocument,
  "level" | "docNumber" | "title" | "planTitle" | "issuer" | "date" | "references"
> & { tasks: Pick<Task, "id" | "title">[] };

/** A document that may be a parent or get one. */
export interface ResolveItem {
  id: string;
  document: ResolvableDocument;
  /**
   * A parent fixed beforehand (its id, or null for a document that has none). Absent: resolve
   * it. Fixed parents are candidates' parents for the sibling rule.
   */
  parent?: string | null;
}

/** The proposed parent of one document. */
export interface ParentProposal {
  parent: string | null;
  /** In [0,1]: how sure the proposal is (for `none`: how sure that no candidate is the parent). */
  confidence: number;
  method: DiscoverMethod;
  evidence: string[];
  alternatives: DiscoverAlternative[];
}

/** Thresholds of the similarity rules (exported for tests and tuning). */
export const RESOLVE_DEFAULTS = {
  /** A child task counts as matched when a candidate task's title has at least this dice. */
  taskMatch: 0.5,
  /** Below this score no candidate is proposed. */
  minScore: 0.3,
  /** Score from which a similarity proposal counts as strong (confidence ramp). */
  strongScore: 0.6,
  /** Candidates within this distance of the best score are a near tie. */
  tie: 0.05,
  /** Candidates compared task by task: the best by document dice (plus their ancestors). */
  shortlist: 6,
  /** Sibling rule: a task is closer to one plan when its best dice is higher by this much. */
  closer: 0.02,
  /** Sibling rule: the child follows C when its tasks closer to C outnumber those closer to P by this share of its tasks. */
  follow: 0.15,
  citedConfidence: 0.99,
} as const;
export type ResolveOptions = { [K in keyof typeof RESOLVE_DEFAULTS]: number };

export interface Node {
  item: ResolveItem;
  doc: ResolvableDocument;
  rank: number;
  known: boolean;
  features: DocumentFeatures;
  place: PlaceSegment[];
  docNumberKey: string | null;
  titleKeys: string[];
}

/** A candidate scored for one child. */
export interface Scored {
  node: Node;
  dice: number;
  matches: TaskMatches | null;
  share: number;
  score: number;
}

/** Rounded for the output (scores and confidences). */
export const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Higher for nearer levels; unknown levels come last. */
export const nearness = (n: Node) => (n.known ? n.rank : -1);
export const compareIds = (a: Node, b: Node) =>
  a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;

/** The chain of known parents above a document (its parent first). */
export function ancestors(id: string, parentOf: Map<string, string | null>): string[] {
  const out: string[] = [];
  for (let at = parentOf.get(id); at && !out.includes(at) && at !== id; at = parentOf.get(at)) {
    out.push(at);
  }
  return out;
}
