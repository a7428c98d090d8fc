/**
 * Shapes of lines that every stage recognises. All patterns apply to folded text (see fold.ts):
 * half-width punctuation, 〔〕 folded to (), dashes folded to "-".
 */

const CN_NUM = "一二三四五六七八九十百零";

/** 一、 / （一） / 1. 1、 / （1） / 第一条 at the start of a line. */
export const OUTLINE_START = new RegExp(
  `^(?:[${CN_NUM}]+[、.]|\\([${CN_NUM}]+\\)|\\d{1,3}[.、](?!\\d)|\\(\\d{1,3}\\)|第[${CN_NUM}\\d]+[章条节])`,
);

/** A 文号 such as 浙政发〔2018〕16号 (folded: 浙政发(2018)16号). */
export const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[([]\d{4}[)\]]\d{1,4}号/;
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
