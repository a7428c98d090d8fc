/**
 * An error the user can act on: bad input or bad options. The CLI prints `message` on one line
 * (no stack trace) and exits with code 2.
 */
export class PlandiffError extends Error {
  readonly code: string;
  readonly file: string | null;

  constructor(code: string, message: string, file: string | null = null) {
    super(file ? `${escapeControl(file)}: ${message}` : message);
    this.name = "PlandiffError";
    this.code = code;
    this.file = file;
  }
}

/** True for errors meant for the user rather than for a developer. */
export function isPlandiffError(error: unknown): error is PlandiffError {
  return error instanceof PlandiffError;
}

/**
 * Unicode bidirectional controls: the embeddings and overrides (U+202A–U+202E), the isolates
 * (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C) — the one list, also used by the
 * human-readable reports (`text/bidi.ts`).
 */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const NAMED_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * The text with its control characters written as escapes (`\n`, `\r`, `\t`, `\u001b`…): C0,
 * DEL, C1, the Unicode line and paragraph separators and the bidirectional controls. A file name holding a newline then
 * still fits on the one line of an error message, and cannot move the terminal's cursor.
 */
export function escapeControl(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const control =
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029 ||
      // Bidirectional controls, which would reorder the rest of the line on a terminal.
      BIDI_CONTROL.test(ch);
    out += control ? (NAMED_ESCAPES[ch] ?? `\\u${code.toString(16).padStart(4, "0")}`) : ch;
  }
  return out;
}

/** Causes of file-system errors as the user reads them, by Node's error code. */
const FS_CAUSES: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  EROFS: "read-only file system",
  EEXIST: "already exists",
  ENOTEMPTY: "folder is not empty",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "name too long",
  EMFILE: "too many open files",
  EBUSY: "resource busy",
  EIO: "input/output error",
};

/** The cause of a Node file-system error the table knows: `permission denied (EACCES)`; else null. */
export function fileSystemCause(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as NodeJS.ErrnoException).code;
  const cause = typeof code === "string" ? FS_CAUSES[code] : undefined;
  return cause === undefined ? null : `${cause} (${code})`;
}

/**
 * A Node file-system error (a `code` the table knows, and a `path`) as one line:
 * `PATH: permission denied (EACCES)`, the path shown by `show`; null for any other error.
 */
export function fileSystemErrorLine(
  error: unknown,
  show: (path: string) => string = (p) => p,
): string | null {
  const cause = fileSystemCause(error);
  // A rename names both files; the one it could not make is the destination.
  const { path: from, dest } = (error ?? {}) as NodeJS.ErrnoException & { dest?: unknown };
  const path = typeof dest === "string" ? dest : from;
  if (cause === null || typeof path !== "string") return null;
  return `${escapeControl(show(path))}: ${cause}`;
}
