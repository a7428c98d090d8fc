import type { SourceText } from "../../model/source.js";
import { PlandiffError } from "../../util/errors.js";
import { startWorker } from "../../util/start-worker.js";
import type { Reader } from "./index.js";
import {
  buildLines,
  gridRows,
  pagesToText,
  type Rule,
  type TextItem,
  type TextLine,
  type TextPage,
} from "./page-layout.js";

export { buildLines, joinCjk, pagesToText } from "./page-layout.js";
/** One text item of a page (see page-layout.ts). */
export type PdfTextItem = TextItem;
/** A line rebuilt from a page's text items. */
export type PdfLine = TextLine;
/** One page's lines, top to bottom, and the page width. */
export type PdfPage = TextPage;

/** Below this many visible characters in the whole file, the PDF has no usable text layer. */
const MIN_TEXT_CHARS = 10;
/**
 * Extracts the text layer of a PDF with pdfjs-dist: lines are rebuilt from the text items by
 * position, spaces that extraction puts around CJK characters are dropped, and running headers,
 * footers and page numbers are removed. Throws PlandiffError "encrypted" for password-protected
 * files, "corrupt" for files pdfjs cannot parse and "no-text" for scans without a text layer.
 */
export const pdfReader: Reader = async (bytes, file): Promise<SourceText> => {
  const pages = await readPages(bytes, file);
  const text = pagesToText(pages);
  if (text.replace(/\s/g, "").length < MIN_TEXT_CHARS) {
    throw new PlandiffError(
      "no-text",
      "the PDF has no text layer (a scan or images only); OCR is needed to read it",
      file,
    );
  }
  return { file, encoding: "pdf", text };
};

/** A file to read, sent to the PDF reader's thread (pdf-worker.ts). */
export interface PdfReadRequest {
  id: number;
  data: Uint8Array;
}

/** One page as the reader's thread sends it: its width, its non-empty text items, its ruling lines. */
export interface PdfRawPage {
  width: number;
  items: PdfTextItem[];
  rules: Rule[];
}

/**
 * What the reader's thread answers: the pages, or the error pdfjs threw (`opening`: while
 * opening the file or a page).
 */
export type PdfReadResult =
  | { pages: PdfRawPage[] }
  | { error: { name: string; message: string; opening: boolean } };

/**
 * The thread PDFs are read in. pdfjs-dist's legacy build carries core-js polyfills that replace
 * built-ins for the realm it loads in, so it is loaded only there (see docs/performance.md). The
 * thread starts on the first PDF (most runs read none), serves the reads that follow (loading
 * pdfjs takes longer than reading a file), and ends once it has been idle for `IDLE_MS`; idle, it
 * does not keep the process alive. If it fails, the reads waiting on it fail, and the next
 * read starts a new one.
 */
export class PdfThread {
  private readonly worker = startWorker(import.meta.url, "pdf-worker", {});
  private readonly waiting = new Map<
    number,
    { file: string; resolve: (r: PdfReadResult) => void; reject: (e: Error) => void }
  >();
  private next = 0;
  private idle: NodeJS.Timeout | undefined;

  constructor(private readonly onEnd: () => void) {
    this.worker.on("message", ({ id, result }: { id: number; result: PdfReadResult }) => {
      const read = this.waiting.get(id);
      this.waiting.delete(id);
      read?.resolve(result);
      this.whenIdle();
    });
    this.worker.once("error", (error) => this.end(error.message));
    this.worker.once("exit", (code) => this.end(`exit code ${code}`));
  }

  read(bytes: Uint8Array, file: string): Promise<PdfReadResult> {
    clearTimeout(this.idle);
    this.worker.ref();
    const id = this.next++;
    // A plain copy, handed over to the thread: pdfjs rejects Node Buffers and detaches its input.
    const data = new Uint8Array(bytes);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { file, resolve, reject });
      this.worker.postMessage({ id, data } satisfies PdfReadRequest, [data.buffer]);
    });
  }

  private whenIdle(): void {
    if (this.waiting.size > 0) return;
    this.worker.unref();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      // No read is sent to it any more (the next one starts a new thread), then it stops.
      this.onEnd();
      void this.worker.terminate();
    }, IDLE_MS).unref();
  }

  /** The thread failed or stopped: no later read uses it, and the reads waiting on it fail. */
  private end(reason: string): void {
    clearTimeout(this.idle);
    this.onEnd();
    for (const { file, reject } of this.waiting.values()) reject(stopped(file, reason));
    this.waiting.clear();
  }
}

/** How long the PDF reader's thread waits for another file before it ends. */
const IDLE_MS = 2000;

let thread: PdfThread | undefined;

async function readPages(bytes: Uint8Array, file: string): Promise<PdfPage[]> {
  if (!thread) {
    const started: PdfThread = new PdfThread(() => {
      if (thread === started) thread = undefined;
    });
    thread = started;
  }
  const result = await thread.read(bytes, file);
  if ("error" in result) {
    const error = Object.assign(new Error(result.error.message), { name: result.error.name });
    throw result.error.opening ? openError(error, file) : error;
  }
  return result.pages.map((page) => ({
    width: page.width,
    lines: buildLines(gridRows(page.items, page.rules)),
  }));
}

/** The reader's thread failed or stopped before it answered. */
function stopped(file: string, reason: string): PlandiffError {
  return new PlandiffError("unreadable", `the PDF reader's thread stopped (${reason})`, file);
}

function openError(error: unknown, file: string): PlandiffError {
  if (error instanceof PlandiffError) return error;
  const name = error instanceof Error ? error.name : "";
  const detail = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") {
    return new PlandiffError(
      "encrypted",
      "the PDF is password-protected; remove the password",
      file,
    );
  }
  return new PlandiffError("corrupt", `not a readable PDF (${detail})`, file);
}
