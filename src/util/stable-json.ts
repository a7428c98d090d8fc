import { randomBytes } from "node:crypto";
import { Memo } from "./memo.js";

/**
 * JSON with object keys sorted at every level (code-unit order), so that equal values give equal
 * bytes; two-space indent, the same text `JSON.stringify(value, null, 2)` gives for the sorted
 * value.
 *
 * Made by the platform's JSON.stringify on a key-sorted copy: it writes one flat string, several
 * times faster to build and to write to a file than a string concatenated piece by piece or
 * joined from large parts (a child's report is ~400 KB; on the VMs measured, every large string
 * costs fresh memory pages). Objects with integer-like keys, which a JS object enumerates first
 * whatever the insertion order, are written apart and spliced in at their indent.
 */
export function stableStringify(value: unknown): string {
  const apart: object[] = [];
  const text = JSON.stringify(sortedCopy(value, apart), null, 2);
  if (text === undefined) return "undefined";
  return apart.length === 0 ? text : splice(text, apart);
}

/** Key-sorted copies of values registered with `reuseJson` (null until first written). */
const reused = new WeakMap<object, { sorted: unknown } | null>();

/**
 * Registers a value that will be written many times and never changes (a parent plan, embedded
 * in every child's report of a run): its key-sorted copy is made once and reused. The value is
 * deep-frozen, so a change to it would fail loudly instead of leaving a stale copy.
 */
export function reuseJson<T extends object>(value: T): T {
  deepFreeze(value);
  if (!reused.has(value)) reused.set(value, null);
  return value;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/**
 * Stands for the n-th object written apart, as the string `<MARK>n`; JSON.stringify writes it as
 * `"\u0000plandiff-<random>:n"`, which no document text can produce by chance.
 */
const MARK = `\u0000plandiff-${randomBytes(6).toString("hex")}:`;
const MARK_JSON = JSON.stringify(MARK).slice(0, -1);

const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;

/** The value with keys in code-unit order at every level, as JSON.stringify will see it. */
function sortedCopy(value: unknown, apart: object[]): unknown {
  if (value === null || typeof value !== "object") return value;
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === "function") return sortedCopy(json.call(value), apart);
  const cached = reused.get(value);
  if (cached) return cached.sorted;
  if (cached === null) {
    // A reused value: its copy is kept, unless it holds objects written apart (rare).
    const own: object[] = [];
    const sorted = sortedObject(value, own);
    if (own.length === 0) {
      reused.set(value, { sorted });
      return sorted;
    }
  }
  return sortedObject(value, apart);
}

function sortedObject(value: object, apart: object[]): unknown {
  if (Array.isArray(value)) return value.map((v) => sortedCopy(v, apart));
  const record = value as Record<string, unknown>;
  const keys = orderOf(Object.keys(record));
  // Integer-like keys (below 2³² − 1) come first in any object: this one is written apart.
  if (keys === null) {
    apart.push(value);
    return `${MARK}${apart.length - 1}`;
  }
  // A "__proto__" key would set the copy's prototype: then the copy has none, and the key is an
  // own property like any other (not always: objects without a prototype are slower to build).
  const out: Record<string, unknown> = Object.hasOwn(record, "__proto__")
    ? Object.create(null)
    : {};
  for (const key of keys) out[key] = sortedCopy(record[key], apart);
  return out;
}

/**
 * The keys in code-unit order, or null when one is integer-like; by key list (a report holds
 * thousands of objects of a few shapes: tasks, links, findings).
 */
const orders = new Memo<string, readonly string[] | null>(1_000);

function orderOf(keys: string[]): readonly string[] | null {
  return orders.get(JSON.stringify(keys), () =>
    keys.some((k) => INTEGER_KEY.test(k) && Number(k) < 4294967295) ? null : keys.sort(),
  );
}

/** Puts the text of each object written apart where its mark is, at the mark's indent. */
function splice(text: string, apart: object[]): string {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(MARK_JSON, from);
    if (at < 0) break;
    const end = text.indexOf('"', at + MARK_JSON.length);
    const value = apart[Number(text.slice(at + MARK_JSON.length, end))] as object;
    const lineStart = text.lastIndexOf("\n", at) + 1;
    let indent = lineStart;
    while (text.charCodeAt(indent) === 32) indent++;
    parts.push(text.slice(from, at), writeObject(value, text.slice(lineStart, indent)));
    from = end + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/**
 * Characters JSON.stringify escapes: controls, quote, backslash, lone surrogates (any surrogate
 * here).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** The direct writer, for objects with integer-like keys (and what they hold). */
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
