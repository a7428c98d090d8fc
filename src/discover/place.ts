/**
 * How a candidate parent's place relates to a child's (places read by `text/places.ts`): used to
 * keep a district away from another city's plan and towards its own city's plan.
 */
import type { Level } from "../model/document.js";
import type { PlaceSegment } from "../text/places.js";

export { type PlaceSegment, placeOf } from "../text/places.js";

/** How a candidate parent's place relates to the child's. */
export type PlaceRelation = "fits" | "conflicts" | "unknown";

/**
 * `fits` when the candidate's place is the child's place or contains it (嘉兴市 ⊃ 嘉兴市南湖区),
 * `conflicts` when the child names another place at the candidate's level (绍兴市越城区 vs
 * 嘉兴市), `unknown` otherwise (a child that does not name its province says nothing about it).
 */
export function placeRelation(
  child: PlaceSegment[],
  candidate: PlaceSegment[],
  candidateLevel: Level,
): PlaceRelation {
  const own = candidate.at(-1);
  if (!own || child.length === 0) return "unknown";
  if (child.some((s) => s.name === own.name)) return "fits";
  const sameLevel = child.find((s) => s.level === own.level);
  if (sameLevel && own.level === candidateLevel) return "conflicts";
  return "unknown";
}
