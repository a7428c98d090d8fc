import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REAL_DATA_DIR } from "../../bench/eval/real.js";
import { compareDocuments } from "../../src/compare.js";
import type { CompareResult } from "../../src/model/compare.js";
import { parseDocument } from "../../src/pipeline.js";
import { formatters } from "../../src/report/index.js";

const parent = await parseDocument(join(REAL_DATA_DIR, "miit-2020-67-gongye-dashuju.txt"));
const child = await parseDocument(join(REAL_DATA_DIR, "sd-2020-gongye-dashuju.txt"));
const result = compareDocuments(parent, child);
const moved = parent.tasks.find((t) => t.title === "开展工业数据应用示范");
const movedCoverage = result.coverage.find((c) => c.parent === moved?.id);
const carrier = movedCoverage?.carriedBy[0]?.child as string;
// As the reports print them: coverage to one decimal, a carrier's share to a whole percent.
const pct = `${((movedCoverage?.coverage ?? 0) * 100).toFixed(1)}%`;
const share = `${Math.round((movedCoverage?.carriedBy[0]?.share ?? 0) * 100)}%`;

/** The same result with one parent task's title made hostile. */
function hostile(): CompareResult {
  return {
    ...result,
    parent: {
      ...result.parent,
      tasks: result.parent.tasks.map((t) =>
        t.id === moved?.id ? { ...t, title: "<script>alert(1)</script> | *x*" } : t,
      ),
    },
  };
}

const render = async (format: "md" | "html", r: CompareResult, lang: "zh" | "en") =>
  String(await formatters[format](r, { color: false, lang }));

describe("coverage per parent task in the reports", () => {
  it("md: a row per parent task with its coverage and carriers, in Chinese by default", async () => {
    expect(movedCoverage?.coverage).toBeGreaterThan(0.5);
    const md = await render("md", result, "zh");
    expect(md).toContain("## 上级任务覆盖度");
    expect(md).toContain("| 上级任务 | 标题 | 覆盖度 | 由…承接 |");
    expect(md).toContain(
      `| ${moved?.id} | 开展工业数据应用示范 | ${pct} | ${carrier}（${share}） |`,
    );
    const en = await render("md", result, "en");
    expect(en).toContain("## Coverage by parent task");
    expect(en).toContain(`| ${pct} | ${carrier} (${share}) |`);
  });

  it("html: a bar, the percentage and the carriers linked to their child task", async () => {
    const html = await render("html", result, "zh");
    expect(html).toContain(
      `<span style="width:${pct}"></span></span> ${pct} · 由 <a href="#c-${carrier}">${carrier}</a>（${share}）承接</p>`,
    );
    expect(await render("html", result, "en")).toContain(
      `${pct} · carried by <a href="#c-${carrier}">${carrier}</a> (${share})</p>`,
    );
  });

  it("escapes the parent task's text", async () => {
    const md = await render("md", hostile(), "zh");
    expect(md).toContain("\\<script\\>alert(1)\\</script\\> \\| \\*x\\*");
    const html = await render("html", hostile(), "zh");
    expect(html).not.toContain("<script>alert(1)");
  });
});
