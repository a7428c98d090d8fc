/** plandiff's public API: the stages, the pipeline, and the data types. */
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
export { parseFormatters } from "./report/parse-formats.js";
export { isPlandiffError, PlandiffError } from "./util/errors.js";
