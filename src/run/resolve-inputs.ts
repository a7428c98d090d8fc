import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { DocumentEntry } from "../config/schema.js";
import { fold } from "../ingest/fold.js";
import type { PlanDocument } from "../model/document.js";
import type { RunInput } from "../model/run.js";
import { LEVEL_RANK } from "../parse/level.js";
import { parseDocumentSpec, parseFile } from "../pipeline.js";
import { bigrams, dice } from "../util/bigrams.js";
import { PlandiffError } from "../util/errors.js";

/** A configured document, parsed, with its resolved parent. */
export interface LoadedDocument {
  input: RunInput;
  document: PlanDocument;
}

/** Below this similarity of task titles a document is not taken as another's parent. */
const MIN_SIMILARITY = 0.3;

/** Expands `path` (relative to the config folder; `*` allowed in the file name) into files. */
export function expandPath(configDir: string, path: string): string[] {
  const { file, index } = parseDocumentSpec(resolve(configDir, path));
  if (!basename(file).includes("*")) return [index === null ? file : `${file}#${index}`];
  const dir = dirname(file);
  const pattern = new RegExp(
    `^${basename(file)
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")}$`,
  );
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new PlandiffError("not-found", `no such folder for the pattern ${path}`, dir);
  }
  const files = names
    .filter((n) => pattern.test(n))
    .sort()
    .map((n) => join(dir, n));
  if (files.length === 0) throw new PlandiffError("not-found", `no file matches ${path}`, dir);
  return files;
}

/** Parses every configured document (one entry may expand to several) and resolves parents. */
export async function loadDocuments(
  configDir: string,
  entries: DocumentEntry[],
  options: { allowOutside: boolean; maxBytes: number },
): Promise<LoadedDocument[]> {
  const loaded: {
    entry: DocumentEntry;
    id: string;
    file: string;
    document: PlanDocument;
    sha256: string;
  }[] = [];
  for (const entry of entries) {
    const files = expandPath(configDir, entry.path);
    if (!options.allowOutside) for (const file of files) assertInside(configDir, file, entry.id);
    for (const [k, spec] of files.entries()) {
      const { file } = parseDocumentSpec(spec);
      const documents = await parseFile(spec, { maxBytes: options.maxBytes });
      const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
      documents.forEach((document, d) => {
        const suffix =
          files.length > 1 || documents.length > 1
            ? `-${k + 1}${documents.length > 1 ? `.${d + 1}` : ""}`
            : "";
        const level = entry.level ?? document.level;
        loaded.push({
          entry,
          id: `${entry.id}${suffix}`,
          file,
          document: { ...document, level },
          sha256,
        });
      });
    }
  }
  return loaded.map((item) => {
    const { parent, resolution } = resolveParent(item, loaded);
    return {
      document: item.document,
      input: {
        id: item.id,
        file: item.file,
        index: item.document.index,
        sha256: item.sha256,
        level: item.document.level,
        title: item.document.title,
        docNumber: item.document.docNumber,
        parent,
        parentResolution: resolution,
      },
    };
  });
}

/** Refuses a document outside the config's folder tree unless the config allows it. */
function assertInside(configDir: string, spec: string, id: string): void {
  const { file } = parseDocumentSpec(spec);
  const rel = relative(configDir, file);
  if (rel.startsWith("..") || isAbsolute(rel)) {
    throw new PlandiffError(
      "outside",
      `document "${id}" is outside the configuration's folder (${rel}); set allowOutside: true to allow it`,
      file,
    );
  }
}

interface Candidate {
  entry: DocumentEntry;
  id: string;
  document: PlanDocument;
}

function resolveParent(
  item: Candidate,
  all: Candidate[],
): { parent: string | null; resolution: RunInput["parentResolution"] } {
  const wanted = item.entry.parent;
  if (wanted === undefined)
    return { parent: null, resolution: { method: "none", detail: "no parent configured" } };
  if (wanted !== "auto") {
    const match = all.find((c) => c.entry.id === wanted);
    return {
      parent: match?.id ?? wanted,
      resolution: { method: "configured", detail: `parent: ${wanted}` },
    };
  }
  const others = all.filter(
    (c) => c !== item && LEVEL_RANK[c.document.level] < LEVEL_RANK[item.document.level],
  );
  const cited = citedAmong(item.document, others);
  if (cited)
    return { parent: cited.candidate.id, resolution: { method: "cited", detail: cited.detail } };
  const best = mostSimilar(item.document, others);
  if (best && best.score >= MIN_SIMILARITY) {
    return {
      parent: best.candidate.id,
      resolution: {
        method: "similarity",
        detail: `task titles similar (${best.score.toFixed(2)})`,
      },
    };
  }
  return {
    parent: null,
    resolution: { method: "none", detail: "no configured document is cited or similar enough" },
  };
}

const key = (s: string) => fold(s).replace(/\s/g, "");

function citedAmong(
  doc: PlanDocument,
  others: Candidate[],
): { candidate: Candidate; detail: string } | null {
  for (const ref of doc.references) {
    for (const candidate of others) {
      const c = candidate.document;
      if (ref.docNumber && c.docNumber && key(ref.docNumber) === key(c.docNumber)) {
        return { candidate, detail: `cites ${ref.docNumber}` };
      }
      const titles = [c.title, c.planTitle].flatMap((t) => (t ? [key(t)] : []));
      if (ref.title && titles.includes(key(ref.title)))
        return { candidate, detail: `cites 《${ref.title}》` };
    }
  }
  return null;
}

function mostSimilar(
  doc: PlanDocument,
  others: Candidate[],
): { candidate: Candidate; score: number } | null {
  const grams = (d: PlanDocument) => bigrams(fold(d.tasks.map((t) => t.title).join("。")));
  const mine = grams(doc);
  let best: { candidate: Candidate; score: number } | null = null;
  for (const candidate of others) {
    const score = dice(mine, grams(candidate.document));
    if (!best || score > best.score) best = { candidate, score };
  }
  return best;
}
