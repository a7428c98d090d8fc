import { randomBytes } from "node:crypto";
import { closeSync, openSync, writeSync } from "node:fs";
import { writeAtomically } from "./write-atomic.js";

/**
 * JSON with object keys sorted at every level (code-unit order), so that equal values give equal
 * bytes; two-space indent, the same text `JSON.stringify(value, null, 2)` gives for the sorted
 * value.
 *
 * Made by the platform's JSON.stringify on a key-sorted copy, much faster than a writer in
 * JavaScript. Objects with integer-like keys, which a JS object enumerates first whatever the
 * insertion order, are written apart and spliced in at their indent. For files, see
 * `writeStableJson`.
 */
export function stableStringify(value: unknown): string {
  const apart: object[] = [];
  const text = JSON.stringify(sortedCopy(value, apart, new KeyOrders(), null), null, 2);
  if (text === undefined) return "undefined";
  return apart.length === 0 ? text : splice(text, apart);
}

/**
 * Writes `stableStringify(value)` and a newline to a file, as UTF-8 bytes; `atomic`: through a
 * temporary sibling and a rename (see `writeAtomically`), so no half-written file is ever seen.
 * For many files, a `StableJsonWriter` reuses its buffer and what it learnt.
 */
export function writeStableJson(
  path: string,
  value: unknown,
  options: { atomic?: boolean } = {},
): void {
  new StableJsonWriter().writeFile(path, value, options);
}

/**
 * Writes values as `writeStableJson` does, through a buffer of its own, flushed to the file
 * whenever it fills: the outer levels of the value by hand, the values below them (a task, a
 * link, a finding) by JSON.stringify, each at its indent. A large string from JSON.stringify is a
 * tree of parts that must be copied into one flat string, in fresh memory pages, before it can
 * be encoded; written piece by piece into one buffer the writer keeps, a report needs no fresh
 * memory (see docs/performance.md). What it keeps — the buffer, the key orders it has sorted, the
 * values registered with `reuse` — is its own: one writer per owner (a run's worker keeps one
 * with the parents it parsed), dropped with it.
 */
export class StableJsonWriter {
  private readonly sink = new Utf8Sink();
  private readonly context: Context = { orders: new KeyOrders(), reused: new WeakMap() };

  /**
   * Registers a value written many times (a parent plan, embedded in every child's report of a
   * run): its key-sorted copy is made now, and its bytes once per indent. Later writes of the
   * value write it as it is now — a snapshot, whatever happens to the value afterwards. (It is
   * not frozen: frozen objects have other hidden classes than the child's, so every function
   * reading tasks of both would see two shapes.) A value holding objects with integer-like keys
   * (rare) is not registered: it is written as it is at each write.
   */
  reuse<T extends object>(value: T): T {
    if (this.context.reused.has(value)) return value;
    const own: object[] = [];
    const sorted = sortedObject(value, own, this.context.orders, this.context.reused);
    if (own.length === 0 && sorted !== null && typeof sorted === "object") {
      const snapshot: Snapshot = { sorted, bytes: new Map() };
      this.context.reused.set(value, snapshot).set(sorted, snapshot);
    }
    return value;
  }

  /** Writes the value to a file (`atomic`: see `writeStableJson`). */
  writeFile(path: string, value: unknown, options: { atomic?: boolean } = {}): void {
    if (options.atomic) writeAtomically(path, (temp) => this.writeThrough(temp, value));
    else this.writeThrough(path, value);
  }

  /** Writes the value into a file already open for writing (left open). */
  writeTo(fd: number, value: unknown): void {
    const { sink, context } = this;
    try {
      sink.open(fd);
      const apart: object[] = [];
      const sorted = sortedCopy(value, apart, context.orders, context.reused);
      if (!writePiece(sink, sorted, "", 0, apart, context)) sink.text("undefined");
      sink.text("\n");
      sink.flush();
    } finally {
      sink.detach();
    }
  }

  private writeThrough(path: string, value: unknown): void {
    const fd = openSync(path, "w");
    try {
      this.writeTo(fd, value);
    } finally {
      closeSync(fd);
    }
  }
}

/** A registered value's key-sorted copy (its snapshot), and its bytes at each indent written. */
interface Snapshot {
  sorted: object;
  bytes: Map<string, Uint8Array>;
}

/** What a writer keeps between writes: key orders, and the registered values by identity. */
interface Context {
  orders: KeyOrders;
  /** By registered value, and by its key-sorted copy (the copy stands for it once sorted). */
  reused: WeakMap<object, Snapshot>;
}

/** Levels written by hand: objects down to depth 1, arrays down to depth 2. */
const byHand = (value: object, depth: number): boolean =>
  depth <= 1 || (depth === 2 && Array.isArray(value));

/** JSON.stringify leaves these out of objects (and writes null for them in arrays). */
const omitted = (v: unknown): boolean =>
  v === undefined || typeof v === "function" || typeof v === "symbol";

/** Writes one value of the sorted copy at `indent`; false when JSON would leave it out. */
function writePiece(
  sink: Utf8Sink,
  value: unknown,
  indent: string,
  depth: number,
  apart: object[],
  context: Context,
): boolean {
  if (omitted(value)) return false;
  if (value !== null && typeof value === "object") {
    const snapshot = context.reused.get(value);
    if (snapshot && snapshot.sorted === value) {
      let found = snapshot.bytes.get(indent);
      if (!found) {
        const own = new Utf8Sink();
        writeStructure(own, value, indent, depth, apart, context);
        found = own.done().slice();
        snapshot.bytes.set(indent, found);
      }
      sink.bytes(found);
      return true;
    }
    if (byHand(value, depth)) {
      writeStructure(sink, value, indent, depth, apart, context);
      return true;
    }
  }
  // Indented by JSON.stringify itself, inside as many one-item arrays as levels, then cut out
  // (cheaper than re-indenting its lines).
  const levels = indent.length / 2;
  let wrapped = value;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  let text = JSON.stringify(wrapped, null, 2);
  if (apart.length > 0) text = splice(text, apart);
  const open = levels * levels + 3 * levels; // "[\n" + "  [\n" + … + the leaf's indent
  const close = levels * levels + levels; // "\n  ]" + … + "\n]"
  sink.text(levels === 0 ? text : text.slice(open, text.length - close));
  return true;
}

