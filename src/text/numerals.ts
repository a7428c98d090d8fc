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
