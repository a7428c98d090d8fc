import { z } from "zod";

/** How a child task carries a parent task. */
export const RelationSchema = z.enum(["equivalent", "reworded", "partial"]);
export type Relation = z.infer<typeof RelationSchema>;

/** Two sentences that carry the same measure, quoted as evidence. */
export const SentencePairSchema = z.object({
  parent: z.string(),
  child: z.string(),
  score: z.number(),
});
export type SentencePair = z.infer<typeof SentencePairSchema>;

/** Why two tasks were linked: each signal in [0,1], shared distinctive terms, matching sentences. */
export const EvidenceSchema = z.object({
  signals: z.record(z.string(), z.number()),
  sharedTerms: z.array(z.string()),
  sentences: z.array(SentencePairSchema),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** A parent task carried out by a child task. */
export const AlignmentSchema = z.object({
  parent: z.string(),
  child: z.string(),
  relation: RelationSchema,
  score: z.number().min(0).max(1),
  evidence: EvidenceSchema,
});
export type Alignment = z.infer<typeof AlignmentSchema>;

/** A parent task section matched with the child section that corresponds to it. */
export const SectionAlignmentSchema = z.object({
  parent: z.number().int().positive(),
  child: z.number().int().positive(),
  score: z.number().min(0).max(1),
});
export type SectionAlignment = z.infer<typeof SectionAlignmentSchema>;

/** One child task carrying part of a parent task's sentences, with the share of the parent it carries. */
export const CarrierSchema = z.object({
  child: z.string(),
  share: z.number().min(0).max(1),
});
export type Carrier = z.infer<typeof CarrierSchema>;

/**
 * How much of a parent task (body or safeguard) the child carries, wherever it sits: the
 * mass-weighted share of its sentences that some child sentence matches (src/align/coverage.ts),
 * and the child tasks holding them, largest share first. Independent of the links.
 */
export const ParentCoverageSchema = z.object({
  parent: z.string(),
  coverage: z.number().min(0).max(1),
  carriedBy: z.array(CarrierSchema),
});
export type ParentCoverage = z.infer<typeof ParentCoverageSchema>;
