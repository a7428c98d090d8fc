import type { SourceText } from "../../model/source.js";
import { docReader, wpsReader } from "./doc.js";
import { docxReader } from "./docx.js";
import { htmlReader } from "./html.js";
import { ofdReader } from "./ofd.js";
import { pdfReader } from "./pdf.js";
import { textReader } from "./text.js";

/**
 * Turns a file's bytes into text. `file` is the path as the user gave it, for the result and for
 * error messages; readers throw PlandiffError for input they cannot read.
 */
export type Reader = (bytes: Uint8Array, file: string) => SourceText | Promise<SourceText>;

/** Readers by lower-case file extension, without the dot. One line per file type. */
const readers: Readonly<Record<string, Reader>> = {
  txt: textReader,
  md: textReader,
  docx: docxReader,
  doc: docReader,
  wps: wpsReader,
  html: htmlReader,
  htm: htmlReader,
  pdf: pdfReader,
  ofd: ofdReader,
};

/** The reader for a lower-case extension (without the dot), if that type is supported. */
export function readerFor(extension: string): Reader | undefined {
  // hasOwn keeps names like "constructor" from resolving to Object.prototype members.
  return Object.hasOwn(readers, extension) ? readers[extension] : undefined;
}

/** The supported extensions, lower-case, without the dot, sorted. */
export function supportedExtensions(): string[] {
  return Object.keys(readers).sort();
}
