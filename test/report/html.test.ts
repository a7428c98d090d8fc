import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import { DEFAULT_DIFF_OPTIONS } from "../../src/diff/index.js";
import type { Alignment } from "../../src/model/alignment.js";
import type { CompareResult } from "../../src/model/compare.js";
import type { Lang } from "../../src/model/lang.js";
import { parseDocument } from "../../src/pipeline.js";
import { escapeHtml, html } from "../../src/report/html.js";
import { percent } from "../../src/report/shared/labels.js";

const PARENT = "data/002_2cdac00586eece9b.txt";
const CHILD = "data/000_e50bc25d11ad62e1.txt";
const HOSTILE_TITLE = "<script>window.__pwned=1</script>";
const HOSTILE_TEXT = '<img src=x onerror="window.__pwned=2">';

const parent = await parseDocument(PARENT);
const child = await parseDocument(CHILD);
const result = compareDocuments(parent, child);

/** The comparison with the child's first task (B1.1) carrying markup in its title and text. */
async function hostileResult(): Promise<CompareResult> {
  const doc = await parseDocument(CHILD);
  const victim = doc.tasks[0];
  if (!victim) throw new Error("the child plan has no task");
  doc.tasks[0] = { ...victim, title: HOSTILE_TITLE, text: `${HOSTILE_TEXT}${victim.text}` };
  return compareDocuments(await parseDocument(PARENT), doc);
}

async function render(r: CompareResult, lang: Lang = "zh"): Promise<string> {
  const out = await html(r, { color: false, lang });
  if (typeof out !== "string") throw new Error("the html formatter must produce text");
  return out;
}

