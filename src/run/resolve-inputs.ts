import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { DocumentEntry } from "../config/schema.js";
import { proposeParents } from "../discover/resolve.js";
import type { PlanDocument } from "../model/document.js";
import type { RunInput } from "../model/run.js";
import { parseDocumentSpec, parseFile } from "../pipeline.js";
import { PlandiffError } from "../util/errors.js";

/** A configured document, parsed, with its resolved parent. */
export interface LoadedDocument {
  input: RunInput;
  document: PlanDocument;
}

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
  const parents = resolveParents(loaded);
  return loaded.map((item, k) => {
    const { parent, resolution } = parents[k] as ReturnType<typeof resolveParents>[number];
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
export function assertInside(configDir: string, spec: string, id: string): void {
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

/**
 * Parents of the loaded documents: configured ones as given, `parent: auto` by the shared rules
 * of `plandiff discover` (src/discover/resolve.ts: cited 文号 or title among the documents of a
 * higher level, then content), no parent when none is configured.
 */
function resolveParents(
  loaded: { entry: DocumentEntry; id: string; document: PlanDocument }[],
): { parent: string | null; resolution: RunInput["parentResolution"] }[] {
  const fixed = loaded.map((item) => {
    const wanted = item.entry.parent;
    if (wanted === undefined || wanted === "auto") return wanted ?? null;
    return loaded.find((c) => c.entry.id === wanted)?.id ?? wanted;
  });
  const proposals = proposeParents(
    loaded.map((item, k) => {
      const parent = fixed[k];
      return parent === "auto"
        ? { id: item.id, document: item.document }
        : { id: item.id, document: item.document, parent: parent ?? null };
    }),
  );
  return loaded.map((item, k) => {
    const wanted = item.entry.parent;
    if (wanted === undefined)
      return { parent: null, resolution: { method: "none", detail: "no parent configured" } };
    if (wanted !== "auto") {
      return {
        parent: fixed[k] ?? wanted,
        resolution: { method: "configured", detail: `parent: ${wanted}` },
      };
    }
    const p = proposals.get(item.id);
    if (!p || p.parent === null || p.method === "none") {
      return {
        parent: null,
        resolution: {
          method: "none",
          detail: p?.evidence[0] ?? "no configured document is cited or similar enough",
        },
      };
    }
    return {
      parent: p.parent,
      resolution: { method: p.method, detail: p.evidence[0] ?? p.method },
    };
  });
}
