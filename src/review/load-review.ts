import type { z } from "zod";
import { FINDING_KINDS, isFindingKind } from "../model/finding.js";
import { isIdentifierLike, isMapping, readDataFile } from "../util/data-file.js";
import { escapeControl } from "../util/errors.js";
import { normalizeTitle } from "./apply.js";
import { type Decision, type ReviewFile, ReviewFileSchema, type TaskRef } from "./schema.js";

/** A loaded review file, or every problem found in it (one line each, with its key path). */
export type ReviewResult = { ok: true; review: ReviewFile } | { ok: false; errors: string[] };

/** What a review file is checked against. */
export interface ReviewCheckOptions {
  /** True for a document id the run configuration knows; decisions naming others are errors. */
  isDocument?: (id: string) => boolean;
}

/**
 * Reads and validates a review file (JSON when the name ends in `.json`, YAML otherwise). An
 * empty file holds no decisions. Every problem is one line `PATH: decisions.3.by: …`, and none
 * quotes the file beyond short identifier-like words. Never throws for bad content.
 */
export function loadReview(path: string, options: ReviewCheckOptions = {}): ReviewResult {
  const shown = escapeControl(path);
  const read = readDataFile(path);
  if (!read.ok) return { ok: false, errors: [`${shown}: ${read.error}`] };
  const raw = read.value;
  if (raw === null || raw === undefined) return { ok: true, review: { decisions: [] } };
  if (!isMapping(raw) || !("decisions" in raw)) {
    return {
      ok: false,
      errors: [`${shown}: not a review file: expected a mapping with "decisions"`],
    };
  }
  const parsed = ReviewFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${shown}: ${issueLine(i)}`) };
  }
  const errors = crossChecks(parsed.data.decisions, options).map((e) => `${shown}: ${e}`);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, review: parsed.data };
}

function issueLine(issue: z.core.$ZodIssue): string {
  const at = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
  return `${at}: ${issue.message.split("\n")[0]}`;
}

/**
 * Problems zod cannot see: documents the configuration does not have, unknown finding kinds, a
 * document paired with itself, conflicts.
 */
function crossChecks(decisions: Decision[], options: ReviewCheckOptions): string[] {
  const errors: string[] = [];
  const links: { index: number; decision: Exclude<Decision, { action: "waive" }> }[] = [];
  decisions.forEach((d, i) => {
    for (const key of ["parentDoc", "childDoc"] as const) {
      if (options.isDocument && !options.isDocument(d[key]))
        errors.push(`decisions.${i}.${key}: no document has the id "${d[key]}"`);
    }
    if (d.parentDoc === d.childDoc) {
      errors.push(`decisions.${i}.childDoc: "${d.childDoc}" is also the parent document`);
    }
    if (d.action === "waive") {
      if (!isFindingKind(d.kind)) {
        const kind = isIdentifierLike(d.kind) ? ` "${d.kind}"` : "";
        errors.push(
          `decisions.${i}.kind: unknown finding kind${kind} (known: ${FINDING_KINDS.join(", ")})`,
        );
      }
      return;
    }
    const rejects = d.action === "reject";
    const earlier = links.find(
      ({ decision: e }) =>
        (e.action === "reject") !== rejects &&
        e.parentDoc === d.parentDoc &&
        e.childDoc === d.childDoc &&
        sameTask(e.parent, d.parent) &&
        sameTask(e.child, d.child),
    );
    if (earlier) {
      errors.push(
        `decisions.${i}: ${d.action} contradicts decisions.${earlier.index} (${earlier.decision.action}) on the same link`,
      );
    }
    links.push({ index: i, decision: d });
  });
  return errors;
}

/**
 * Two references that may name the same task: the same title once normalised, unless their ids
 * say one is a body task and the other an appendix row (titles can repeat across the two).
 */
function sameTask(a: TaskRef, b: TaskRef): boolean {
  if (normalizeTitle(a.title) !== normalizeTitle(b.title)) return false;
  const ha = a.id?.[0];
  const hb = b.id?.[0];
  return ha === undefined || hb === undefined || ha === hb;
}
