/**
 * The pile to discover: arguments (folders, files, `FILE#N`, patterns with `*` in the file name)
 * expanded into document specs, and the files parsed, a file that cannot be read becoming a
 * skipped entry rather than the end of the run. `expandPath` also expands the entries of a
 * `plandiff run` configuration (`run/resolve-inputs.ts`): discover sits below run.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { normalizeText, readSource, splitBundle } from "../ingest/index.js";
import { supportedExtensions } from "../ingest/readers/index.js";
import type { DiscoverSkipped } from "../model/discover.js";
import type { PlanDocument } from "../model/document.js";
import { parsePlan } from "../parse/index.js";
import { type DocumentSpec, parseDocumentSpec } from "../pipeline.js";
import { isPlandiffError, PlandiffError } from "../util/errors.js";

/** One document of the pile, parsed. */
export interface PileDocument {
  /** Absolute path of its file. */
  path: string;
  /** True when it was picked out of a file (`FILE#N`) or its file holds several documents. */
  bundled: boolean;
  document: PlanDocument;
  /** The document's text as normalised (folded lines joined), for content evidence. */
  text: string;
}

/** As `parseFile` (pipeline.ts), keeping each document's normalised text. */
async function parseWithText(
  { file, index }: DocumentSpec,
  maxBytes: number,
): Promise<{ document: PlanDocument; text: string }[]> {
  const source = await readSource(file, { maxBytes });
  const documents = splitBundle(file, normalizeText(source.text));
  const picked = index === null ? documents : documents.slice(index - 1, index);
  if (index !== null && (index < 1 || picked.length === 0)) {
    throw new PlandiffError(
      "no-such-document",
      `#${index} is out of range: the file holds ${documents.length} document${documents.length === 1 ? "" : "s"}`,
      file,
    );
  }
  return picked.map((d) => ({
    document: parsePlan(d),
    text: d.lines.map((l) => l.norm).join("\n"),
  }));
}

/**
 * Expands the arguments into absolute document specs (`FILE` or `FILE#N`), without repeats,
 * in argument order. A folder gives its files with a supported extension (not its subfolders,
 * nor hidden files), sorted by name. A missing path or a pattern matching nothing is an error.
 */
export function expandInputs(args: readonly string[], cwd: string): string[] {
  const extensions = new Set(supportedExtensions().map((e) => `.${e}`));
  const specs: string[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      const files = readdirSync(abs)
        .filter((name) => !name.startsWith(".") && extensions.has(extname(name).toLowerCase()))
        .sort()
        .map((name) => join(abs, name))
        .filter((file) => statSync(file).isFile());
      for (const file of files) specs.push(file); // a crawled folder may hold 100,000s
      continue;
    }
    const expanded = expandPath(cwd, arg);
    for (const spec of expanded) {
      const { file } = parseDocumentSpec(spec);
      if (!existsSync(file)) throw new PlandiffError("not-found", "no such file or folder", arg);
    }
    for (const spec of expanded) specs.push(spec);
  }
  return [...new Set(specs)];
}

/**
 * Expands `path` (relative to `configDir`: the config file's folder for `plandiff run`, the working
 * folder for `plandiff discover`; `*` allowed in the file name) into files.
 */
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

/** How a path is shown: relative to the working folder when inside it, else absolute. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join("/");
}

/** Parses every spec; files that cannot be read are returned as skipped, with one line each. */
export async function parsePile(
  specs: readonly string[],
  options: { maxBytes: number; cwd: string; onSkip?: (skipped: DiscoverSkipped) => void },
): Promise<{ documents: PileDocument[]; skipped: DiscoverSkipped[] }> {
  const documents: PileDocument[] = [];
  const skipped: DiscoverSkipped[] = [];
  for (const spec of specs) {
    const { file, index } = parseDocumentSpec(spec);
    let parsed: { document: PlanDocument; text: string }[];
    try {
      parsed = await parseWithText({ file, index }, options.maxBytes);
    } catch (error) {
      if (!isPlandiffError(error)) throw error;
      const shown = displayPath(file, options.cwd);
      const prefix = `${error.file ?? file}: `;
      const message = error.message.startsWith(prefix)
        ? error.message.slice(prefix.length)
        : error.message;
      const entry = {
        file: index === null ? shown : `${shown}#${index}`,
        message: message.split("\n")[0] as string,
      };
      skipped.push(entry);
      options.onSkip?.(entry);
      continue;
    }
    for (const { document, text } of parsed) {
      documents.push({
        path: file,
        bundled: index !== null || parsed.length > 1,
        document,
        text,
      });
    }
  }
  return { documents, skipped };
}
