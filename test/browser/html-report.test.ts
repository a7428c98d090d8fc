/**
 * The HTML report in a real browser: Debian's Chromium (`apt-get install chromium
 * fonts-noto-cjk`) driven by playwright-core. Without /usr/bin/chromium (or the path in
 * PLANDIFF_CHROMIUM) every test is reported as "skipped: chromium not installed".
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import type { CompareResult } from "../../src/model/compare.js";
import { parseDocument } from "../../src/pipeline.js";
import { html } from "../../src/report/html.js";
import { KIND_LABELS } from "../../src/report/shared/labels.js";
import { hasChromium, named, offlinePage, SKIP_NOTICE } from "../helpers/browser.js";

if (!hasChromium) {
  // Not console (banned by the linter): a skipped browser suite must still be noticed.
  process.stderr.write(
    `\n⚠ test/browser: ${SKIP_NOTICE}; the HTML report is not tested in a browser.\n` +
      "  Install it with: apt-get install -y --no-install-recommends chromium fonts-noto-cjk\n\n",
  );
}

const PARENT = "data/002_2cdac00586eece9b.txt";
const CHILD = "data/000_e50bc25d11ad62e1.txt";
const HOSTILE_TITLE = "<script>window.__pwned=1</script>";
const HOSTILE_TEXT = '<img src=x onerror="window.__pwned=2">';

/** The comparison with the child's first task (B1.1) carrying markup in its title and text. */
async function hostileResult(): Promise<CompareResult> {
  const child = await parseDocument(CHILD);
  const victim = child.tasks[0];
  if (!victim) throw new Error("the child plan has no task");
  child.tasks[0] = { ...victim, title: HOSTILE_TITLE, text: `${HOSTILE_TEXT}${victim.text}` };
  return compareDocuments(await parseDocument(PARENT), child);
}

describe.skipIf(!hasChromium)(named("HTML report in headless Chromium"), () => {
  let work = "";
  let url = "";
  let result: CompareResult;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];
  let outsideRequests: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "plandiff-browser-"));
    result = await hostileResult();
    const file = join(work, "report.html");
    writeFileSync(file, await html(result, { color: false, lang: "zh" }));
    url = pathToFileURL(file).href;
    ({ context, page, pageErrors, outsideRequests } = await offlinePage(join(work, "profile"), {}));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await page.goto(url, { waitUntil: "load" });
  });

  it(named("shows the summary cards, the SVG chart and the alignment view"), async () => {
    await expect(page.title()).resolves.toContain("实施方案落实情况比对报告");
    expect(await page.locator("#summary").isVisible()).toBe(true);
    const coverage = page.locator('#summary [data-metric="coverage"] .card-value');
    expect(await coverage.textContent()).toMatch(/^\d+\.\d%$/);
    const total = page.locator('#summary [data-metric="findings"] .card-value');
    expect(await total.textContent()).toBe(String(result.findings.length));

    const chart = page.locator("#sections svg[role=img]");
    expect(await chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(600);
    expect(box?.height ?? 0).toBeGreaterThan(200);
    expect(await chart.locator("a.chart-row").count()).toBe(result.summary.sections.length);
    expect(await chart.locator("a.chart-row").first().isVisible()).toBe(true);
    expect(await page.locator("#chart-title").textContent()).toBe("各部分任务覆盖率与忠实度");

    const rows = page.locator("#alignment .row");
    expect(await rows.count()).toBeGreaterThanOrEqual(result.alignments.length);
    expect(await page.locator("#alignment .columns-head").isVisible()).toBe(true);
    expect(await page.locator("#alignment .placeholder-missing").first().isVisible()).toBe(true);
    expect(await page.locator("#alignment .placeholder-added").first().isVisible()).toBe(true);
    expect(
      await page.locator('#alignment .row[data-status="reworded"] ins').count(),
    ).toBeGreaterThan(0);
  });

  it(named("renders hostile task text as text and runs none of it"), async () => {
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    const title = page.locator("#c-B1\\.1 .task-title");
    expect(await title.textContent()).toBe(HOSTILE_TITLE);
    expect(await title.isVisible()).toBe(true);
    expect(await page.locator("#c-B1\\.1").textContent()).toContain(HOSTILE_TEXT);
    expect(await page.locator("#alignment img, #alignment script").count()).toBe(0);
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(pageErrors).toEqual([]);
    expect(outsideRequests).toEqual([]);
  });

  it(named("a kind filter hides the findings of other kinds"), async () => {
    const items = page.locator("#finding-list > li");
    const total = await items.count();
    const missing = result.findings.filter((f) => f.kind === "missing").length;
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(total);
    expect(await page.locator("#finding-filters").isVisible()).toBe(true);
    expect(await page.locator("#finding-list > li:visible").count()).toBe(total);

    await page.getByLabel(KIND_LABELS.missing?.zh ?? "missing").click();
    expect(await page.locator("#finding-list > li:visible").count()).toBe(missing);
    expect(await page.locator('#finding-list > li[data-kind="missing"]').first().isVisible()).toBe(
      true,
    );
    const others = page.locator('#finding-list > li:not([data-kind="missing"])');
    expect(await others.count()).toBe(total - missing);
    expect(await others.first().isVisible()).toBe(false);
    expect(await others.last().isVisible()).toBe(false);
    expect(await page.locator("#finding-list > li:visible:not([data-kind=missing])").count()).toBe(
      0,
    );
    expect(await page.locator("#finding-count").textContent()).toBe(
      `显示 ${missing} / ${total} 条`,
    );

    const high = result.findings.filter((f) => f.kind === "missing" && f.severity === "high");
    await page.locator('#finding-filters input[name="severity"][value="high"]').click();
    expect(await page.locator("#finding-list > li:visible").count()).toBe(high.length);

    await page.locator("#finding-reset").click();
    expect(await page.locator("#finding-list > li:visible").count()).toBe(total);
  });

  it(named("the search box narrows the findings to those that mention the text"), async () => {
    const id = result.summary.body.missing[0] ?? "A15";
    await page.locator("#finding-search").fill(id);
    const shown = page.locator("#finding-list > li:visible");
    expect(await shown.count()).toBeGreaterThan(0);
    for (const text of await shown.allTextContents()) expect(text).toContain(id);
    await page.locator("#finding-search").fill("没有这样的任务 zzz");
    expect(await shown.count()).toBe(0);
    expect(await page.locator("#finding-empty").isVisible()).toBe(true);
  });

  it(named("a finding's task link jumps to the task in the alignment view"), async () => {
    const finding = result.findings.findIndex((f) => f.kind === "missing");
    const link = page.locator(`#f-${finding + 1} a.task-link-parent`);
    const target = (await link.getAttribute("href")) ?? "";
    await link.click();
    await expect.poll(() => page.evaluate("location.hash")).toBe(target);
    expect(await page.locator(`#alignment [id="${target.slice(1)}"]`).isVisible()).toBe(true);
  });

  it(named("screenshots a page that is not blank"), async () => {
    const shot = await page.screenshot();
    const blankPage = await context.newPage();
    try {
      await blankPage.setContent("<!doctype html><title>blank</title>");
      const blank = await blankPage.screenshot();
      expect([...shot.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(shot.length).toBeGreaterThan(blank.length * 10);
      expect(new Set(shot).size).toBe(256);
    } finally {
      await blankPage.close();
    }
  });
});
