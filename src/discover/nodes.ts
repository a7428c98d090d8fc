/**
 * What the parent-resolution rules (resolve.ts, similarity.ts) share: the documents as they see
 * them, the proposal they make, the thresholds, and a few small helpers.
 */
import type { DiscoverAlternative, DiscoverMethod, DiscoverRelated } from "../model/discover.js";
import type { Level, PlanDocument } from "../model/document.js";
import type { Lang } from "../model/lang.js";
import type { Task } from "../model/task.js";
import { LEVEL_LABELS } from "../report/shared/labels.js";
import type { DocNumberParts } from "../text/titles.js";
import type { ContentIndex, SharedContent } from "./content.js";
import type { DocumentFeatures, TaskMatches } from "./features.js";
import type { PlaceSegment } from "./place.js";

/** What the rules read of a document (a parsed plan, or the card a batch run keeps of it). */
export type ResolvableDocument = Pick<
  PlanDocument,
  "level" | "docNumber" | "title" | "planTitle" | "issuer" | "date" | "references" | "opening"
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
  /** The document's text, when known: passages and its opening are then evidence too. */
  text?: string | null;
}

/** The proposed parent of one document. */
export interface ParentProposal {
  parent: string | null;
  /** In [0,1]: how sure the proposal is (for `none`: how sure that no candidate is the parent). */
  confidence: number;
  method: DiscoverMethod;
  evidence: string[];
  alternatives: DiscoverAlternative[];
  /** Documents linked to this one by content whose direction cannot be told. */
  related: DiscoverRelated[];
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
  /** A cited title fits an untitled document when this share of its (weighted) bigrams is in its opening. */
  titleFit: 0.6,
  /** A partial fit (from this share) is enough when the two share passages (passagePrints, passageShare). */
  partialFit: 0.4,
  /** A partial fit counts only when it fits the document by this much more than the citing document's own opening. */
  fitMargin: 0.05,
  /** Confidence of a citation matched by its fit to the document's opening. */
  fitConfidence: 0.9,
  /** Shared passages: a fingerprint carried by more documents of the pile than this is boilerplate. */
  rare: 8,
  /** Shared passages link two documents from this many rare fingerprints… */
  passagePrints: 10,
  /** …and this share of the smaller document's fingerprints. */
  passageShare: 0.05,
  /** A cited title that only fits an opening needs this much shared content (share of fingerprints)… */
  supportShare: 0.02,
} as const;
export type ResolveOptions = { [K in keyof typeof RESOLVE_DEFAULTS]: number };

export interface Node {
  item: ResolveItem;
  doc: ResolvableDocument;
  rank: number;
  known: boolean;
  features: DocumentFeatures;
  place: PlaceSegment[];
  /** Position in the content index. */
  at: number;
  titleCores: string[];
  /** Its own 文号, read. */
  parts: DocNumberParts | null;
  /** Title cores and 文号 keys (`numberKey`) of the documents it cites. */
  refCores: Set<string>;
  refNumbers: Set<string>;
}

/** What the rules share while resolving one pile. */
export interface Pile {
  nodes: Node[];
  byId: Map<string, Node>;
  content: ContentIndex;
  /** Documents by title core, and by 文号 code and number (`looseNumberKey`). */
  byCore: Map<string, Node[]>;
  byNumber: Map<string, Node[]>;
  /** Per cited title core: the documents it may name (citations.ts), found once. */
  titled: Map<string, Node[]>;
  options: ResolveOptions;
  lang: Lang;
}

/** A candidate scored for one child. */
export interface Scored {
  node: Node;
  dice: number;
  matches: TaskMatches | null;
  share: number;
  score: number;
  /** Passages shared with the child. */
  passages: SharedContent;
}

/** The message in the output's language. */
export const say = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);
export const levelName = (level: Level, lang: Lang) => LEVEL_LABELS[level][lang];

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