/** An object or array of the sorted copy, its members written as pieces. */
function writeStructure(
  sink: Utf8Sink,
  value: object,
  indent: string,
  depth: number,
  apart: object[],
  context: Context,
): void {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      sink.text("[]");
      return;
    }
    value.forEach((item, i) => {
      sink.text(i === 0 ? `[\n${inner}` : `,\n${inner}`);
      if (!writePiece(sink, item, inner, depth + 1, apart, context)) sink.text("null");
    });
    sink.text(`\n${indent}]`);
    return;
  }
  const record = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (omitted(v)) continue;
    sink.text(`${first ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: `);
    writePiece(sink, v, inner, depth + 1, apart, context);
    first = false;
  }
  sink.text(first ? "{}" : `\n${indent}}`);
}

/**
 * Stands for the n-th object written apart, as the string `<MARK>n`; JSON.stringify writes it as
 * `"\u0000plandiff-<random>:n"`, which no document text can produce by chance.
 */
const MARK = `\u0000plandiff-${randomBytes(6).toString("hex")}:`;
const MARK_JSON = JSON.stringify(MARK).slice(0, -1);

const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;

/**
 * The value with keys in code-unit order at every level, as JSON.stringify will see it; a value
 * registered with a writer (`reused`) is its snapshot.
 */
function sortedCopy(
  value: unknown,
  apart: object[],
  orders: KeyOrders,
  reused: WeakMap<object, Snapshot> | null,
): unknown {
  if (value === null || typeof value !== "object") return value;
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === "function") return sortedCopy(json.call(value), apart, orders, reused);
  const snapshot = reused?.get(value);
  if (snapshot) return snapshot.sorted;
  return sortedObject(value, apart, orders, reused);
}

function sortedObject(
  value: object,
  apart: object[],
  orders: KeyOrders,
  reused: WeakMap<object, Snapshot> | null,
): unknown {
  if (Array.isArray(value)) return value.map((v) => sortedCopy(v, apart, orders, reused));
  const record = value as Record<string, unknown>;
  const keys = orders.of(Object.keys(record));
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
  for (const key of keys) out[key] = sortedCopy(record[key], apart, orders, reused);
  return out;
}

/**
 * The keys in code-unit order, or null when one is integer-like; remembered by key list (a report
 * holds thousands of objects of a few shapes: tasks, links, findings), in a tree walked key by
 * key: property names are interned strings, so each step is a cheap lookup and no string is made
 * per object. The tree is dropped if it ever grows large (keys that are data, not names).
 */
interface OrderNode {
  next: Map<string, OrderNode>;
  order?: readonly string[] | null;
}

const MAX_ORDER_NODES = 10_000;

class KeyOrders {
  private root: OrderNode = { next: new Map() };
  private nodes = 0;

  of(keys: string[]): readonly string[] | null {
    let node = this.root;
    for (const key of keys) {
      let next = node.next.get(key);
      if (!next) {
        if (++this.nodes > MAX_ORDER_NODES) {
          this.root = { next: new Map() };
          this.nodes = 0;
          return sortedKeys(keys);
        }
        next = { next: new Map() };
        node.next.set(key, next);
      }
      node = next;
    }
    if (node.order === undefined) node.order = sortedKeys([...keys]);
    return node.order;
  }
}

function sortedKeys(keys: string[]): readonly string[] | null {
  return keys.some((k) => INTEGER_KEY.test(k) && Number(k) < 4294967295) ? null : keys.sort();
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

/**
 * A buffer of UTF-8 bytes. Open on a file, it writes its bytes there whenever it fills (and on
 * `flush`); otherwise it grows to hold everything written (see `done`).
 */
class Utf8Sink {
  private buffer: Buffer;
  private length = 0;
  private fd: number | null = null;

  /** `size`: the buffer's size, to which it returns after a write that grew it. */
  constructor(private readonly size = CHUNK) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Starts writing to a file. */
  open(fd: number): void {
    this.fd = fd;
    this.length = 0;
  }

  /** Forgets the file (after `flush`, or when writing failed), keeping the buffer if small. */
  detach(): void {
    this.fd = null;
    this.length = 0;
    if (this.buffer.length > this.size) this.buffer = Buffer.allocUnsafe(this.size);
  }

  text(s: string): void {
    // A UTF-16 code unit takes at most 3 bytes (a surrogate pair 4 for its two).
    this.reserve(s.length * 3);
    this.length += this.buffer.write(s, this.length);
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buffer.set(b, this.length);
    this.length += b.length;
  }

  /** The bytes written (a view: valid until the sink is written again). */
  done(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** Writes what the buffer holds to the file, if open on one. */
  flush(): void {
    if (this.fd === null) return;
    let at = 0;
    while (at < this.length) at += writeSync(this.fd, this.buffer, at, this.length - at);
    this.length = 0;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    this.flush();
    if (this.length + n <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.length + n));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
}

/** The size of the buffer files are written through. */
const CHUNK = 1024 * 1024;
