/**
 * JSON with object keys sorted at every level, so that equal values give equal bytes; two-space
 * indent, the same text `JSON.stringify(value, null, 2)` gives for the sorted value. Written
 * directly (not by sorting a copy first): run reports hold thousands of objects.
 */
export function stableStringify(value: unknown): string {
  return write(value, "") ?? "undefined";
}

/** Texts of values registered with `reuseJson`, by indent. */
const reused = new WeakMap<object, Map<string, string>>();

/**
 * Registers a value that will be written many times and never changes (a parent plan, embedded
 * in every child's report of a run): its text is made once per indent and reused. The value is
 * deep-frozen, so a change to it would fail loudly instead of leaving a stale text.
 */
export function reuseJson<T extends object>(value: T): T {
  deepFreeze(value);
  if (!reused.has(value)) reused.set(value, new Map());
  return value;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/**
 * Characters JSON.stringify escapes: controls, quote, backslash, lone surrogates (any surrogate
 * here).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

function write(value: unknown, indent: string): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      // Most strings need no escape: quote them directly (JSON.stringify for the others).
      return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      return undefined; // undefined, functions, symbols: left out, as JSON.stringify does
  }
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === "function") return write(json.call(value), indent);
  const texts = reused.get(value);
  if (texts) {
    let text = texts.get(indent);
    if (text === undefined) {
      text = writeObject(value, indent);
      texts.set(indent, text);
    }
    return text;
  }
  return writeObject(value, indent);
}

function writeObject(value: object, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      out += `${i === 0 ? "\n" : ",\n"}${inner}${write(value[i], inner) ?? "null"}`;
    }
    return `${out}\n${indent}]`;
  }
  const record = value as Record<string, unknown>;
  // Plain sort: UTF-16 code unit order, as `<` compares strings.
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const v = write(record[key], inner);
    if (v === undefined) continue;
    out += `${first ? "\n" : ",\n"}${inner}${JSON.stringify(key)}: ${v}`;
    first = false;
  }
  return first ? "{}" : `${out}\n${indent}}`;
}
