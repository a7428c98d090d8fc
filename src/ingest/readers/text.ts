import { analyse } from "chardet";
import type { SourceText } from "../../model/source.js";
import { PlandiffError } from "../../util/errors.js";
import type { Reader } from "./index.js";

/** How many leading bytes are inspected to tell text from binary data. */
const SNIFF_BYTES = 8 * 1024;
/** How many leading bytes chardet sees; its statistics settle long before this. */
const DETECT_BYTES = 64 * 1024;
/** Above this share of control bytes the data is treated as binary. */
const MAX_CONTROL_SHARE = 0.1;
/**
 * Valid UTF-8 only holds U+FFFD when an earlier conversion already lost the characters. A few are
 * tolerable; beyond this share of the visible characters the text itself is gone.
 */
const MAX_UTF8_REPLACEMENT_SHARE = 0.1;
/** After a guessed (or BOM-declared non-UTF-8) decode, at most this share may be U+FFFD. */
const MAX_GUESSED_REPLACEMENT_SHARE = 0.002;
/**
 * After a guessed decode, at least this share of the non-ASCII characters must be CJK or common
 * symbols. Measured without ASCII because mojibake only ever hits the non-ASCII bytes.
 */
const MIN_PLAUSIBLE_SHARE = 0.9;
/**
 * chardet reports a baseline confidence of 10 for multi-byte encodings that nothing contradicts;
 * Chinese text of any real length scores 85–100 for its true encoding.
 */
const MIN_CONFIDENCE = 50;

/**
 * UTF-16 without a byte-order mark holds NUL bytes — the high byte of ASCII code units (newlines,
 * digits), the low byte of U+3000 and 一 (U+4E00) — at least this share of its code units.
 */
const BOMLESS_MIN_ZERO_SHARE = 0.01;
/** Decoded BOM-less UTF-16 holds hardly any control characters (NUL included), unlike binary data. */
const BOMLESS_MAX_CONTROL_SHARE = 0.001;

/** chardet's names for the encodings we can decode, mapped to WHATWG labels for TextDecoder. */
const DECODABLE: Readonly<Record<string, string>> = {
  GB18030: "gb18030",
  // GB18030 is a superset of both, and documents labelled GBK often use its extra characters.
  GBK: "gb18030",
  GB2312: "gb18030",
  Big5: "big5",
  "UTF-16LE": "utf-16le",
  "UTF-16BE": "utf-16be",
};

/**
 * Decodes a plain-text file. A byte-order mark decides the encoding; otherwise valid UTF-8 is taken
 * as UTF-8, NUL bytes on one side of every code unit as UTF-16 without a BOM (when it decodes to
 * plausible text), and anything else goes to chardet, limited to the Chinese encodings and UTF-16. Throws
 * PlandiffError "binary" for binary data and "encoding" rather than return mojibake.
 */
export const textReader: Reader = (bytes, file) => ({ file, ...decodeText(bytes, file) });

/**
 * True if the bytes plausibly hold text in some encoding we handle: a UTF-16 byte-order mark,
 * no NUL bytes and few control bytes near the start, or UTF-16 without a BOM.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  return utf16Bom(bytes) !== null || !looksBinary(bytes) || bomlessUtf16(bytes) !== null;
}

function decodeText(bytes: Uint8Array, file: string): Omit<SourceText, "file"> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeDeclared("utf-8", bytes.subarray(3), file);
  }
  const bom16 = utf16Bom(bytes);
  if (bom16 !== null) {
    const decoded = decodeDeclared(bom16, bytes.subarray(2), file);
    if (controlShare(decoded.text.slice(0, SNIFF_BYTES)) > MAX_CONTROL_SHARE)
      throw binaryError(file);
    return decoded;
  }
  if (looksBinary(bytes)) {
    const utf16 = bomlessUtf16(bytes);
    if (utf16 === null) throw binaryError(file);
    return utf16;
  }

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) {
    if (replacementShare(textStats(utf8)) > MAX_UTF8_REPLACEMENT_SHARE) {
      throw new PlandiffError(
        "encoding",
        "text is mostly U+FFFD replacement characters (damaged by an earlier encoding conversion)",
        file,
      );
    }
    return { encoding: "utf-8", text: utf8 };
  }
  return decodeGuessed(bytes, file);
}

/** Decodes with the encoding a BOM declared (BOM already removed), refusing heavy damage. */
function decodeDeclared(
  encoding: string,
  bytes: Uint8Array,
  file: string,
): Omit<SourceText, "file"> {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  if (replacementShare(textStats(text)) > MAX_GUESSED_REPLACEMENT_SHARE) {
    throw new PlandiffError(
      "encoding",
      `starts with a ${encoding} byte-order mark but is not valid ${encoding}`,
      file,
    );
  }
  return { encoding, text };
}

/**
 * Tries chardet's confident candidates we can decode, best first; the first that reads as sane
 * text wins. Low-confidence candidates are never tried: GB18030 and Big5 decode almost any bytes
 * without error, so only chardet's statistics tell real Chinese from mojibake.
 */
