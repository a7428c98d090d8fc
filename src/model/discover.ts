import { z } from "zod";
import { LevelSchema } from "./document.js";

/** How a proposed parent was found: the child cites it, its content is alike, or neither. */
export const DiscoverMethodSchema = z.enum(["cited", "similarity", "none"]);
export type DiscoverMethod = z.infer<typeof DiscoverMethodSchema>;

/** A candidate parent that was not chosen, so that an auditor can check the choice. */
export const DiscoverAlternativeSchema = z.object({
  /** The candidate's document id. */
  id: z.string(),
  /** Its similarity score in [0,1] (1 for a cited candidate not chosen). */
  score: z.number().min(0).max(1),
  /** Why it was not chosen, when it was set aside by a rule rather than by its score. */
  note: z.string().nullable(),
});
export type DiscoverAlternative = z.infer<typeof DiscoverAlternativeSchema>;

/**
 * A document linked to this one by content (shared passages) whose direction cannot be told:
 * the same level, or levels and dates unknown. Never a parent or child.
 */
export const DiscoverRelatedSchema = z.object({
  id: z.string(),
  /** Share of the smaller document's text fingerprints the two share, in [0,1]. */
  score: z.number().min(0).max(1),
  note: z.string(),
});
export type DiscoverRelated = z.infer<typeof DiscoverRelatedSchema>;

/** One document of the pile with its proposed parent. */
export const DiscoveredDocumentSchema = z.object({
  /** Stable id derived from the file name (unique, letters, digits, '.', '_', '-'). */
  id: z.string().regex(/^[\w.-]+$/),
  /** The file (relative to the working folder when inside it); `index` picks the document. */
  file: z.string(),
  /** 1-based position of the document in its file. */
  index: z.number().int().positive(),
  /** True when the file holds several documents (address it as FILE#index). */
  bundled: z.boolean(),
  level: LevelSchema,
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  date: z.string().nullable(),
  /** Number of tasks read (body tasks and table rows). */
  tasks: z.number().int().nonnegative(),
  /** The id of the proposed parent, or null. */
  parent: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  method: DiscoverMethodSchema,
  /** Why: the cited 文号 or title, the similarity scores, example task pairs, the rules applied. */
  evidence: z.array(z.string()),
  /** The next best candidates (at most three), best first. */
  alternatives: z.array(DiscoverAlternativeSchema),
  /** Documents related by content, direction unknown (neither parent nor child). */
  related: z.array(DiscoverRelatedSchema),
});
export type DiscoveredDocument = z.infer<typeof DiscoveredDocumentSchema>;

/** A file that could not be read, or a document that is not a plan, with the one-line reason. */
export const DiscoverSkippedSchema = z.object({
  file: z.string(),
  message: z.string(),
});
export type DiscoverSkipped = z.infer<typeof DiscoverSkippedSchema>;

/** Output of `plandiff discover --format json` (contract v1). */
export const DiscoverResultSchema = z.object({
  schemaVersion: z.literal(1),
  /** Sorted by file, then index. */
  documents: z.array(DiscoveredDocumentSchema),
  /** Sorted by file. */
  skipped: z.array(DiscoverSkippedSchema),
  summary: z.object({
    documents: z.number().int().nonnegative(),
    cited: z.number().int().nonnegative(),
    similarity: z.number().int().nonnegative(),
    none: z.number().int().nonnegative(),
    /** Documents with at least one related document of unknown direction. */
    related: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
  }),
});
export type DiscoverResult = z.infer<typeof DiscoverResultSchema>;
