/**
 * Responsibility brackets in a task's text: (牵头单位：…), (由…牵头), a trailing bracket of unit
 * names. Found and stripped, for comparing what tasks say rather than who does it.
 */
import { fold } from "./fold.js";
import { unitsLexicon } from "./lexicons.js";
import { labelAt, looksLikeUnit, parseResponsibility, splitUnitNames } from "./units.js";

const OPEN = "([";
const CLOSE = ")]";

/** A bracketed span of a line: positions in the folded text (same as in the display text). */
export interface Group {
  start: number;
  end: number;
}

/** Whether a bracket group of a folded line holds a responsibility (labelled, 由…牵头, or trailing unit names). */
export function isResponsibility(inner: string, line: string, group: Group): boolean {
  if (labelAt(inner)) return true;
  const lex = unitsLexicon();
  if (lex.leadVerbs.some((v) => inner.includes(v)) && parseResponsibility(inner).length > 0) {
    return true;
  }
  const atEnd = /^[。.;；\s]*$/.test(line.slice(group.end + 1));
  if (!atEnd) return false;
  const names = splitUnitNames(inner.replaceAll(lex.leadMarker, ""));
  // A bare bracket needs full names: (社区) or (试行) are not units.
  return names.length > 0 && names.every((n) => looksLikeUnit(n) && n.length >= 3);
}

/** Outermost bracket groups of a folded line. */
export function bracketGroups(norm: string): Group[] {
  const groups: Group[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < norm.length; i++) {
    const ch = norm[i] as string;
    if (OPEN.includes(ch)) {
      if (depth === 0) start = i;
      depth++;
    } else if (CLOSE.includes(ch) && depth > 0) {
      depth--;
      if (depth === 0) groups.push({ start, end: i });
    }
  }
  return groups;
}

/** Removes a trailing responsibility bracket from a title that has no 。 of its own. */
export function stripTrailingResponsibility(title: string, norm: string): string {
  const groups = bracketGroups(norm);
  const last = groups[groups.length - 1];
  if (!last || last.end !== norm.length - 1) return title;
  const inner = norm.slice(last.start + 1, last.end);
  return isResponsibility(inner, norm, last) ? title.slice(0, last.start).trim() : title;
}

/** The text without its responsibility brackets (for comparing what tasks say, not who does it). */
export function stripResponsibility(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const norm = fold(line);
      let out = line;
      for (const group of bracketGroups(norm).reverse()) {
        const inner = norm.slice(group.start + 1, group.end);
        if (isResponsibility(inner, norm, group))
          out = out.slice(0, group.start) + out.slice(group.end + 1);
      }
      return out;
    })
    .join("\n");
}
