import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { decodeHTMLStrict } from "entities";
import type { SourceText } from "../model/source.js";
import type { ReadSource } from "../model/stages.js";
import { PlandiffError } from "../util/errors.js";
import { isCfb } from "./readers/cfb.js";
import { readerFor, supportedExtensions } from "./readers/index.js";
import { looksLikeText, textReader } from "./readers/text.js";
import { toSimplified } from "./traditional.js";

/** Files larger than this (50 MiB) are refused unless `maxBytes` says otherwise. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Options for {@link readSource}. */
export interface ReadSourceOptions {
  /** Refuse files larger than this many bytes (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
}

/**
 * Reads a document from disk and decodes it to text, choosing a reader by extension
 * (case-insensitive). A file with an unknown extension is read as text if its bytes look like
 * text. Every failure the user can fix is a PlandiffError naming the file: "not-found",
 * "is-directory", "not-a-file", "unreadable", "too-large", "empty", "unsupported-type", and the
 * readers' own ("binary", "encoding", "corrupt"). A text written mostly in traditional characters
 * is converted to simplified characters, with "+t2s" appended to `encoding`.
 */
export const readSource = (async (
  file: string,
  options: ReadSourceOptions = {},
): Promise<SourceText> => {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const info = await stat(file).catch((error: unknown) => {
    throw fsError(error, file);
  });
  if (info.isDirectory())
    throw new PlandiffError("is-directory", "is a directory, not a file", file);
  if (!info.isFile()) throw new PlandiffError("not-a-file", "not a regular file", file);
  if (info.size > maxBytes) {
    throw new PlandiffError(
      "too-large",
      `file is too large (${formatBytes(info.size)}; limit ${formatBytes(maxBytes)})`,
      file,
    );
  }
  if (info.size === 0) throw emptyError(file);

  const bytes = await readFile(file).catch((error: unknown) => {
    throw fsError(error, file);
  });
  const extension = extname(file).slice(1).toLowerCase();
  const reader =
    readerFor(sniffType(bytes) ?? extension) ?? (looksLikeText(bytes) ? textReader : undefined);
  if (reader === undefined) throw unsupportedError(extension, file);

  const read = await reader(bytes, file);
  const source = reader === textReader ? withoutEntities(read) : read;
  if (source.text.trim() === "") throw emptyError(file);
  return toSimplified(source);
}) satisfies ReadSource;

/** A character reference: &nbsp; &ldquo; &#12288; &#x3000; (terminated, as a page writes them). */
const ENTITY = /&(?:[a-z][a-z\d]{1,31}|#\d{1,7}|#x[\da-f]{1,6});/i;

/**
 * Plain text keeps the character references of the page it was copied from (&nbsp;&nbsp;为…,
 * &ldquo;十四五&rdquo;): decoded, so that indents, quotation marks and dashes read as written.
 * No plan writes a reference as text, so nothing real is changed.
 */
function withoutEntities(source: SourceText): SourceText {
  return ENTITY.test(source.text) ? { ...source, text: decodeHTMLStrict(source.text) } : source;
}

function emptyError(file: string): PlandiffError {
  return new PlandiffError("empty", "file is empty", file);
}

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/**
 * The type the content shows, whatever the name says: a PDF or Word file renamed .txt, a web
 * page saved without extension, an OFD package, a compound file (Word 97–2003, read as .doc). Null when the bytes do not announce a type.
 */
export function sniffType(bytes: Uint8Array): string | null {
  if (ascii(bytes, 0, 5) === "%PDF-") return "pdf";
  if (ascii(bytes, 0, 4) === "PK\u0003\u0004" && ascii(bytes, 0, 4096).includes("word/"))
    return "docx";
  if (ascii(bytes, 0, 4) === "PK\u0003\u0004" && ascii(bytes, 0, 4096).includes("OFD.xml"))
    return "ofd";
  if (isCfb(bytes)) return "doc";
  const head = ascii(bytes, 0, 512)
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 64)
    .toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "html";
  if (isMarkupFragment(ascii(bytes, 0, MARKUP_SNIFF_BYTES))) return "html";
  return null;
}

/** How many leading bytes are searched for the block tags of an HTML fragment. */
const MARKUP_SNIFF_BYTES = 64 * 1024;
/** At least this many block tags make a fragment (fewer are text that mentions a tag). */
const MIN_FRAGMENT_TAGS = 3;
/** The tags that break a line in a page: paragraphs, line breaks, divisions, rows, headings. */
const BLOCK_TAG = /<\/?(?:p|br|div|tr|li|h[1-6]|table|section|article)(?:\s[^<>]{0,300})?\/?>/gi;

/**
 * True for page markup without its page: a crawled page's content field saved as text, the
 * paragraphs in `<p>` tags (often after a few plain lines of metadata, often all on one line).
 * Taken as HTML when block tags break the text at least as often as line breaks do, so a
 * Markdown or text file that quotes a tag or two stays text. Read on the raw bytes as Latin-1:
 * tags are ASCII in UTF-8 and GB18030 alike.
 */
function isMarkupFragment(head: string): boolean {
  const tags = head.match(BLOCK_TAG)?.length ?? 0;
  if (tags < MIN_FRAGMENT_TAGS) return false;
  const lineBreaks = head.match(/\n/g)?.length ?? 0;
  return tags >= lineBreaks;
}

function unsupportedError(extension: string, file: string): PlandiffError {
  const type = extension === "" ? "file without extension" : `file type ".${extension}"`;
  const supported = supportedExtensions()
    .map((e) => `.${e}`)
    .join(", ");
  return new PlandiffError(
    "unsupported-type",
    `unsupported ${type} holding binary data (supported: ${supported})`,
    file,
  );
}

/** Maps a Node file-system error to a PlandiffError; anything unexpected is rethrown as is. */
function fsError(error: unknown, file: string): unknown {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return new PlandiffError("not-found", "no such file", file);
    case "EISDIR":
      return new PlandiffError("is-directory", "is a directory, not a file", file);
    case "EACCES":
    case "EPERM":
      return new PlandiffError("unreadable", "permission denied", file);
    case "ELOOP":
    case "ENAMETOOLONG":
      return new PlandiffError("unreadable", `cannot open file (${code})`, file);
    default:
      return error;
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "KiB"] : [bytes / 1024 ** 2, "MiB"];
  return `${value.toFixed(1).replace(/\.0$/, "")} ${unit}`;
}
