import { dirname, resolve } from "node:path";
import type { z } from "zod";
import { FINDING_KINDS, isFindingKind } from "../model/finding.js";
import { loadReview } from "../review/load-review.js";
import { isIdentifierLike, isMapping, quotedKeys, readDataFile } from "../util/data-file.js";
import { escapeControl } from "../util/errors.js";
import { outsideFolder } from "./paths.js";
import { type RunConfig, RunConfigSchema } from "./schema.js";
import { loadUnitAliases } from "./unit-aliases.js";

/** A loaded config, or every problem found in it (one line each, with its key path). */
export type ConfigResult =
  | { ok: true; config: RunConfig; warnings: string[] }
  | { ok: false; errors: string[] };

/**
 * Reads and validates a config file (YAML or JSON), the review file it names (each decision
 * must name configured documents) and its unit alias file. Paths the config names (`review`,
 * `units`, `output`) must stay in the
 * config's folder tree, symbolic links resolved, unless `allowOutside: true` (documents are
 * checked as they are expanded: run/resolve-inputs.ts). Never throws for bad content, and no
 * message quotes the file's content beyond short identifier-like keys.
 */
export function loadConfig(path: string): ConfigResult {
  const shown = escapeControl(path);
  const read = readDataFile(path);
  if (!read.ok) return { ok: false, errors: [`${shown}: ${read.error}`] };
  const raw = read.value;
  const known = Object.keys(RunConfigSchema.shape);
  if (!isMapping(raw) || !Object.keys(raw).some((k) => known.includes(k))) {
    return {
      ok: false,
      errors: [`${shown}: not a run configuration: expected a mapping with "documents"`],
    };
  }
  const parsed = RunConfigSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${shown}: ${issueLine(i)}`) };
  const config = parsed.data;
  const errors = [...crossChecks(config), ...pathChecks(dirname(path), config)].map(
    (e) => `${shown}: ${e}`,
  );
  if (errors.length > 0) return { ok: false, errors };
  if (config.review) {
    const review = loadReview(resolve(dirname(path), config.review), {
      isDocument: documentIds(config),
    });
    if (!review.ok) return { ok: false, errors: review.errors };
  }
  if (config.units) {
    const units = loadUnitAliases(resolve(dirname(path), config.units));
    if (!units.ok) return { ok: false, errors: units.errors };
  }
  const warnings = config.rules.disable
    .filter((id) => !isFindingKind(id))
    .map(
      (id) =>
        `${shown}: rules.disable: unknown rule ${isIdentifierLike(id) ? `"${id}"` : "(not a rule id)"} (known: ${FINDING_KINDS.join(", ")})`,
    );
  return { ok: true, config, warnings };
}

function issueLine(issue: z.core.$ZodIssue): string {
  const at = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
  if (issue.code === "unrecognized_keys") {
    const keys = quotedKeys(issue.keys);
    return `${at}: ${keys ? `unexpected key${issue.keys.length > 1 ? "s" : ""} ${keys}` : "unexpected content"}`;
  }
  return `${at}: ${issue.message.split("\n")[0]}`;
}

/** Problems zod cannot see: duplicate ids, parents that name no document, cycles. */
function crossChecks(config: RunConfig): string[] {
  const errors: string[] = [];
  const ids = new Map<string, number>();
  config.documents.forEach((d, i) => {
    if (ids.has(d.id)) errors.push(`documents.${i}.id: "${d.id}" is used twice`);
    ids.set(d.id, i);
  });
  config.documents.forEach((d, i) => {
    if (d.parent && d.parent !== "auto" && !ids.has(d.parent)) {
      const named = isIdentifierLike(d.parent) ? ` "${d.parent}"` : " given";
      errors.push(`documents.${i}.parent: no document has the id${named}`);
    }
    if (d.parent === d.id)
      errors.push(`documents.${i}.parent: a document cannot be its own parent`);
  });
  return [
    ...errors,
    ...parentCycles(config).map((c) => `documents: parent cycle ${c.join(" → ")}`),
  ];
}

/**
 * Cycles of configured `parent:` links (a → b → a). A document's own-parent link is reported on
 * its own.
 */
function parentCycles(config: RunConfig): string[][] {
  const parentOf = new Map<string, string>();
  for (const d of config.documents) {
    if (d.parent && d.parent !== "auto" && d.parent !== d.id) parentOf.set(d.id, d.parent);
  }
  return cyclesOf(
    config.documents.map((d) => d.id),
    (id) => parentOf.get(id),
  );
}

/**
 * The cycles of a parent relation, each once as `[a, b, a]`, starting from its member that
 * comes first in `ids` (shared with the check of resolved parents in run/resolve-inputs.ts).
 */
export function cyclesOf(
  ids: Iterable<string>,
  parentOf: (id: string) => string | null | undefined,
): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const id of ids) {
    const path: string[] = [];
    let at: string | null | undefined = id;
    while (at && !done.has(at) && !path.includes(at)) {
      path.push(at);
      at = parentOf(at);
    }
    if (at && path.includes(at)) cycles.push([...path.slice(path.indexOf(at)), at]);
    for (const p of path) done.add(p);
  }
  return cycles;
}

/** The files and folders the config names outside its folder, unless allowed. */
function pathChecks(configDir: string, config: RunConfig): string[] {
  if (config.allowOutside) return [];
  const named: [string, string | undefined][] = [
    ["review", config.review],
    ["units", config.units],
    ["output", config.output],
  ];
  return named.flatMap(([key, value]) => {
    if (value === undefined) return [];
    const how = outsideFolder(configDir, resolve(configDir, value));
    if (how === null) return [];
    const via = how === "a symbolic link" ? " once symbolic links are resolved" : "";
    return [
      `${key}: ${escapeControl(value)} is outside the configuration's folder${via}; set allowOutside: true to allow it`,
    ];
  });
}

/**
 * The document ids a review decision may name: an entry's id, or the id of one of its files or
 * bundled documents (`entry-2`, `entry-1.3`: see run/jobs.ts), known only once the entry is
 * expanded and read, so judged by their form here.
 */
function documentIds(config: RunConfig): (id: string) => boolean {
  const entries = new Set(config.documents.map((d) => d.id));
  return (id) => {
    if (entries.has(id)) return true;
    const m = /^(.+)-\d+(?:\.\d+)?$/.exec(id);
    return m !== null && entries.has(m[1] as string);
  };
}
