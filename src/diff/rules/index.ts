import type { FindingKind } from "../../model/finding.js";
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
import { targetDrift } from "./target-drift.js";

/**
 * Every diff rule, by id: the only list of rules (`--disable` choices and the run's rule loop read
 * it). Its keys are exactly the finding kinds of `model/finding.ts` (the `satisfies` below fails
 * to compile on a kind without a rule or a rule without a kind); each rule's id is its key
 * (test/model/finding-kinds.test.ts).
 */
export const rules = {
  missing,
  added,
  reworded,
  merged,
  split,
  moved,
  "deadline-drift": deadlineDrift,
  "responsibility-drift": responsibilityDrift,
  "target-drift": targetDrift,
  citation,
} as const satisfies Record<FindingKind, DiffRule>;

export type RuleId = keyof typeof rules;