function decodeGuessed(bytes: Uint8Array, file: string): Omit<SourceText, "file"> {
  const matches = analyse(bytes.subarray(0, DETECT_BYTES));
  const candidates = matches.flatMap((m) => {
    const label = DECODABLE[m.name];
    return label === undefined || m.confidence < MIN_CONFIDENCE ? [] : [label];
  });
  for (const encoding of new Set(candidates)) {
    const text = new TextDecoder(encoding).decode(bytes);
    const stats = textStats(text);
    if (
      replacementShare(stats) <= MAX_GUESSED_REPLACEMENT_SHARE &&
      plausibleShare(stats) >= MIN_PLAUSIBLE_SHARE
    ) {
      return { encoding, text };
    }
  }
  const top = matches[0]?.name;
  const guess = top === undefined ? "unknown" : (DECODABLE[top] ?? top.toLowerCase());
  throw new PlandiffError(
    "encoding",
    `could not determine the text encoding reliably (best guess: ${guess}); save the file as UTF-8`,
    file,
  );
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function utf16Bom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * UTF-16LE or BE without a byte-order mark, decoded: NUL bytes in the code units (see
 * BOMLESS_MIN_ZERO_SHARE), an even length, and a decoded text that reads as a Chinese plan (no
 * control characters but whitespace, hardly any U+FFFD from lone surrogates, non-ASCII characters
 * CJK or common symbols), which only the right byte order gives. Null for anything else.
 */
function bomlessUtf16(bytes: Uint8Array): Omit<SourceText, "file"> | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const head = bytes.subarray(0, SNIFF_BYTES);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  if (even + odd < Math.max(2, (head.length / 2) * BOMLESS_MIN_ZERO_SHARE)) return null;
  // ASCII puts its NULs at odd offsets in UTF-16LE: try the order they suggest first.
  const orders =
    odd >= even ? (["utf-16le", "utf-16be"] as const) : (["utf-16be", "utf-16le"] as const);
  // The head first (binary data is refused without decoding all of it), then the whole file.
  const encoding = orders.find((e) => readsAsPlan(new TextDecoder(e).decode(head)));
  if (encoding === undefined) return null;
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  return readsAsPlan(text) ? { encoding, text } : null;
}

/** Decoded text that a Chinese plan could be (see bomlessUtf16). */
function readsAsPlan(text: string): boolean {
  const stats = textStats(text);
  return (
    stats.visible > 0 &&
    controlShare(text) <= BOMLESS_MAX_CONTROL_SHARE &&
    replacementShare(stats) <= MAX_GUESSED_REPLACEMENT_SHARE &&
    plausibleShare(stats) >= MIN_PLAUSIBLE_SHARE
  );
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return true;
  let control = 0;
  for (const byte of head) if (isControl(byte)) control++;
  return head.length > 0 && control / head.length > MAX_CONTROL_SHARE;
}

function controlShare(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) control++;
  return text.length === 0 ? 0 : control / text.length;
}

/** C0 controls and DEL, except the whitespace ones text files really contain (\t \n \v \f \r). */
function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

interface TextStats {
  /** Non-whitespace code points. */
  visible: number;
  /** U+FFFD replacement characters. */
  replaced: number;
  /** Non-whitespace code points outside ASCII. */
  nonAscii: number;
  /** Of those, the ones a Chinese plan plausibly holds: CJK and common symbols. */
  plausible: number;
}

function textStats(text: string): TextStats {
  const stats: TextStats = { visible: 0, replaced: 0, nonAscii: 0, plausible: 0 };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    if (isSpace(cp)) continue;
    stats.visible++;
    if (cp === 0xfffd) stats.replaced++;
    if (cp <= 0x7e) continue;
    stats.nonAscii++;
    if (isPlausible(cp)) stats.plausible++;
  }
  return stats;
}

function replacementShare({ visible, replaced }: TextStats): number {
  return visible === 0 ? 0 : replaced / visible;
}

function plausibleShare({ nonAscii, plausible }: TextStats): number {
  return nonAscii === 0 ? 1 : plausible / nonAscii;
}

function isSpace(cp: number): boolean {
  return (
    cp <= 0x20 ||
    cp === 0xa0 ||
    cp === 0x3000 ||
    cp === 0xfeff ||
    (cp >= 0x2000 && cp <= 0x200b) ||
    cp === 0x2028 ||
    cp === 0x2029
  );
}

/** CJK and the symbols Chinese documents use. Not currency (0x80 decodes to € in GB18030). */
function isPlausible(cp: number): boolean {
  return (
    cp === 0xb7 || // middle dot
    cp === 0xd7 || // multiplication sign
    cp === 0xb0 || // degree sign
    (cp >= 0x2010 && cp <= 0x205e) || // general punctuation: dashes, quotes, ellipsis, ‰
    (cp >= 0x2100 && cp <= 0x22ff) || // letterlike (℃ №), Roman numerals, arrows, math
    (cp >= 0x2460 && cp <= 0x26ff) || // enclosed numbers (①), box drawing, shapes, stars
    (cp >= 0x3000 && cp <= 0x33ff) || // CJK punctuation, bopomofo, enclosed CJK, square units
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe10 && cp <= 0xfe6f) || // vertical and small forms
    (cp >= 0xff00 && cp <= 0xffef) || // full-width and half-width forms
    (cp >= 0x20000 && cp <= 0x3134f) // CJK extensions B–G
  );
}

function binaryError(file: string): PlandiffError {
  return new PlandiffError("binary", "not a text file (binary data)", file);
}
