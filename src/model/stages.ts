import type { PlanDocument } from "./document.js";
import type { DocumentSource, Line, SourceText } from "./source.js";

/** ingest: bytes on disk → decoded text. */
export type ReadSource = (path: string) => Promise<SourceText>;
/** ingest: decoded text → normalised lines (page furniture removed, broken lines joined). */
export type NormalizeText = (text: string) => Line[];
/** ingest: the lines of a file → one source per document it holds. */
export type SplitBundle = (file: string, lines: Line[]) => DocumentSource[];
/** parse: one document's lines → the document model. */
export type ParsePlan = (source: DocumentSource) => PlanDocument;
