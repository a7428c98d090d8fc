import { createRequire } from "node:module";
import { PlandiffError } from "../../util/errors.js";
import { isCfb, readCfb } from "./cfb.js";
import { docxReader } from "./docx.js";
import type { Reader } from "./index.js";
import { looksLikeText, textReader } from "./text.js";

/** The Word binary format's magic number, at the start of its WordDocument stream (FIB.wIdent). */
const WORD_MAGIC = 0xa5ec;
/** FIB flag: the document is encrypted (fEncrypted), or obfuscated (fObfuscated). */
const FIB_ENCRYPTED = 0x0100;
const FIB_OBFUSCATED = 0x8000;
/** A row of a table gathers at most this many lines (cells holding several paragraphs). */
const MAX_ROW_LINES = 40;

/** The bits of word-extractor's document this reader uses. */
interface WordDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
}
type WordExtractor = new () => { extract(source: Buffer): Promise<WordDocument> };

/**
 * Reads a .doc (Word 97–2003) document with word-extractor: paragraphs one per line, table rows
 * (cells end with a tab) as pipe rows that the table parser reads. The compound file is checked
 * first (see cfb.ts) so that a crafted file cannot send the library round a loop. "encrypted" for
 * a password-protected document; "corrupt" for a truncated or damaged one, or a compound file that
 * is not a Word document (an Excel sheet, a Works file). A .doc holding plain text is read as text.
 */
export const docReader: Reader = async (bytes, file) => {
  if (ascii(bytes, 5) === "{\\rtf") {
    throw new PlandiffError(
      "unsupported-type",
      "an RTF file, not a Word 97–2003 document; open it in Word or WPS and save it as .docx",
      file,
    );
  }
  // Plain text saved under a Word name (sites serve those too): read as the text it is.
  if (!isCfb(bytes) && looksLikeText(bytes)) return textReader(bytes, file);
  checkWordContainer(bytes, file, "Word 97–2003 document");
  let body: string;
  try {
    // CommonJS, loaded on the first .doc file (most runs read none).
    const Extractor: WordExtractor = createRequire(import.meta.url)("word-extractor");
    const doc = await new Extractor().extract(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
    body = doc.getBody({ filterUnicode: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new PlandiffError("corrupt", `not a readable Word 97–2003 document (${reason})`, file);
  }
  return { file, encoding: "doc", text: wordText(body) };
};

/**
 * Reads a .wps (WPS Office) file. Since WPS 2005 its files are Word 97–2003 documents in a compound
 * file, and some are .docx zips: those are read as such. The older Kingsoft formats and Microsoft
 * Works files are refused with a line saying how to convert them.
 */
export const wpsReader: Reader = async (bytes, file) => {
  if (isCfb(bytes)) return docReader(bytes, file);
  if (ascii(bytes, 4) === "PK\u0003\u0004") return docxReader(bytes, file);
  throw notWordWps(file);
};

function notWordWps(file: string): PlandiffError {
  return new PlandiffError(
    "unsupported-type",
    "not a Word-compatible .wps file (an old WPS or Works format); open it in WPS Office and save it as .docx",
    file,
  );
}

/** Refuses a compound file that is damaged, is not a Word document, or is encrypted. */
function checkWordContainer(bytes: Uint8Array, file: string, kind: string): void {
  if (!isCfb(bytes)) {
    throw new PlandiffError("corrupt", `not a valid ${kind} (no compound-file header)`, file);
  }
  let stream: Uint8Array | null;
  let names: string[];
  try {
    const cfb = readCfb(bytes);
    names = cfb.names;
    stream = cfb.stream("WordDocument");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PlandiffError("corrupt", `not a valid ${kind}: ${reason}`, file);
  }
  if (stream === null) {
    const what = names.includes("Workbook") || names.includes("Book") ? ": an Excel workbook" : "";
    const works = names.includes("CONTENTS") ? ": a Works document" : what;
    if (file.toLowerCase().endsWith(".wps")) throw notWordWps(file);
    throw new PlandiffError(
      "corrupt",
      `not a Word document (the compound file holds no WordDocument stream${works})`,
      file,
    );
  }
  const fib = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  if (stream.length < 0x20 || fib.getUint16(0, true) !== WORD_MAGIC) {
    throw new PlandiffError("corrupt", `not a valid ${kind} (bad WordDocument header)`, file);
  }
  if ((fib.getUint16(0x0a, true) & (FIB_ENCRYPTED | FIB_OBFUSCATED)) !== 0) {
    throw new PlandiffError(
      "encrypted",
      "the Word document is password-protected; remove the password",
      file,
    );
  }
}

/**
 * word-extractor's body text as lines: Word's cell marks arrive as tabs, each cell ending with
 * one, so a row is a line ending with a tab; it becomes a pipe row `| a | b |`. A cell holding
 * several paragraphs splits its row over several lines, which are gathered back while they end
 * the row with as many cells as the row before.
 */
export function wordText(body: string): string {
  const lines = [...body.replace(/\r\n?/g, "\n")]
    .filter((ch) => ch >= " " || ch === "\t" || ch === "\n")
    .join("")
    .split("\n");
  const out: string[] = [];
  let columns = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (isRow(line)) {
      out.push(pipeRow(line));
      columns = cellCount(line);
      continue;
    }
    // Inside a table, a line without the row's end may be the first paragraph of a cell.
    if (columns > 0 && line.trim() !== "") {
      const end = rowEnd(lines, i, columns);
      if (end !== null) {
        out.push(pipeRow(lines.slice(i, end + 1).join("\n")));
        i = end;
        continue;
      }
    }
    columns = 0;
    // Tabs inside a paragraph stay: rows of a task table typed with tabs are read later (tab-rows).
    out.push(line.replace(/^[\t ]+|[\t ]+$/g, ""));
  }
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A table row: at least two cells, the last ending the line with its tab. */
function isRow(line: string): boolean {
  return line.endsWith("\t") && cellCount(line) >= 2;
}

function cellCount(row: string): number {
  return (row.match(/\t/g) ?? []).length;
}

/** Where the row starting at `start` ends, when its lines close a row of `columns` cells. */
function rowEnd(lines: readonly string[], start: number, columns: number): number | null {
  for (let j = start; j < Math.min(lines.length, start + MAX_ROW_LINES); j++) {
    const line = lines[j] ?? "";
    if (line.trim() === "" && !line.includes("\t")) return null;
    if (line.endsWith("\t")) {
      const joined = lines.slice(start, j + 1).join("\n");
      return cellCount(joined) === columns ? j : null;
    }
  }
  return null;
}

/** Cells (tab-terminated, paragraphs inside a cell on separate lines) as one pipe row. */
function pipeRow(row: string): string {
  const cells = row
    .split("\t")
    .slice(0, -1)
    .map((cell) => cell.replace(/\|/g, "/").replace(/\s+/g, " ").trim());
  return `| ${cells.join(" | ")} |`;
}

function ascii(bytes: Uint8Array, length: number): string {
  return String.fromCharCode(...bytes.subarray(0, Math.min(length, bytes.length)));
}
