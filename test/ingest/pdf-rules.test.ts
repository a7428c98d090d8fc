/**
 * Ruling lines of PDF pages (src/ingest/readers/pdf-rules.ts): the borders a task table is read
 * by. Operator lists written by hand in pdfjs's shape, then a real print of a web page whose task
 * table has borders.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeText, splitBundle } from "../../src/ingest/index.js";
import { pdfReader } from "../../src/ingest/readers/pdf.js";
import { pathRules } from "../../src/ingest/readers/pdf-rules.js";
import type { DocumentSource } from "../../src/model/source.js";
import { parsePlan } from "../../src/parse/parse-plan.js";
import { parseDocument } from "../../src/pipeline.js";

// pdfjs-dist's OPS codes (the reader passes the library's own).
const OPS = {
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  endPath: 28,
  constructPath: 91,
};
const [MOVE, LINE, CURVE, CLOSE] = [0, 1, 2, 4];

describe("pathRules", () => {
  it("reads the straight segments of painted paths, in page coordinates", () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath];
    const args = [
      null,
      [1, 0, 0, 1, 100, 200], // moved by (100, 200) inside save/restore
      [OPS.stroke, [[MOVE, 0, 0, LINE, 50, 0, CURVE, 1, 1, 2, 2, 60, 10]], null],
      null,
      [OPS.fill, [[MOVE, 10, 10, LINE, 20, 10, LINE, 20, 11, CLOSE]], null],
    ];
    expect(pathRules(fn, args, OPS)).toEqual([
      { x1: 100, y1: 200, x2: 150, y2: 200 },
      { x1: 10, y1: 10, x2: 20, y2: 10 },
      { x1: 20, y1: 10, x2: 20, y2: 11 },
      { x1: 20, y1: 11, x2: 10, y2: 10 },
    ]);
  });

  it("draws nothing for a clipping path, and survives malformed operands", () => {
    const fn = [OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.transform];
    const args = [
      [OPS.endPath, [[MOVE, 0, 0, LINE, 595, 0]], null],
      [OPS.stroke, ["not numbers"], null],
      [OPS.stroke, [[LINE, 5]], null],
      ["a", "b"],
    ];
    expect(pathRules(fn, args, OPS)).toEqual([]);
  });
});

describe("a PDF whose task table has borders (a web page printed by LibreOffice)", () => {
  it("reads the table's rows as a .html of the same page does: titles, units, deadlines", async () => {
    const fromPdf = await pdfReader(readFileSync("test/fixtures/formats/table.pdf"), "table.pdf");
    const pdf = parsePlan(
      splitBundle("table.pdf", normalizeText(fromPdf.text))[0] as DocumentSource,
    );
    const html = await parseDocument("test/fixtures/authored/t-hen-2022-712-feijiu-wuzi.html");
    const rows = (d: typeof html) =>
      d.tasks
        .filter((t) => t.source === "appendix")
        .map((t) => [t.title, t.units.lead, t.deadline.raw]);
    expect(rows(pdf)).toHaveLength(15);
    expect(rows(pdf)).toEqual(rows(html));
    expect(pdf.tasks.filter((t) => t.source === "body")).toHaveLength(
      html.tasks.filter((t) => t.source === "body").length,
    );
  });
});
