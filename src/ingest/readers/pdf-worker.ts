/**
 * The thread a PDF is read in (src/ingest/readers/pdf.ts): pdfjs-dist's legacy build, the one
 * Node 20 runs, and the worker code it loads for a document carry core-js polyfills that replace
 * built-ins (`Array.prototype.push`, `JSON.parse`, `JSON.stringify`, …) with JavaScript versions
 * for the whole realm they load in. Loaded here, in a thread of its own, they never reach the
 * realm of the caller. Receives files' bytes, each with an id, and answers each with the text
 * items of its pages or the error pdfjs threw.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parentPort } from "node:worker_threads";
import { structureLexicon } from "../../text/lexicons.js";
import type { PdfRawPage, PdfReadRequest, PdfReadResult, PdfTextItem } from "./pdf.js";
import { pathRules } from "./pdf-rules.js";

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

async function read(data: Uint8Array): Promise<PdfReadResult> {
  const { getDocument, OPS, VerbosityLevel } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({
    data,
    cMapUrl: `${join(pdfjsRoot, "cmaps")}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsRoot, "standard_fonts")}/`,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  /** Failures of opening the file or a page mean a bad file; later ones are thrown as they are. */
  let opening = true;
  try {
    const doc = await task.promise;
    const pages: PdfRawPage[] = [];
    // Ruling lines cost a page's operator list (a quarter more time): read from the first page
    // naming a table's 序号 column on (a table goes on over the pages after it).
    const { label } = structureLexicon().tableColumns;
    let tables = false;
    for (let n = 1; n <= doc.numPages; n++) {
      opening = true;
      const page = await doc.getPage(n);
      opening = false;
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str === "") continue;
        const [a, b, , d, x, y] = (item.transform as unknown[]).map(Number);
        items.push({
          str: item.str,
          x: x ?? 0,
          y: y ?? 0,
          width: item.width,
          size: Math.hypot(a ?? 0, b ?? 0) || Math.abs(d ?? 0) || item.height,
        });
      }
      // The page's ruling lines: a task table's borders, to read its rows (gridRows).
      if (!tables) {
        // Joined without spaces: a PDF may place each character of 序号 as an item of its own.
        const text = items.map((item) => item.str.replace(/\s/g, "")).join("");
        tables = label.some((w) => text.includes(w));
      }
      const operators = tables ? await page.getOperatorList() : null;
      const rules = operators ? pathRules(operators.fnArray, operators.argsArray, OPS) : [];
      pages.push({ width: page.view[2] ?? 0, items, rules });
      page.cleanup();
    }
    return { pages };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { error: { name: e.name, message: e.message, opening } };
  } finally {
    await task.destroy();
  }
}

parentPort?.on("message", async ({ id, data }: PdfReadRequest) => {
  parentPort?.postMessage({ id, result: await read(data) });
});
