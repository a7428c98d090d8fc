/**
 * Review in the HTML report, end to end (issue 21): a run's HTML report is opened in Debian's
 * Chromium, a reviewer waives a missing finding with a reason, exports the review file (the
 * download is captured), the file becomes the run's `review:` and the next run has the finding
 * waived and out of the counts. Without /usr/bin/chromium (or PLANDIFF_CHROMIUM) the suite is
 * reported as "skipped: chromium not installed".
 */

import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompareResult } from "../../src/model/compare.js";
import { runBatch } from "../../src/run/run-batch.js";
import { hasChromium, named, offlinePage, SKIP_NOTICE } from "../helpers/browser.js";

if (!hasChromium) {
  process.stderr.write(
    `\n⚠ test/browser: ${SKIP_NOTICE}; review in the HTML report is not tested in a browser.\n` +
      "  Install it with: apt-get install -y --no-install-recommends chromium fonts-noto-cjk\n\n",
  );
}

const REVIEWER = '王"审核" \\ 五';
const REASON = '已在市政府规章工作计划中部署: "见附件" # 第2条 另见：2026-11-20';

let tick = 0;
const clock = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++));

describe.skipIf(!hasChromium)(named("review in the HTML report of a run"), () => {
  let work = "";
  let config = "";
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];
  let outsideRequests: string[] = [];

  function writeConfig(extra = ""): void {
    writeFileSync(
      config,
      `documents:\n  - id: zj-province\n    path: province.txt\n  - id: jx-city\n    path: city.txt\n    parent: zj-province\noutput: out\nformats: [json, html]\n${extra}`,
    );
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "plandiff-review-browser-"));
    copyFileSync("data/002_2cdac00586eece9b.txt", join(work, "province.txt"));
    copyFileSync("data/000_e50bc25d11ad62e1.txt", join(work, "city.txt"));
    config = join(work, "plandiff.config.yaml");
    writeConfig();
    ({ context, page, pageErrors, outsideRequests } = await offlinePage(join(work, "profile"), {
      downloads: true,
      dataUrls: true,
    }));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(named("waive a missing finding, export, run again: the finding is waived"), async () => {
    const first = await runBatch({ configPath: config, now: clock });
    const pairJson = (runDir: string) =>
      JSON.parse(readFileSync(join(runDir, "pairs", "jx-city.json"), "utf8")) as CompareResult;
    const before = pairJson(first.runDir);
    const target = before.findings.find((f) => f.kind === "missing" && f.parent !== null);
    if (!target?.parent) throw new Error("the city plan has no missing finding");
    const parentTitle = before.parent.tasks.find((t) => t.id === target.parent)?.title;

    await page.goto(pathToFileURL(join(first.runDir, "pairs", "jx-city.html")).href);
    expect(await page.locator("#review-bar").isVisible()).toBe(true);
    expect(await page.locator("#review-bar").getAttribute("data-parent-doc")).toBe("zj-province");
    expect(await page.locator("#review-bar").getAttribute("data-child-doc")).toBe("jx-city");
    const item = page
      .locator(`#finding-list > li[data-kind="missing"][data-parent="${target.parent}"]`)
      .first();
    expect(await item.getAttribute("data-child")).toBeNull();
    expect(await item.getAttribute("data-parent-title")).toBe(parentTitle);
    const waive = item.locator('button[data-review="waive"]');
    expect(await waive.isVisible()).toBe(true);
    expect(await item.locator('button[data-review="confirm"]').isVisible()).toBe(true);
    expect(await item.locator('button[data-review="reject"]').count()).toBe(0);
    const link = page.locator('#alignment .row[data-review-item="link"]').first();
    expect(await link.locator('button[data-review="confirm"]').isVisible()).toBe(true);
    expect(await link.locator('button[data-review="reject"]').isVisible()).toBe(true);

    // Without a name, nothing is decided and the name field is asked for.
    await item.locator(".review-reason").fill("初步理由");
    await waive.click();
    expect(await item.getAttribute("data-review-state")).toBeNull();
    await expect.poll(() => page.evaluate("document.activeElement.id")).toBe("review-by");
    await page.locator("#review-by").fill(REVIEWER);
    await page.locator("#review-by").dispatchEvent("change");
    await waive.click();
    expect(await item.getAttribute("data-review-state")).toBe("waive");
    expect(await waive.getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator("#review-count").textContent()).toBe("本页已作 1 项决定");

    // A link rejected without a reason is refused; confirmed, it needs none — then undone.
    await link.locator('button[data-review="reject"]').click();
    expect(await link.getAttribute("data-review-state")).toBeNull();
    await link.locator('button[data-review="confirm"]').click();
    expect(await link.getAttribute("data-review-state")).toBe("confirm");
    await link.locator('button[data-review="confirm"]').click();
    expect(await link.getAttribute("data-review-state")).toBeNull();

    // Closing the page loses nothing: the decision and the name come back.
    await page.reload();
    const again = page
      .locator(`#finding-list > li[data-kind="missing"][data-parent="${target.parent}"]`)
      .first();
    expect(await again.getAttribute("data-review-state")).toBe("waive");
    expect(await page.locator("#review-by").inputValue()).toBe(REVIEWER);
    expect(await page.locator("#review-count").textContent()).toBe("本页已作 1 项决定");
    // Editing the reason of a decision made updates it.
    await again.locator(".review-reason").fill(REASON);
    await again.locator(".review-reason").dispatchEvent("change");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#review-export").click(),
    ]);
    expect(download.suggestedFilename()).toBe("review-zj-province-jx-city.yaml");
    const exported = join(work, "review.yaml");
    await download.saveAs(exported);
    const text = readFileSync(exported, "utf8");
    expect(text).toMatch(/^decisions:$/m);
    expect(text).toContain('action: "waive"');

    writeConfig("review: review.yaml\n");
    const second = await runBatch({ configPath: config, now: clock });
    expect(second.record.review.applied).toBe(1);
    expect(second.record.review.stale).toEqual([]);
    const after = pairJson(second.runDir);
    const waived = after.findings.filter(
      (f) => f.kind === "missing" && f.parent === target.parent && f.child === null,
    );
    expect(waived.length).toBeGreaterThan(0);
    for (const f of waived) {
      expect(f.waiver?.by).toBe(REVIEWER);
      expect(f.waiver?.reason).toBe(REASON);
      expect(f.waiver?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(after.summary.findings.waived).toBe(waived.length);
    expect(after.summary.findings.total).toBe(before.summary.findings.total - waived.length);
    expect(after.summary.findings.byKind.missing).toBe(
      (before.summary.findings.byKind.missing ?? 0) - waived.length,
    );
    const run = second.record.pairs[0];
    expect(run?.summary.findings.waived).toBe(waived.length);

    // The next report shows the waiver in force, its buttons disabled.
    await page.goto(pathToFileURL(join(second.runDir, "pairs", "jx-city.html")).href);
    const inForce = page
      .locator(`#finding-list > li[data-kind="missing"][data-parent="${target.parent}"]`)
      .first();
    expect(await inForce.getAttribute("data-in-force")).not.toBeNull();
    expect(await inForce.getAttribute("data-review-state")).toBe("waive");
    expect(await inForce.locator(".in-force").textContent()).toContain(REVIEWER);
    expect(await inForce.locator('button[data-review="waive"]').isDisabled()).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(outsideRequests).toEqual([]);
  }, 120_000);
});
