import type { Deadline, DeadlineKind } from "../model/deadline.js";
import type { Drift } from "../model/finding.js";

/** How a deadline moved from the parent task to the child task. */
export type DriftLabel = Drift["label"];

/** A drift label, with the shift in days when both deadlines end on a known day. */
export interface DriftResult {
  label: DriftLabel;
  /** Child due − parent due, in days, when both are dates or periods with a known due; else null. */
  days: number | null;
}

const DAY_MS = 86_400_000;

/** Kinds that bind to no point in time at all. */
const isLoose = (kind: DeadlineKind): boolean =>
  kind === "ongoing" || kind === "mandate" || kind === "none";

/** Kinds that end on a day: a date, or a period (which counts by its end). */
const isDated = (kind: DeadlineKind): boolean => kind === "date" || kind === "period";

function daysBetween(parent: Deadline, child: Deadline): number | null {
  if (!isDated(parent.kind) || !isDated(child.kind) || parent.due === null || child.due === null) {
    return null;
  }
  return Math.round((Date.parse(child.due) - Date.parse(parent.due)) / DAY_MS);
}

const byDays = (days: number): DriftLabel => (days > 0 ? "later" : "earlier");

function sameKind(parent: Deadline, child: Deadline, days: number | null): DriftLabel {
  switch (parent.kind) {
    case "date":
      // A date whose year is unknown cannot be placed: only the very same wording is the same.
      if (days === null) return parent.raw === child.raw ? "same" : "different";
      return days === 0 ? "same" : byDays(days);
    case "period":
      if (days === null) return parent.raw === child.raw ? "same" : "different";
      if (days !== 0) return byDays(days);
      return parent.start === child.start ? "same" : "different";
    case "recurring":
      return parent.every === child.every ? "same" : "different";
    default:
      // ongoing, mandate, none: the kind is the whole value (执行党中央和省委规定 ~ 按…部署推进).
      return "same";
  }
}

/**
 * A date or period on one side and the other kind on the other side. The gold schema's "both
 * dates (a period counts by its end)" makes a period a date for later/earlier, so the two ends
 * are compared first. When they fall on the same day (or a date has no known year), the kinds
 * decide: period → date is the schema's "a date where the parent had a period" (stricter: the
 * child names one due day); date → period keeps the due day but spreads the work over a span,
 * which no other label describes (different; not removed, since the child still ends on a date).
 */
function acrossDated(parent: Deadline, days: number | null): DriftLabel {
  if (days !== null && days !== 0) return byDays(days);
  return parent.kind === "period" ? "stricter" : "different";
}

/**
 * Labels the drift of a deadline from the parent task to the child task, following the gold
 * schema (test/fixtures/gold/SCHEMA.md § deadline drift):
 * - same: same kind and value (2019年底 = 2019年12月底前完成; 每年推进 ~ 逐年推进; two mandates;
 *   two ongoing phrases; two periods with the same span; neither side has a deadline);
 * - later / earlier: both dates or periods, compared by their end;
 * - removed: a parent date becomes a recurrence, an ongoing phrase, a mandate or nothing;
 * - vaguer: a parent period or recurrence becomes an ongoing phrase, a mandate or nothing;
 * - stricter: a date, period or recurrence where the parent had only an ongoing phrase, a
 *   mandate or nothing; a date where the parent had a recurrence, or a period ending that day;
 * - different: anything else, e.g. period ↔ recurrence (2018—2020年 → 逐年推进), another
 *   recurrence, another period start, ongoing ↔ mandate, or a date with no known year.
 *
 * @returns the label and, when both deadlines end on a known day, child due − parent due in days.
 */
export function driftOf(parent: Deadline, child: Deadline): DriftResult {
  const days = daysBetween(parent, child);
  return { label: label(parent, child, days), days };
}

function label(parent: Deadline, child: Deadline, days: number | null): DriftLabel {
  if (parent.kind === child.kind) return sameKind(parent, child, days);
  if (isDated(parent.kind) && isDated(child.kind)) return acrossDated(parent, days);
  if (parent.kind === "date") return "removed";
  if ((parent.kind === "period" || parent.kind === "recurring") && isLoose(child.kind)) {
    return "vaguer";
  }
  // A period has an end, so it binds more than an ongoing phrase, a mandate or nothing.
  if (isLoose(parent.kind) && !isLoose(child.kind)) return "stricter";
  if (parent.kind === "recurring" && child.kind === "date") return "stricter";
  return "different";
}
