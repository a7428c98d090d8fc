import type { PlanDocument } from "../../model/document.js";

/**
 * Same input, same bytes for the zipped formats (xlsx, docx): their date is the child plan's
 * 成文日期, and every zip entry carries it instead of the clock's time.
 */

/**
 * The earliest date a zip entry can carry (MS-DOS epoch); also the document date when the child
 * plan has no 成文日期.
 */
const FALLBACK_DATE = "1980-01-01";

/** The date a zipped report carries: the child plan's 成文日期 at 00:00 UTC, 1980 at the earliest. */
export function documentDate(child: PlanDocument): Date {
  const date = new Date(`${child.date ?? FALLBACK_DATE}T00:00:00Z`);
  return date.getUTCFullYear() < 1980 ? new Date(`${FALLBACK_DATE}T00:00:00Z`) : date;
}

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * Rewrites the last-modified time and date of every zip entry, in the central directory and in
 * the local headers. exceljs (jszip) and docx (fflate) stamp entries with the current time and
 * offer no option to override it. Only header fields change: the CRCs
 * cover the contents, so the archive stays valid. Works in place.
 */
export function pinZipDates(out: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const dosTime = 0;
  const dosDate =
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let end = -1;
  // The end record is 22 bytes plus a comment of up to 65535 bytes.
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("the zip written has no end of central directory");
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) {
      throw new Error(`unexpected bytes in the zip's central directory at ${at}`);
    }
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) {
      throw new Error(`no local zip header at ${local}`);
    }
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return out;
}
