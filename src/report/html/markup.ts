import { showBidiControls } from "../../text/bidi.js";

/**
 * Building HTML safely: every string interpolated into `h` is escaped; only fragments that `h`
 * itself produced (or `trusted` constants) are inserted as they are.
 */

/** A piece of HTML that is safe to insert: made by `h` or `trusted`, never from raw data. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into `h`: text is escaped, nothing renders for null/undefined/booleans. */
export type Interpolation =
  | SafeHtml
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly Interpolation[];

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes & < > " ' so that the text is safe in element content and in quoted attributes, and
 * shows bidirectional controls as visible marks (`⟨U+202E⟩`) so that they cannot reorder the page.
 */
export function escapeHtml(text: string): string {
  return showBidiControls(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Tagged template for HTML: `h\`<p>${text}</p>\`` escapes `text` unless it is a SafeHtml. */
export function h(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += renderValue(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** A constant of this code base (stylesheet, script) inserted as it is: never pass data here. */
export function trusted(constant: string): SafeHtml {
  return new SafeHtml(constant);
}

function isList(value: Interpolation): value is readonly Interpolation[] {
  return Array.isArray(value);
}

function renderValue(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (isList(value)) return value.map(renderValue).join("");
  if (value === null || value === undefined || typeof value === "boolean") return "";
  return escapeHtml(String(value));
}
