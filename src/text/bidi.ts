/**
 * Unicode bidirectional controls: the embeddings and overrides (U+202A–U+202E), the isolates
 * (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C). Shown raw, they reorder what follows
 * them — a file called `fdp.exe` wrapped in RIGHT-TO-LEFT OVERRIDE reads `exe.pdf`, and the
 * reordering bleeds into neighbouring text. Human-readable outputs show them as visible marks
 * instead; JSON keeps the original text (it is data).
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, "g");

/** True if `text` holds a bidirectional control character. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** The visible mark a bidirectional control is shown as: its code point, `⟨U+202E⟩`. */
export function bidiMark(control: string): string {
  const code = control.codePointAt(0) ?? 0;
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

/**
 * `text` with every bidirectional control replaced by its visible mark (see {@link bidiMark});
 * text without one comes back as it is (the same string).
 */
export function showBidiControls(text: string): string {
  return BIDI_CONTROL.test(text) ? text.replace(BIDI_CONTROLS, bidiMark) : text;
}
