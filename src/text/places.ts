/**
 * Place names read from an issuer (or the start of a title) by the level and organ suffixes of
 * data/lexicon/levels.json: 嘉兴市南湖区人民政府 → [嘉兴市 city, 南湖区 district] (`placeOf`), or
 * as names with and without their suffix (`placeNames`).
 */
import { levelsLexicon } from "./lexicons.js";

/**
 * The place name in front of the organ: 绍兴市越城区人民政府 → 绍兴市越城区. The first organ word
 * found at `from` or later is cut, each organ suffix in lexicon order (from 0: a name that opens
 * with an organ word leaves no place).
 */
export function beforeOrgan(name: string, from = 1): string {
  let place = name;
  for (const suffix of levelsLexicon().organSuffixes) {
    const at = place.indexOf(suffix);
    if (at >= from) place = place.slice(0, at);
  }
  return place;
}

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
export function placeOf(document: {
  issuer: string | null;
  title?: string | null | undefined;
}): PlaceSegment[] {
  const name = document.issuer ?? document.title?.split("关于")[0] ?? "";
  const place = beforeOrgan(name, 0);
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

/**
 * Place names of a plan's issuer, with and without their level suffix:
 * 绍兴市越城区人民政府 → 绍兴市, 绍兴, 越城区, 越城.
 */
export function placeNames(issuer: string | null): string[] {
  if (!issuer) return [];
  const { suffixLevels } = levelsLexicon();
  const place = beforeOrgan(issuer);
  const suffixes = suffixLevels.map(([s]) => s).sort((a, b) => b.length - a.length);
  const out: string[] = [];
  let rest = place;
  // A place name has two characters or more before its suffix (绍兴市, not 市).
  for (let i = 2; i < rest.length; i++) {
    const suffix = suffixes.find((s) => rest.startsWith(s, i));
    if (!suffix) continue;
    out.push(rest.slice(0, i + suffix.length), rest.slice(0, i));
    rest = rest.slice(i + suffix.length);
    i = 1;
  }
  return out;
}
