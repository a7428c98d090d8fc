/**
 * Regular-expression helpers for patterns built from lexicon words.
 */

/**
 * A literal text as a regular-expression source: every syntax character escaped, `/` and `-`
 * included (so that the text may stand inside a character class too). In a `u` pattern, `\-` is
 * allowed only inside a character class.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
