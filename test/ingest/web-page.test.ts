/**
 * A plan published as a web page, the way crawlers find it: paragraphs in <p>, separated only by
 * <br>, or run together in inline elements (the reflow of src/ingest/reflow.ts puts the units
 * back), around navigation and a footer. Each must give the tasks of the published text.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PlanDocument } from "../../src/model/document.js";
import { parseDocument } from "../../src/pipeline.js";

const dir = mkdtempSync(join(tmpdir(), "plandiff-web-"));
const tasks = (d: PlanDocument) => d.tasks.map((t) => `${t.source} ${t.title}`);

function page(paragraphs: string[], wrap: (p: string) => string, between = ""): string {
  return `<html><head><meta charset="utf-8"><title>政策文件</title></head><body>
<div class="nav">首页 &gt; 政策文件</div><div id="zoom">${paragraphs.map(wrap).join(between)}</div>
<div class="footer">网站主办：某省人民政府办公厅</div></body></html>`;
}

describe("a plan as a web page", () => {
  for (const name of ["sd-2020-gongye-dashuju.txt", "gwy-2018-42-nongji.txt"]) {
    it(`gives the published tasks of ${name} however its paragraphs are marked`, async () => {
      const file = join("data", "real", name);
      const published = tasks(await parseDocument(file));
      const paragraphs = readFileSync(file, "utf8")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "");
      const variants = {
        p: page(paragraphs, (p) => `<p style="text-indent:2em">${p}</p>`),
        br: page(paragraphs, (p) => p, "<br>"),
        span: page(paragraphs, (p) => `<span>${p}</span>`),
      };
      for (const [kind, html] of Object.entries(variants)) {
        const path = join(dir, `${kind}-${name}.html`);
        writeFileSync(path, html);
        expect(tasks(await parseDocument(path)), kind).toEqual(published);
      }
    });
  }
});
