/**
 * The place a document speaks for, read from its issuer (or the start of its title) by the
 * level suffixes of data/lexicon/levels.json: 嘉兴市南湖区人民政府 → [嘉兴市 city, 南湖区 district].
 * Used to keep a district away from another city's plan and towards its own city's plan.
 */
import type { Level, PlanDocument } from "../model/document.js";
import { levelsLexicon } from "../parse/lexicons.js";

export interface PlaceSegment {
  name: string;
  level: string;
}

/** Longest place name read (浙江省杭州市西湖区转塘街道 has 12 characters). */
const MAX_PLACE = 24;

/** Level suffixes, longest first: [suffix, level]. */
function suffixes(): [string, string][] {
  return [...levelsLexicon().suffixLevels].sort((a, b) => b[0].length - a[0].length);
}

/** The place segments of a document's issuer (or title prefix), outermost first; [] if none. */
export function placeOf(document: Pick<PlanDocument, "issuer" | "title">): PlaceSegment[] {
  const name = document.issuer ?? document.title?.split("关于")[0] ?? "";
  const { organSuffixes } = levelsLexicon();
  let place = name;
  for (const suffix of organSuffixes) {
    const at = place.indexOf(suffix);
    if (at >= 0) place = place.slice(0, at);
  }
  if (place === name && document.issuer === null) return []; // a title with no organ in front
  const compact = place.replace(/\s/g, "");
  // Real place names are short; a long "issuer" is a misread sentence (and would backtrack long).
  if (compact.length > MAX_PLACE) return [];
  return segment(compact, suffixes()) ?? [];
}

/**
 * Splits a place name into segments that each end with a level suffix and have a name before
 * it, trying the shortest first and backtracking (杭州市 is one segment, not 杭州 + 市).
 */
function segment(place: string, sfx: [string, string][]): PlaceSegment[] | null {
  if (place.length === 0) return [];
  for (let end = 2; end <= place.length; end++) {
    const text = place.slice(0, end);
    const hit = sfx.find(([s]) => text.endsWith(s) && text.length > s.length);
    if (!hit) continue;
    const rest = segment(place.slice(end), sfx);
    if (rest) return [{ name: text, level: hit[1] }, ...rest];
  }
  return null;
}

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
