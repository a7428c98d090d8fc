import { existsSync } from "node:fs";
import { normalizeText, readSource, splitBundle } from "./ingest/index.js";
import type { ReadSourceOptions } from "./ingest/read-source.js";
import type { PlanDocument } from "./model/document.js";
import { parsePlan } from "./parse/index.js";
import { PlandiffError } from "./util/errors.js";

/** A document wanted by the user: a file, optionally `#N` for the N-th document of a bundle. */
export interface DocumentSpec {
  file: string;
  /** 1-based document index, or null for every document of the file. */
  index: number | null;
}

/** Reads `FILE` or `FILE#N` (a path that itself ends in #N and exists is taken as a path). */
export function parseDocumentSpec(spec: string): DocumentSpec {
  const m = /^(.*)#(\d+)$/.exec(spec);
  if (!m || existsSync(spec)) return { file: spec, index: null };
  return { file: m[1] as string, index: Number(m[2]) };
}

/** Reads, normalises, splits and parses one file (all of its documents, or the one asked for). */
export async function parseFile(
  spec: string | DocumentSpec,
  options: ReadSourceOptions = {},
): Promise<PlanDocument[]> {
  const { file, index } = typeof spec === "string" ? parseDocumentSpec(spec) : spec;
  const source = await readSource(file, options);
  const documents = splitBundle(file, normalizeText(source.text));
  if (index === null) return documents.map(parsePlan);
  const picked = documents[index - 1];
  if (!picked || index < 1) {
    throw new PlandiffError(
      "no-such-document",
      `#${index} is out of range: the file holds ${documents.length} document${documents.length === 1 ? "" : "s"}`,
      file,
    );
  }
  return [parsePlan(picked)];
}

/** Parses one document that must be unique: `FILE#N`, or a file holding a single document. */
export async function parseDocument(
  spec: string,
  options: ReadSourceOptions = {},
): Promise<PlanDocument> {
  const parsed = parseDocumentSpec(spec);
  const documents = await parseFile(parsed, options);
  if (documents.length !== 1) {
    throw new PlandiffError(
      "ambiguous-document",
      `holds ${documents.length} documents; pick one with ${parsed.file}#N`,
      parsed.file,
    );
  }
  return documents[0] as PlanDocument;
}
