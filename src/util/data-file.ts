import { readFileSync, statSync } from "node:fs";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { fileSystemCause } from "./errors.js";

/** Configuration and review files larger than this are refused before they are read. */
const MAX_DATA_FILE_BYTES = 16 * 1024 * 1024;

/**
 * A YAML or JSON file (JSON when the name ends in `.json`) parsed, or one line saying why it
 * could not be: the cause and where, never the file's content (the file may not be what the
 * user thought it was).
 */
export type DataFileResult = { ok: true; value: unknown } | { ok: false; error: string };

export function readDataFile(path: string): DataFileResult {
  let text: string;
  try {
    const info = statSync(path);
    if (info.isDirectory()) return { ok: false, error: "cannot read: is a folder, not a file" };
    if (!info.isFile()) return { ok: false, error: "cannot read: not a regular file" };
    if (info.size > MAX_DATA_FILE_BYTES)
      return { ok: false, error: `cannot read: larger than ${MAX_DATA_FILE_BYTES} bytes` };
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: `cannot read: ${fileSystemCause(error) ?? code ?? "unreadable"}` };
  }
  if (path.endsWith(".json")) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false, error: "not valid JSON" };
    }
  }
  try {
    // "error": warnings (an unknown tag) are not printed, with an excerpt of the file, on stderr.
    return { ok: true, value: parseYaml(text, { logLevel: "error" }) };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      const where = at ? ` at line ${at.line}, column ${at.col}` : "";
      return { ok: false, error: `not valid YAML (${error.code}${where})` };
    }
    return { ok: false, error: "not valid YAML" };
  }
}

/** True for a mapping (not a list, not a scalar). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Keys of a file named in a message: quoted when they all look like identifiers (short, letters,
 * digits, `_ . -`), else null — the caller says "unexpected content" rather than echo the file.
 */
export function quotedKeys(keys: readonly PropertyKey[]): string | null {
  const names = keys.map(String);
  if (names.length === 0 || names.length > 8 || !names.every(isIdentifierLike)) return null;
  return names.map((k) => `"${k}"`).join(", ");
}

/** A short identifier-like word (a key or id that may be named in a message). */
export function isIdentifierLike(value: string): boolean {
  return /^[A-Za-z_][\w.-]{0,47}$/.test(value);
}
