import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { FINDING_KINDS, isFindingKind } from "../model/finding.js";
import { type RunConfig, RunConfigSchema } from "./schema.js";

/** A loaded config, or every problem found in it (one line each, with its key path). */
export type ConfigResult =
  | { ok: true; config: RunConfig; warnings: string[] }
  | { ok: false; errors: string[] };

/** Reads and validates a config file (YAML or JSON). Never throws for bad content. */
export function loadConfig(path: string): ConfigResult {
  let raw: unknown;
  try {
    const text = readFileSync(path, "utf8");
    raw = path.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, errors: [`${path}: cannot read: ${message}`] };
  }
  const parsed = RunConfigSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${path}: ${issueLine(i)}`) };
  const config = parsed.data;
  const errors = crossChecks(config).map((e) => `${path}: ${e}`);
  if (errors.length > 0) return { ok: false, errors };
  const warnings = config.rules.disable
    .filter((id) => !isFindingKind(id))
    .map(
      (id) => `${path}: rules.disable: unknown rule "${id}" (known: ${FINDING_KINDS.join(", ")})`,
    );
  return { ok: true, config, warnings };
}

function issueLine(issue: z.core.$ZodIssue): string {
  const at = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
  return `${at}: ${issue.message}`;
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
      errors.push(`documents.${i}.parent: no document has the id "${d.parent}"`);
    }
    if (d.parent === d.id)
      errors.push(`documents.${i}.parent: a document cannot be its own parent`);
  });
  return errors;
}
