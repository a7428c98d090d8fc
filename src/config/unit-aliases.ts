import { z } from "zod";
import { readDataFile } from "../util/data-file.js";
import { escapeControl } from "../util/errors.js";

/**
 * The user's unit alias file (`units:` in the run configuration), YAML or JSON:
 *
 * ```yaml
 * aliases:
 *   省地方金融监管局: 省委金融办   # reorganised: the old name reads as the new one
 *   区政府研究室: 区府办          # a local name
 * ```
 *
 * Each name on the left reads as the name on the right when responsibility drift compares the
 * units of two plans (after level mapping: `text/units.ts` `counterpartKey`).
 */
export const UnitAliasFileSchema = z
  .object({ aliases: z.record(z.string().min(1), z.string().min(1)) })
  .strict();

export type UnitAliasResult =
  | { ok: true; aliases: [string, string][] }
  | { ok: false; errors: string[] };

/** Reads and validates a unit alias file; never throws for bad content. */
export function loadUnitAliases(path: string): UnitAliasResult {
  const shown = escapeControl(path);
  const read = readDataFile(path);
  if (!read.ok) return { ok: false, errors: [`${shown}: ${read.error}`] };
  const parsed = UnitAliasFileSchema.safeParse(read.value);
  if (!parsed.success) {
    // The names are the file's content: no message quotes them.
    return {
      ok: false,
      errors: [`${shown}: expected a mapping "aliases" of unit names to unit names`],
    };
  }
  return {
    ok: true,
    aliases: Object.entries(parsed.data.aliases).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}
