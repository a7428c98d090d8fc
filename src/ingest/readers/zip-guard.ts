import { PlandiffError } from "../../util/errors.js";
import { inflateEntries, readCentralDirectory, type ZipEntry, type ZipSummary } from "./zip.js";

/** Refuse archives whose entries declare, or really inflate to, more than this many bytes in total (100 MiB). */
export const MAX_ZIP_UNCOMPRESSED = 100 * 1024 * 1024;
/** Refuse archives that claim, or really, expand more than this many times their size… */
export const MAX_ZIP_RATIO = 100;
/** …once they expand to more than this (small files of repetitive XML legitimately compress well). */
const RATIO_FLOOR = 2 * 1024 * 1024;
/** A plain (non-ZIP64) zip holds at most this many entries; a Word document holds dozens. */
const MAX_ENTRIES = 0xffff;

/**
 * The entries of a zip-based document (.docx, OFD) as really inflated, refusing archives that are
 * damaged or would expand too far. The central directory is checked first, so that an honest zip
 * bomb is refused before anything is inflated; then every entry is inflated with a hard cap on the
 * bytes really produced, so that a bomb whose headers lie is refused once the cap is reached.
 * PlandiffError "too-large" when the entries declare or inflate to more than 100 MiB, or expand
 * more than 100 times the file's size; "corrupt" (`not a valid KIND file: …`) for a truncated,
 * damaged or encrypted archive.
 */
export function guardedEntries(bytes: Uint8Array, file: string, kind: string): ZipEntry[] {
  const corrupt = (error: unknown): PlandiffError => {
    const reason = error instanceof Error ? error.message : String(error);
    return new PlandiffError("corrupt", `not a valid ${kind} file: ${reason}`, file);
  };
  let summary: ZipSummary;
  try {
    summary = readCentralDirectory(bytes);
  } catch (error) {
    throw corrupt(error);
  }
  const { uncompressed } = summary;
  if (uncompressed > MAX_ZIP_UNCOMPRESSED) throw tooLarge(uncompressed, file);
  if (uncompressed > RATIO_FLOOR && uncompressed > MAX_ZIP_RATIO * bytes.length) {
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
  const ratioLimit = Math.max(RATIO_FLOOR, MAX_ZIP_RATIO * bytes.length);
  const limit = Math.min(MAX_ZIP_UNCOMPRESSED, ratioLimit);
  let inflated: ReturnType<typeof inflateEntries>;
  try {
    inflated = inflateEntries(bytes, summary, limit);
  } catch (error) {
    throw corrupt(error);
  }
  if (!inflated.ok) {
    throw limit === MAX_ZIP_UNCOMPRESSED
      ? tooLarge(limit, file, "more than ")
      : tooMany(`more than ${MAX_ZIP_RATIO}`, file);
  }
  return inflated.entries;
}

function tooLarge(bytes: number, file: string, more = ""): PlandiffError {
  return new PlandiffError(
    "too-large",
    `archive would expand to ${more}${mib(bytes)} (limit ${mib(MAX_ZIP_UNCOMPRESSED)}); refusing a possible zip bomb`,
    file,
  );
}

function tooMany(times: number | string, file: string): PlandiffError {
  return new PlandiffError(
    "too-large",
    `archive would expand ${times} times its size (limit ${MAX_ZIP_RATIO}); refusing a possible zip bomb`,
    file,
  );
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MiB`;
}
