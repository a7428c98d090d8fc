import type { DiffRule } from "../rule.js";
import { added } from "./added.js";
import { citation } from "./citation.js";
import { deadlineDrift } from "./deadline-drift.js";
import { merged } from "./merged.js";
import { missing } from "./missing.js";
import { moved } from "./moved.js";
import { responsibilityDrift } from "./responsibility-drift.js";
import { reworded } from "./reworded.js";
import { split } from "./split.js";

/** Every diff rule, by id: the only list (config, --rule help and finding kinds read it). */
export const rules = {
  missing,
  added,
  reworded,
  merged,
  split,
  moved,
  "deadline-drift": deadlineDrift,
  "responsibility-drift": responsibilityDrift,
  citation,
} as const satisfies Record<string, DiffRule>;

export type RuleId = keyof typeof rules;