/** The alignment group `sec-<id>` of a page, up to the next group. */
function group(text: string, id: string): string {
  return (
    text
      .split(`<section class="align-group" id="sec-${id}"`)[1]
      ?.split('<section class="align-group"')[0]
      ?.split("</section>")[0] ?? ""
  );
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

const page = await render(result);

describe("escapeHtml", () => {
  it("escapes & < > \" and '", () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});

describe("html formatter", () => {
  it("is one self-contained UTF-8 page in Chinese", () => {
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).not.toMatch(/<link\b|@import|url\(/i);
    expect(page).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(count(page, "<script")).toBe(1);
    expect(page).toContain("实施方案落实情况比对报告");
  });

  it("shows both documents and the summary numbers", () => {
    const { summary } = result;
    for (const doc of [parent, child]) {
      expect(page).toContain(escapeHtml(doc.title ?? ""));
      expect(page).toContain(escapeHtml(doc.docNumber ?? ""));
      expect(page).toContain(escapeHtml(doc.issuer ?? ""));
    }
    expect(page).toContain("浙政发〔2018〕16号");
    expect(page).toContain("嘉政发〔2018〕23号");
    const card = (metric: string) => page.split(`data-metric="${metric}"`)[1]?.split("</div>")[0];
    expect(card("coverage")).toContain(percent(summary.body.coverage));
    expect(card("required")).toContain(percent(summary.body.requiredCoverage));
    expect(card("fidelity")).toContain(percent(summary.fidelity));
    expect(card("appendix")).toContain(percent(summary.appendix.coverage));
    expect(page).toMatch(
      new RegExp(`data-metric="findings">[\\s\\S]*?card-value">${summary.findings.total}<`),
    );
    for (const [severity, n] of Object.entries(summary.findings.bySeverity)) {
      expect(page).toMatch(new RegExp(`data-severity="${severity}">.*?<strong>${n}</strong>`));
    }
  });

  it("draws one pair of SVG bars per parent section, with accessible titles", () => {
    expect(page).toMatch(/<svg [^>]*role="img" aria-labelledby="chart-title chart-desc"/);
    expect(page).toContain('<title id="chart-title">各部分任务覆盖率与忠实度</title>');
    const sections = result.summary.sections.length;
    expect(sections).toBeGreaterThan(0);
    expect(count(page, '<a href="#sec-')).toBe(sections);
    expect(count(page, '<rect class="bar-coverage"')).toBe(sections + 1); // + the legend
    expect(count(page, '<rect class="bar-fidelity"')).toBe(sections + 1);
    expect(page).toContain("大力实施政府系统党的建设工程 — 覆盖率");
  });

  it("puts every parent and child task in the alignment view, missing and added in their column", () => {
    for (const task of parent.tasks) expect(page).toContain(`id="p-${task.id}"`);
    for (const task of child.tasks) expect(page).toContain(`id="c-${task.id}"`);
    const { body, appendix, safeguards } = result.summary;
    const missing = new Set([...body.missing, ...appendix.missing, ...safeguards.missing]).size;
    const added = new Set(
      child.tasks.filter((t) => !result.alignments.some((a) => a.child === t.id)).map((t) => t.id),
    ).size;
    expect(count(page, 'class="cell cell-child placeholder placeholder-missing"')).toBe(missing);
    expect(count(page, 'class="cell cell-parent placeholder placeholder-added"')).toBe(added);
    expect(count(page, 'data-status="reworded"')).toBe(
      result.alignments.filter((a) => a.relation === "reworded").length,
    );
  });

  it("links every finding to its tasks, and every in-page link has a target", () => {
    for (const [i, finding] of result.findings.entries()) {
      const item = page.split(`id="f-${i + 1}"`)[1]?.split("</li>")[0] ?? "";
      expect(item).toContain(`data-kind="${finding.kind}"`);
      if (finding.parent) expect(item).toContain(`href="#p-${finding.parent}"`);
      if (finding.child) expect(item).toContain(`href="#c-${finding.child}"`);
    }
    const idList = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set(idList);
    expect(ids.size).toBe(idList.length);
    const targets = [...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(result.findings.length);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
  });

  it("shows the safeguards after the body sections and before the task table", () => {
    const groups = [...page.matchAll(/<section class="align-group" id="sec-([^"]+)"/g)].map(
      (m) => m[1],
    );
    const at = groups.indexOf("safeguards");
    expect(at).toBeGreaterThan(0);
    expect(groups.slice(0, at).every((id) => /^\d+$/.test(id ?? ""))).toBe(true);
    expect(groups[at + 1]).toBe("appendix");
    const { carried, parentTasks } = result.summary.safeguards;
    expect(group(page, "safeguards")).toContain(
      `<h3 id="sec-safeguards-h">保障措施 <span class="group-stats">已落实 ${carried}/${parentTasks}</span></h3>`,
    );
    for (const task of parent.tasks.filter((t) => t.source === "safeguards")) {
      expect(group(page, "safeguards")).toContain(`id="p-${task.id}"`);
    }
    expect(page).toMatch(/<tr><th scope="row">保障措施<\/th><td>\d+<\/td>/);
  });

  it("shows a link across sources in the row of its parent task, and added safeguards there", async () => {
    const s1 = parent.tasks.find((t) => t.source === "safeguards");
    const body = child.tasks.find((t) => t.source === "body");
    const childS = child.tasks.filter((t) => t.source === "safeguards");
    if (!s1 || !body || childS.length === 0) throw new Error("the plans lack safeguards");
    const crossed = [
      ...result.alignments.filter(
        (a) => a.parent !== s1.id && a.child !== body.id && !a.child.startsWith("S"),
      ),
      { ...(result.alignments[0] as Alignment), parent: s1.id, child: body.id },
    ];
    const out = await render({ ...result, alignments: crossed });
    const safeguards = group(out, "safeguards");
    expect(safeguards).toContain(`id="p-${s1.id}"`);
    expect(safeguards).toContain(`id="c-${body.id}"`);
    for (const task of childS) expect(safeguards).toContain(`id="c-${task.id}"`);
    expect(count(safeguards, 'placeholder-added"')).toBe(childS.length);
    for (const task of parent.tasks) expect(count(out, `id="p-${task.id}"`)).toBe(1);
    for (const task of child.tasks) expect(count(out, `id="c-${task.id}"`)).toBe(1);
    const ids = new Set([...out.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...out.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
  });

  it("offers kind and severity filters and a search box, hidden until the script runs", () => {
    expect(page).toMatch(/<form class="filters" id="finding-filters"[^>]* hidden>/);
    for (const kind of Object.keys(result.summary.findings.byKind)) {
      expect(page).toContain(`name="kind" value="${kind}"`);
    }
    for (const severity of ["high", "medium", "low", "info"]) {
      expect(page).toContain(`name="severity" value="${severity}"`);
    }
    expect(page).toContain('<input type="search" id="finding-search"');
    expect(page).toMatch(/@media print \{[\s\S]*\.filters[\s\S]*display: none/);
    expect(page).toContain("@page { size: A4;");
    expect(page).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it("marks the reworded wording with <del> on the parent side and <ins> on the child side", async () => {
    const link = result.alignments[0];
    if (!link) throw new Error("no alignment");
    const findings = result.findings.filter(
      (f) => !(f.kind === "reworded" && f.parent === link.parent && f.child === link.child),
    );
    findings.push({
      kind: "reworded",
      severity: "medium",
      parent: link.parent,
      child: link.child,
      message: "reworded",
      evidence: [],
      drift: null,
      waiver: null,
      changes: ["weakened"],
      diff: [
        { op: "=", text: "严格" },
        { op: "-", text: "<b>落实</b>" },
        { op: "+", text: "探索" },
        { op: "=", text: "制度" },
      ],
    });
    const out = await render({ ...result, findings });
    expect(out).toContain("严格<del>&lt;b&gt;落实&lt;/b&gt;</del>制度");
    expect(out).toContain("严格<ins>探索</ins>制度");
    expect(out).toContain("承诺弱化");
  });

  it("escapes hostile task text everywhere", async () => {
    const out = await render(await hostileResult());
    expect(out).not.toContain(HOSTILE_TITLE);
    expect(out).not.toContain("<img");
    expect(out).not.toContain('onerror="');
    expect(out).not.toContain("__pwned=1</script>");
    expect(out).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(out).toContain("&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;");
    expect(count(out, "<script")).toBe(1);
  });

  it("speaks English with lang en", async () => {
    const english = compareDocuments(parent, child, {
      diff: { ...DEFAULT_DIFF_OPTIONS, lang: "en" },
    });
    const out = await render(english, "en");
    expect(out).toContain('<html lang="en">');
    for (const text of [
      "Implementation fidelity report",
      "Parent plan",
      "Child plan",
      "Required coverage",
      "Task by task",
      "Safeguards",
      "Findings",
      "Coverage and fidelity by parent section",
      "nothing ticked shows all",
      "Showing {shown} of {total}",
    ]) {
      expect(out).toContain(text);
    }
    expect(out).not.toContain("概览");
    expect(out).not.toContain("逐项对照");
  });

  it("renders a result without alignments or findings", async () => {
    const out = await render({ ...result, alignments: [], findings: [] });
    expect(out).toContain("未发现问题。");
    expect(out).not.toContain('id="finding-list"');
    expect(count(out, 'placeholder-missing"')).toBe(parent.tasks.length);
    expect(count(out, 'placeholder-added"')).toBe(child.tasks.length);
  });

  it("is deterministic", async () => {
    expect(await render(result)).toBe(page);
    expect(await render(structuredClone(result))).toBe(page);
    expect(page).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:/);
  });
});
