import { crc32, inflateRawSync } from "node:zlib";

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;
const SATURATED = 0xffffffff;
/** General-purpose flag bits: encrypted; names in UTF-8. */
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

/** One entry as the central directory declares it. */
export interface ZipDirectoryEntry {
  /** The name's raw bytes (UTF-8 when flag bit 11 is set, else CP437). */
  name: Uint8Array;
  flags: number;
  method: number;
  compressed: number;
  /** The declared uncompressed size: what a zip bomb lies about. */
  uncompressed: number;
  localOffset: number;
}

/** What the central directory of a zip archive declares. */
export interface ZipSummary {
  entries: number;
  /** Sum of the entries' declared uncompressed sizes. */
  uncompressed: number;
  /** Sum of the entries' declared compressed sizes. */
  compressed: number;
  /** Each entry, in directory order. */
  list: ZipDirectoryEntry[];
}

/** An entry inflated and measured: its real bytes, whatever its headers said. */
export interface ZipEntry {
  name: Uint8Array;
  flags: number;
  data: Uint8Array;
}

export type InflateResult =
  | { ok: true; entries: ZipEntry[]; total: number }
  /** The entries would inflate to more than `limit` bytes in total; inflation stopped there. */
  | { ok: false; limit: number };

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
  if (entries === 0xffff || cdSize === SATURATED || cdOffset === SATURATED) {
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

  const summary: ZipSummary = { entries: 0, uncompressed: 0, compressed: 0, list: [] };
  let at = cdOffset;
  while (summary.entries < entries) {
    if (
      at + CENTRAL_HEADER_SIZE > cdOffset + cdSize ||
      view.getUint32(at, true) !== CENTRAL_SIGNATURE
    ) {
      throw new Error(`damaged central directory (entry ${summary.entries + 1} of ${entries})`);
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressed = view.getUint32(at + 20, true);
    let uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const extra = at + CENTRAL_HEADER_SIZE + nameLength;
    const next = extra + extraLength + commentLength;
    if (next > cdOffset + cdSize) throw new Error("damaged central directory (entry overruns it)");
    if (uncompressed === SATURATED || compressed === SATURATED || localOffset === SATURATED) {
      // The real values are in the ZIP64 extra field (id 1): uncompressed size, compressed size,
      // local header offset, each present only if its 32-bit field is saturated.
      const values = zip64Values(view, extra, extraLength);
      let k = 0;
      if (uncompressed === SATURATED) uncompressed = values[k++] ?? Number.POSITIVE_INFINITY;
      if (compressed === SATURATED) compressed = values[k++] ?? Number.POSITIVE_INFINITY;
      if (localOffset === SATURATED) localOffset = values[k] ?? Number.POSITIVE_INFINITY;
    }
    summary.entries++;
    summary.uncompressed += uncompressed;
    summary.compressed += compressed;
    summary.list.push({
      name: bytes.subarray(at + CENTRAL_HEADER_SIZE, extra),
      flags,
      method,
      compressed,
      uncompressed,
      localOffset,
    });
    at = next;
  }
  return summary;
}

/**
 * Inflates every entry of a zip archive, counting the bytes really produced, and stops as soon as
 * the total would pass `limit` — whatever sizes the headers declare. At most `limit` (+ one
 * inflater's chunk) bytes are ever held. Throws a plain Error for a damaged, encrypted or
 * unsupported entry.
 */
export function inflateEntries(
  bytes: Uint8Array,
  directory: ZipSummary,
  limit: number,
): InflateResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  let total = 0;
  for (const entry of directory.list) {
    const label = new TextDecoder().decode(entry.name);
    if ((entry.flags & FLAG_ENCRYPTED) !== 0) throw new Error(`entry ${label} is encrypted`);
    const local = entry.localOffset;
    if (
      local + LOCAL_HEADER_SIZE > bytes.length ||
      view.getUint32(local, true) !== LOCAL_SIGNATURE
    ) {
      throw new Error(`damaged local header of entry ${label}`);
    }
    const start =
      local +
      LOCAL_HEADER_SIZE +
      view.getUint16(local + 26, true) +
      view.getUint16(local + 28, true);
    const end = start + entry.compressed;
    if (end > bytes.length) throw new Error(`entry ${label} lies outside the file (truncated)`);
    const raw = bytes.subarray(start, end);
    const room = limit - total;
    let data: Uint8Array;
    if (entry.method === 0) {
      if (raw.length > room) return { ok: false, limit };
      data = raw;
    } else if (entry.method === 8) {
      try {
        // maxOutputLength makes zlib stop (and throw) once the output passes the room left.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, room) });
      } catch (error) {
        if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") {
          return { ok: false, limit };
        }
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`damaged entry ${label} (${reason})`);
      }
      if (data.length > room) return { ok: false, limit };
    } else {
      throw new Error(`entry ${label} uses unsupported compression method ${entry.method}`);
    }
    total += data.length;
    entries.push({ name: entry.name, flags: entry.flags, data });
  }
  return { ok: true, entries, total };
}

/**
 * A new zip archive of the given entries, stored (not compressed): what an unzipper reads from it
 * is exactly the bytes that were measured. Entries and sizes must fit plain (non-ZIP64) zip.
 */
export function storedZip(entries: readonly ZipEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    // Local and central headers hold the same fields from "version needed" on; the central
    // header has "version made by" before them (hence 2 bytes further) and the local offset.
    const header = (size: number, signature: number, at: number): Buffer => {
      const bytes = Buffer.alloc(size);
      bytes.writeUInt32LE(signature, 0);
      bytes.writeUInt16LE(20, at);
      bytes.writeUInt16LE(entry.flags & FLAG_UTF8, at + 2);
      bytes.writeUInt32LE(crc32(entry.data), at + 10);
      bytes.writeUInt32LE(entry.data.length, at + 14);
      bytes.writeUInt32LE(entry.data.length, at + 18);
      bytes.writeUInt16LE(entry.name.length, at + 22);
      return bytes;
    };
    const local = header(LOCAL_HEADER_SIZE, LOCAL_SIGNATURE, 4);
    const central = header(CENTRAL_HEADER_SIZE, CENTRAL_SIGNATURE, 6);
    central.writeUInt16LE(20, 4);
    central.writeUInt32LE(offset, 42);
    parts.push(local, entry.name, entry.data);
    centrals.push(central, entry.name);
    offset += local.length + entry.name.length + entry.data.length;
  }
  const cdSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const eocd = Buffer.alloc(EOCD_SIZE);
  eocd.writeUInt32LE(EOCD_SIGNATURE, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...centrals, eocd]);
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

function zip64Values(view: DataView, start: number, length: number): number[] {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > start + length) break;
    if (id === 1) {
      const values: number[] = [];
      for (let k = 0; k + 8 <= size && k < 24; k += 8) {
        values.push(Number(view.getBigUint64(at + 4 + k, true)));
      }
      return values;
    }
    at += 4 + size;
  }
  return [];
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error("ZIP64 offset out of range");
  return Number(value);
}
