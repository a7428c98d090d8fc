import { createRequire } from "node:module";
import { PlandiffError } from "../../util/errors.js";
import { htmlToText } from "./html.js";
import type { Reader } from "./index.js";
import { inflateEntries, readCentralDirectory, storedZip, type ZipSummary } from "./zip.js";

export { readCentralDirectory, type ZipSummary } from "./zip.js";

/** Refuse archives whose entries declare, or really inflate to, more than this many bytes in total (100 MiB). */
export const MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024;
/** Refuse archives that claim, or really, expand more than this many times their size… */
export const MAX_DOCX_RATIO = 100;
/** …once they expand to more than this (small files of repetitive XML legitimately compress well). */
const RATIO_FLOOR = 2 * 1024 * 1024;
/** A plain (non-ZIP64) zip holds at most this many entries; a Word document holds dozens. */
const MAX_ENTRIES = 0xffff;

/**
 * Reads a .docx (Word 2007+) document: paragraphs one per line, tables as pipe rows. The zip's
 * central directory is checked first, so that an honest zip bomb is refused before anything is
 * inflated; then every entry is inflated here with a hard cap on the bytes really produced, so
 * that a bomb whose headers lie is refused once the cap is reached, and mammoth is handed a stored
 * copy of the measured entries. "too-large" when the entries declare or inflate to more than
 * 100 MiB, or expand more than 100 times; "corrupt" for a truncated or damaged archive, or one
 * that is not a Word document.
 */
export const docxReader: Reader = async (bytes, file) => {
  const verified = verifiedZip(bytes, file);
  let html: string;
  try {
    // CommonJS, loaded on the first Word file (most runs read none).
    const mammoth: typeof import("mammoth") = createRequire(import.meta.url)("mammoth");
    const result = await mammoth.convertToHtml({
      buffer: Buffer.from(verified.buffer, verified.byteOffset, verified.byteLength),
    });
    html = result.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new PlandiffError("corrupt", `not a readable Word document (${reason})`, file);
  }
  return { file, encoding: "docx", text: await htmlToText(html, file, "Word document") };
};

/**
 * Refuses archives that are damaged or would expand too far (see {@link docxReader}); returns a
 * stored zip of the entries as really inflated.
 */
function verifiedZip(bytes: Uint8Array, file: string): Uint8Array {
  const corrupt = (error: unknown): PlandiffError => {
    const reason = error instanceof Error ? error.message : String(error);
    return new PlandiffError("corrupt", `not a valid .docx file: ${reason}`, file);
  };
  let summary: ZipSummary;
  try {
    summary = readCentralDirectory(bytes);
  } catch (error) {
    throw corrupt(error);
  }
  const { uncompressed } = summary;
  if (uncompressed > MAX_DOCX_UNCOMPRESSED) throw tooLarge(uncompressed, file);
  if (uncompressed > RATIO_FLOOR && uncompressed > MAX_DOCX_RATIO * bytes.length) {
    throw tooMany(Math.round(uncompressed / bytes.length), file);
  }
  if (summary.entries > MAX_ENTRIES) {
    throw new PlandiffError(
      "too-large",
      `archive holds ${summary.entries} entries (limit ${MAX_ENTRIES}); refusing a possible zip bomb`,
      file,
    );
  }
  // The headers may lie: inflate for real, stopping at the same limits.
  const ratioLimit = Math.max(RATIO_FLOOR, MAX_DOCX_RATIO * bytes.length);
  const limit = Math.min(MAX_DOCX_UNCOMPRESSED, ratioLimit);
  let inflated: ReturnType<typeof inflateEntries>;
  try {
    inflated = inflateEntries(bytes, summary, limit);
  } catch (error) {
    throw corrupt(error);
  }
  if (!inflated.ok) {
    throw limit === MAX_DOCX_UNCOMPRESSED
      ? tooLarge(limit, file, "more than ")
      : tooMany(`more than ${MAX_DOCX_RATIO}`, file);
  }
  return storedZip(inflated.entries);
}

function tooLarge(bytes: number, file: string, more = ""): PlandiffError {
  return new PlandiffError(
    "too-large",
    `archive would expand to ${more}${mib(bytes)} (limit ${mib(MAX_DOCX_UNCOMPRESSED)}); refusing a possible zip bomb`,
    file,
  );
}

function tooMany(times: number | string, file: string): PlandiffError {
  return new PlandiffError(
    "too-large",
    `archive would expand ${times} times its size (limit ${MAX_DOCX_RATIO}); refusing a possible zip bomb`,
    file,
  );
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MiB`;
}
