/**
 * Chinese and Arabic numerals read as numbers, by the digits and multipliers of
 * data/lexicon/commitment.json.
 */
import { commitmentLexicon } from "./lexicons.js";

/** 10 → 10, 十九 → 19, 一百零五 → 105, 两 → 2. */
export function numeralValue(numeral: string): number {
  if (/^\d/.test(numeral)) return Number(numeral);
  const { digits, multipliers } = commitmentLexicon().quantity;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of numeral) {
    const d = digits[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const m = multipliers[ch] ?? 1;
    if (m >= 10000) {
      total += (section + digit) * m;
      section = 0;
    } else section += (digit || 1) * m;
    digit = 0;
  }
  return total + section + digit;
}

/** 二〇二一 → "2021": a number written digit by digit (a year), or null when a character is no digit. */
export function digitByDigit(numeral: string): string | null {
  const { digits } = commitmentLexicon().quantity;
  let out = "";
  for (const ch of numeral) {
    const d = /\d/.test(ch) ? Number(ch) : digits[ch];
    if (d === undefined) return null;
    out += String(d);
  }
  return out;
}

/** A label that is only a number (三, 十二, 12), not one printed with its word (第一部分, 行动一). */
export function isNumeral(label: string): boolean {
  return /^[一二三四五六七八九十百零〇\d]+$/.test(label);
}
