import { BIDI_CONTROL } from "../util/errors.js";

/**
 * Unicode bidirectional controls (the list: `BIDI_CONTROL` in util/errors.ts). Shown raw, they
 * reorder what follows them — a file called `fdp.exe` wrapped in RIGHT-TO-LEFT OVERRIDE reads `exe.pdf`, and the
 * reordering bleeds into neighbouring text. Human-readable outputs show them as visible marks
 * instead; JSON keeps the original text (it is data).
 */
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
