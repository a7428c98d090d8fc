import { levelsLexicon, structureLexicon } from "../text/lexicons.js";
import { DATE_ONLY } from "../text/patterns.js";

/**
 * The years a plan can be dated in or due by: from the founding of the People's Republic to the
 * end of the century. A year outside (到4549年, a damaged 2025) is no date and no deadline.
 */
export const PLAUSIBLE_YEARS = { first: 1949, last: 2100 } as const;

export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= PLAUSIBLE_YEARS.first && year <= PLAUSIBLE_YEARS.last;
}

/** 2018年4月28日 → 2018-04-28 (null when the date does not exist or its year is implausible). */
export function isoDate(year: string, month: string, day: string): string | null {
  const y = Number(year);
  if (!isPlausibleYear(y)) return null;
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/** The ISO date of a line that is only a date, or null. */
export function dateOfLine(norm: string): string | null {
  const m = DATE_ONLY.exec(norm);
  return m ? isoDate(m[1] as string, m[2] as string, m[3] as string) : null;
}

/** A line naming only an issuing organ: 浙江省人民政府, 嘉兴市人民政府办公室. */
export function isOrganLine(norm: string): boolean {
  if (norm.length > 30 || /[,。;:、()]/.test(norm)) return false;
  return levelsLexicon().organSuffixes.some((s) => norm.endsWith(s));
}

/** Ends like a document title: …通知, …方案, …意见. */
export function endsLikeTitle(norm: string): boolean {
  return structureLexicon().documentTypeEndings.some((w) => norm.endsWith(w));
}

/** Collapses every run of white space (for comparisons of titles). */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, "");
}
