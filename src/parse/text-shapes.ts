import { levelsLexicon, structureLexicon } from "../text/lexicons.js";
import { digitByDigit, numeralValue } from "../text/numerals.js";
import { DATE_ONLY } from "../text/patterns.js";
import { escapeRegExp } from "../text/regexp.js";

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

/** A year written digit by digit in Chinese (二〇二一), a month or day in Chinese numerals (十一). */
const CN_YEAR = "[〇○零一二三四五六七八九]{4}";
const CN_SMALL = "[一二三四五六七八九十]{1,3}";
/** 二〇二一年十一月八日, as covers and signatures of printed plans have it. */
const CN_DATE_ONLY = new RegExp(`^(${CN_YEAR})年(${CN_SMALL})月(${CN_SMALL})日$`);
/** A cover's month: 二〇二一年十一月, 2021年11月. */
const MONTH_ONLY = new RegExp(`^(\\d{4}|${CN_YEAR})年(\\d{1,2}|${CN_SMALL})月$`);

/** The ISO date of a line that is only a date (2018年4月28日, 二〇一八年四月二十八日), or null. */
export function dateOfLine(norm: string): string | null {
  const m = DATE_ONLY.exec(norm);
  if (m) return isoDate(m[1] as string, m[2] as string, m[3] as string);
  const cn = CN_DATE_ONLY.exec(norm);
  return cn
    ? isoDate(
        digitByDigit(cn[1] as string) ?? "",
        String(numeralValue(cn[2] as string)),
        String(numeralValue(cn[3] as string)),
      )
    : null;
}

/**
 * A line that is only a year and month (a printed plan's cover: 二〇二一年十一月): the first day of
 * that month as an ISO date, or null. Callers say the day is not known.
 */
export function monthOfLine(norm: string): string | null {
  const m = MONTH_ONLY.exec(norm);
  if (!m) return null;
  return isoDate(digitByDigit(m[1] as string) ?? "", String(numeralValue(m[2] as string)), "1");
}

/** A line naming only an issuing organ: 浙江省人民政府, 嘉兴市人民政府办公室. */
export function isOrganLine(norm: string): boolean {
  if (norm.length > 30 || /[,。;:、()]/.test(norm)) return false;
  const lex = levelsLexicon();
  return lex.organSuffixes.some((s) => norm.endsWith(s)) || departmentLine().test(norm);
}

let department: RegExp | undefined;

/**
 * A department under a place or the state (河北省农业农村厅, 浙江省市场监督管理局, 国家能源局) or a
 * ministry (工业和信息化部): data/lexicon/levels.json `departmentSuffixes` after a place name
 * (`suffixLevels`) or a national word (`national`).
 */
function departmentLine(): RegExp {
  if (department) return department;
  const lex = levelsLexicon();
  const any = (words: readonly string[]) => words.map(escapeRegExp).join("|");
  const place = `\\p{Script=Han}{1,8}?(?:${any(lex.suffixLevels.map(([s]) => s))})`;
  const end = `(?:${any(lex.departmentSuffixes)})`;
  department = new RegExp(
    `^(?:(?:${place}|${any(lex.national)})\\p{Script=Han}{1,16}${end}|\\p{Script=Han}{2,12}部)$`,
    "u",
  );
  return department;
}

/** Ends like a document title: …通知, …方案, …意见. */
export function endsLikeTitle(norm: string): boolean {
  return structureLexicon().documentTypeEndings.some((w) => norm.endsWith(w));
}

/** Collapses every run of white space (for comparisons of titles). */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, "");
}
