/** plandiff's public API: the stages, the pipeline, and the data types. */

export {
  type AlignOptions,
  AlignOptionsSchema,
  alignDocuments,
  defaultAlignOptions,
} from "./align/index.js";
export { type CompareOptions, compareDocuments } from "./compare.js";
export { type DiscoverOptions, discover, proposeParents } from "./discover/index.js";
export {
  fold,
  normalizeText,
  readSource,
  splitBundle,
  supportedExtensions,
} from "./ingest/index.js";
export * from "./model/index.js";
export { findDeadline, levelOf, parseDeadline, parsePlan } from "./parse/index.js";
export { type DocumentSpec, parseDocument, parseDocumentSpec, parseFile } from "./pipeline.js";
export { type FormatId, formatters } from "./report/index.js";
export { parseFormatters } from "./report/parse/index.js";
export { type RunOptions, type RunOutcome, runBatch } from "./run/run-batch.js";
export { isPlandiffError, PlandiffError } from "./util/errors.js";
