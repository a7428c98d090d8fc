/**
 * Shapes of lines that every stage recognises. All patterns apply to folded text (see fold.ts):
 * half-width punctuation, 〔〕 folded to (), dashes folded to "-".
 */

import { structureLexicon } from "./lexicons.js";
import { escapeRegExp } from "./regexp.js";

const CN_NUM = "一二三四五六七八九十百零";

/**
 * Arabic outline numbers of any size: 1. 1、 and (1) as printed up to three digits (as ever), and
 * numbers of four digits and more (not starting with 0) whose mark is not followed by another
 * number, so that years and dates at the start of a line (2018、2019年…, 2018.5, (2018)16号) are
 * not headings. `label` wraps each number in a capture group (the outline reads the label).
 * Anchored at the start of the line by the caller.
 */
export function arabicMarker(label: boolean): string {
  const g = (re: string) => (label ? `(${re})` : re);
  return `(?:${g("\\d{1,3}")}[.、](?!\\d)|${g("[1-9]\\d{3,}")}[.、](?!\\s*\\d))`;
}

/**
 * A decimal outline number — 1.1, 2.10, 1.2.3 — followed by a space or a word, never by a digit or
 * a unit (1.5倍, 2.4平方米 start sentences with a number, not an item). With `label`, one group:
 * the number as printed.
 */
export function decimalMarker(label: boolean): string {
  const n = "\\d{1,2}(?:\\.\\d{1,2}){1,2}";
  return `${label ? `(${n})` : n}(?![\\d.%])\\s*(?![${DECIMAL_UNITS}])(?=[\\u4e00-\\u9fa5“《(A-Za-z])`;
}

/** Units and words that make a line's leading 1.5 a quantity (1.5倍, 2.4亿元) rather than a number. */
export const DECIMAL_UNITS = "万亿千百倍个元吨米年月日天小时分秒度克升户家人项次公里亩平立";

/** (1) and (1000) (see arabicMarker): a long number must not be followed by a number, 号 or 年. */
export function parenArabicMarker(label: boolean): string {
  const g = (re: string) => (label ? `(${re})` : re);
  return `(?:\\(${g("\\d{1,3}")}\\)|\\(${g("[1-9]\\d{3,}")}\\)(?![\\d号年]))`;
}

/** 一、 / （一） / 1. 1、 / （1） / 1.1 / 1） / 第一条 / 第一部分 at the start of a line. */
export const OUTLINE_START = new RegExp(
  `^(?:[${CN_NUM}]+[、.]|\\([${CN_NUM}]+\\)|${arabicMarker(false)}|${parenArabicMarker(false)}|${decimalMarker(false)}|\\d{1,2}\\)(?!\\d)|第[${CN_NUM}\\d]+(?:[章条节]|部分))`,
);

/**
 * The brackets around a 文号's year, as printed and folded: 〔〕 (folded ()), ［］ [], （）, 【】, and
 * „‟, which is how some PDFs' fonts extract 〔〕 (湘政办发„2009‟24号). ﹝﹞ fold to ().
 */
export const YEAR_OPEN = "[〔［[（(【„]";
export const YEAR_CLOSE = "[〕］\\]）)】‟]";

/** A 文号 such as 浙政发〔2018〕16号 (folded: 浙政发(2018)16号). */
export const DOC_NUMBER = new RegExp(
  `[\\u4e00-\\u9fa5]{1,12}${YEAR_OPEN}\\d{4}${YEAR_CLOSE}\\d{1,4}号`,
);
const DOC_NUMBER_ONLY = new RegExp(`^${DOC_NUMBER.source}$`);

/** A date alone on a line: 2018年4月28日. */
export const DATE_ONLY = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
/** The closing 印发 line: 2018年5月10日印发. */
export const PRINTED_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日印发$/;

/** True when the folded line is only a 文号. */
export function isDocNumberLine(norm: string): boolean {
  return DOC_NUMBER_ONLY.test(norm);
}

/** A markdown-style table row (pipes between cells). */
export function isPipeRow(norm: string): boolean {
  return (norm.match(/\|/g)?.length ?? 0) >= 2;
}

/** Lines that start a new unit even without an outline number (on folded text). */
const BLOCK_START = /^(?:--|【|附件|抄送|注:|(?:牵头|责任|配合|协办|主办|参与)(?:单位|部门)\s*:)/;

/**
 * A (folded) line that opens a block of its own — a unit line, an attachment, or a heading (see
 * {@link startsHeading}): never the wrapped end of the line before.
 */
export function startsBlock(norm: string): boolean {
  return BLOCK_START.test(norm) || startsHeading(norm);
}

/**
 * A (folded) line that is an unnumbered heading: a 专栏 box heading (data/lexicon/structure.json
 * `boxPrefixes`), a bare part heading, or a labelled number (行动一：, 任务1：). Unlike a unit line (（责任单位：…） broken after its
 * bracket), no wrapped piece of a sentence begins like this.
 */
export function startsHeading(norm: string): boolean {
  return (
    structureLexicon().boxPrefixes.some((w) => norm.startsWith(w)) ||
    isBarePartHeading(norm) ||
    labelledNumber().test(norm)
  );
}

let labelled: RegExp | undefined;

/** 行动一：…, 任务1：… at the start of a folded line. */
function labelledNumber(): RegExp {
  labelled ??= new RegExp(`^(?:${labelledPartMarker(false)}|${labelledItemMarker(false)})`);
  return labelled;
}

const anyWord = (words: readonly string[]) => words.map(escapeRegExp).join("|");

/**
 * A part numbered by word, 行动一： (data/lexicon/structure.json `labelledParts`), on folded text;
 * with `label`, one group: the word and its numeral (行动一), printed as it is.
 */
export function labelledPartMarker(label: boolean): string {
  const m = `(?:${anyWord(structureLexicon().labelledParts)})[${CN_NUM}]+`;
  return `${label ? `(${m})` : m}:`;
}

/** An item numbered by word, 任务1： (`labelledItems`); with `label`, one group: its number. */
export function labelledItemMarker(label: boolean): string {
  const n = "\\d{1,3}";
  return `(?:${anyWord(structureLexicon().labelledItems)})${label ? `(${n})` : n}:`;
}

/**
 * A part heading printed without a number, alone on its (folded) line, a colon allowed: one of
 * the safeguard or context headings (data/lexicon/structure.json `safeguardHeadings`: 保障措施,
 * 组织实施…; `nonTaskHeadings`: 工作目标, 进度安排…).
 */
export function isBarePartHeading(norm: string): boolean {
  const text = norm.trim().replace(/:$/, "");
  const { safeguardHeadings, nonTaskHeadings } = structureLexicon();
  return safeguardHeadings.includes(text) || nonTaskHeadings.includes(text);
}

/**
 * The word of a deadline's label (完成时限, 时间要求…: data/lexicon/structure.json
 * `tableColumns.deadline`), as a regular-expression source without a group.
 */
export function deadlineLabelWord(): string {
  return `(?:完成)?(?:${anyWord(structureLexicon().tableColumns.deadline)})(?:要求)?`;
}
