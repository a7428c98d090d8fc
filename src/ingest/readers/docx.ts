import { createRequire } from "node:module";
import { PlandiffError } from "../../util/errors.js";
import { htmlToText } from "./html.js";
import type { Reader } from "./index.js";

/** Refuse archives whose entries declare more than this many uncompressed bytes in total (100 MiB). */
export const MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024;
/** Refuse archives that claim to expand more than this many times their size… */
export const MAX_DOCX_RATIO = 100;
/** …once they expand to more than this (small files of repetitive XML legitimately compress well). */
const RATIO_FLOOR = 2 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const MAX_COMMENT = 0xffff;

/** What the central directory of a zip archive declares. */
export interface ZipSummary {
  entries: number;
  /** Sum of the entries' declared uncompressed sizes. */
  uncompressed: number;
  /** Sum of the entries' declared compressed sizes. */
  compressed: number;
}

/**
 * Reads a .docx (Word 2007+) document: paragraphs one per line, tables as pipe rows. The zip's
 * central directory is checked first, so that a zip bomb is refused before anything is inflated:
 * "too-large" when the entries declare more than 100 MiB or expand more than 100 times; "corrupt"
 * for a truncated or damaged archive, or one that is not a Word document.
 */
export const docxReader: Reader = async (bytes, file) => {
  checkZip(bytes, file);
  let html: string;
  try {
    // CommonJS, loaded on the first Word file (most runs read none).
    const mammoth: typeof import("mammoth") = createRequire(import.meta.url)("mammoth");
    const result = await mammoth.convertToHtml({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    html = result.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new PlandiffError("corrupt", `not a readable Word document (${reason})`, file);
  }
  return { file, encoding: "docx", text: await htmlToText(html) };
};

/** Refuses archives that are damaged or would expand too far (see {@link docxReader}). */
function checkZip(bytes: Uint8Array, file: string): void {
  let summary: ZipSummary;
  try {
    summary = readCentralDirectory(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PlandiffError("corrupt", `not a valid .docx file: ${reason}`, file);
  }
  const { uncompressed } = summary;
  if (uncompressed > MAX_DOCX_UNCOMPRESSED) {
    throw new PlandiffError(
      "too-large",
      `archive would expand to ${mib(uncompressed)} (limit ${mib(MAX_DOCX_UNCOMPRESSED)}); refusing a possible zip bomb`,
      file,
    );
  }
  if (uncompressed > RATIO_FLOOR && uncompressed > MAX_DOCX_RATIO * bytes.length) {
    throw new PlandiffError(
      "too-large",
      `archive would expand ${Math.round(uncompressed / bytes.length)} times its size (limit ${MAX_DOCX_RATIO}); refusing a possible zip bomb`,
      file,
    );
  }
}

/**
 * Sums the sizes declared in a zip archive's central directory (ZIP64 included) without
 * inflating anything. Throws a plain Error saying what is wrong for a truncated or damaged archive.
 */
export function readCentralDirectory(bytes: Uint8Array): ZipSummary {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) throw new Error("no zip end-of-central-directory record (truncated or not a zip)");
  let entries = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) {
      throw new Error("damaged ZIP64 end-of-central-directory locator");
    }
    const zip64 = safeNumber(view.getBigUint64(locator + 8, true));
    if (zip64 + 56 > view.byteLength || view.getUint32(zip64, true) !== ZIP64_EOCD_SIGNATURE) {
      throw new Error("damaged ZIP64 end-of-central-directory record");
    }
    entries = safeNumber(view.getBigUint64(zip64 + 32, true));
    cdSize = safeNumber(view.getBigUint64(zip64 + 40, true));
    cdOffset = safeNumber(view.getBigUint64(zip64 + 48, true));
  }
  if (cdOffset + cdSize > eocd)
    throw new Error("central directory lies outside the file (truncated)");

  const summary: ZipSummary = { entries: 0, uncompressed: 0, compressed: 0 };
  let at = cdOffset;
  while (summary.entries < entries) {
    if (
      at + CENTRAL_HEADER_SIZE > cdOffset + cdSize ||
      view.getUint32(at, true) !== CENTRAL_SIGNATURE
    ) {
      throw new Error(`damaged central directory (entry ${summary.entries + 1} of ${entries})`);
    }
    let compressed = view.getUint32(at + 20, true);
    let uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const extra = at + CENTRAL_HEADER_SIZE + nameLength;
    const next = extra + extraLength + commentLength;
    if (next > cdOffset + cdSize) throw new Error("damaged central directory (entry overruns it)");
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) {
      // The real sizes are in the ZIP64 extra field (id 1): uncompressed first, then compressed,
      // each present only if its 32-bit field is saturated.
      const sizes = zip64Sizes(view, extra, extraLength);
      let k = 0;
      if (uncompressed === 0xffffffff) uncompressed = sizes[k++] ?? Number.POSITIVE_INFINITY;
      if (compressed === 0xffffffff) compressed = sizes[k] ?? Number.POSITIVE_INFINITY;
    }
    summary.entries++;
    summary.uncompressed += uncompressed;
    summary.compressed += compressed;
    at = next;
  }
  return summary;
}

/** The end-of-central-directory record's offset, searching back over a possible comment; -1 if none. */
function findEocd(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

function zip64Sizes(view: DataView, start: number, length: number): number[] {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > start + length) break;
    if (id === 1) {
      const sizes: number[] = [];
      for (let k = 0; k + 8 <= size && k < 16; k += 8) {
        sizes.push(Number(view.getBigUint64(at + 4 + k, true)));
      }
      return sizes;
    }
    at += 4 + size;
  }
  return [];
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error("ZIP64 offset out of range");
  return Number(value);
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MiB`;
}
