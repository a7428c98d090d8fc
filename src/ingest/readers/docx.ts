import { createRequire } from "node:module";
import { PlandiffError } from "../../util/errors.js";
import { labelListItems, listLabels } from "./docx-numbering.js";
import { htmlToText } from "./html.js";
import type { Reader } from "./index.js";
import { storedZip } from "./zip.js";
import { guardedEntries } from "./zip-guard.js";

export { readCentralDirectory, type ZipSummary } from "./zip.js";
export {
  MAX_ZIP_RATIO as MAX_DOCX_RATIO,
  MAX_ZIP_UNCOMPRESSED as MAX_DOCX_UNCOMPRESSED,
} from "./zip-guard.js";

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
  const entries = guardedEntries(bytes, file, ".docx");
  const verified = storedZip(entries);
  const labels = listLabels(
    new Map(entries.map((e) => [new TextDecoder().decode(e.name).replace(/^\/+/, ""), e.data])),
  );
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
  // Word's automatic list numbers are not in the text mammoth gives: put them back.
  html = await labelListItems(html, labels);
  return { file, encoding: "docx", text: await htmlToText(html, file, "Word document") };
};
