/** Review in the HTML report: the markup contract, decisions in force, hostile titles. */
import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import type { CompareResult } from "../../src/model/compare.js";
import type { Lang } from "../../src/model/lang.js";
import { parseDocument } from "../../src/pipeline.js";
import { documentsHash } from "../../src/report/html/review.js";
import { escapeHtml, html } from "../../src/report/html.js";
import { decisionsForPair } from "../../src/review/apply.js";
import type { ReviewFile } from "../../src/review/schema.js";

const PARENT = "data/002_2cdac00586eece9b.txt";
const CHILD = "data/000_e50bc25d11ad62e1.txt";
const parent = await parseDocument(PARENT);
const child = await parseDocument(CHILD);
const result = compareDocuments(parent, child);
const DOCS = { parent: "zj-province", child: "jx-city" };

async function render(
  r: CompareResult,
  lang: Lang = "zh",
  documents: { parent: string; child: string } | null = DOCS,
): Promise<string> {
  const out = await html(r, { color: false, lang, ...(documents ? { documents } : {}) });
  if (typeof out !== "string") throw new Error("the html formatter must produce text");
  return out;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;
const page = await render(result);

/** The opening tag of the element with this id. */
function tag(text: string, id: string): string {
  const at = text.indexOf(` id="${id}"`);
  return text.slice(text.lastIndexOf("<", at), text.indexOf(">", at) + 1);
}

describe("review in the HTML report", () => {
  it("has a review bar with the reviewer's name, the count and 导出审核文件, hidden until the script runs", () => {
    const bar = tag(page, "review-bar");
    expect(bar).toContain(" hidden");
    expect(bar).toContain('data-parent-doc="zj-province"');
    expect(bar).toContain('data-child-doc="jx-city"');
    expect(bar).toContain('data-file="review-zj-province-jx-city.yaml"');
    expect(bar).toContain(
      `data-key="plandiff-review:v1:zj-province:jx-city:${documentsHash(result)}"`,
    );
    expect(page).toContain('<input type="text" id="review-by"');
    expect(page).toContain('<button type="button" id="review-export">导出审核文件</button>');
    expect(page).toMatch(/@media print \{[\s\S]*\.review-bar, \.review \{ display: none/);
    expect(count(page, "<script")).toBe(1);
    expect(page).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|fetch\(/);
  });

  it("marks every finding with its kind and tasks, and gives it confirm and waive", () => {
    for (const [i, finding] of result.findings.entries()) {
      const open = tag(page, `f-${i + 1}`);
      expect(open).toContain(`data-kind="${finding.kind}"`);
      expect(open).toContain('data-review-item="finding"');
      if (finding.parent) expect(open).toContain(`data-parent="${finding.parent}"`);
      else expect(open).not.toContain("data-parent=");
      if (finding.child) expect(open).toContain(`data-child="${finding.child}"`);
      else expect(open).not.toContain("data-child=");
      const item = page.split(`id="f-${i + 1}"`)[1]?.split("\n</li>")[0] ?? "";
      expect(item).toContain('<button type="button" data-review="confirm">确认</button>');
      expect(item).toContain('<button type="button" data-review="waive">豁免</button>');
      expect(item).not.toContain('data-review="reject"');
    }
  });

  it("gives every link confirm and reject, and nothing to rows that are no link", () => {
    const rows = [...page.matchAll(/<div class="row [^"]*" data-status="([^"]+)"([^>]*)>/g)];
    const links = rows.filter((m) => m[2]?.includes('data-review-item="link"'));
    expect(links).toHaveLength(result.alignments.length);
    for (const m of rows) {
      const isLink = m[2]?.includes('data-review-item="link"') ?? false;
      expect(isLink).toBe(m[1] !== "missing" && m[1] !== "added");
    }
    for (const a of result.alignments) {
      expect(page).toContain(`data-review-item="link" data-parent="${a.parent}"`);
    }
    expect(count(page, 'data-review="reject"')).toBe(result.alignments.length);
    expect(count(page, 'data-review="waive"')).toBe(result.findings.length);
    expect(count(page, 'data-review="confirm"')).toBe(
      result.alignments.length + result.findings.length,
    );
  });

  it("speaks English with lang en", async () => {
    const out = await render(result, "en");
    expect(out).toContain('<button type="button" id="review-export">Export review file</button>');
    expect(out).toContain('data-review="waive">Waive</button>');
    expect(out).toContain('data-review="reject">Reject</button>');
    expect(out).toContain('data-review="confirm">Confirm</button>');
  });

  it("names the documents parent and child when the caller gives no ids", async () => {
    const out = await render(result, "zh", null);
    expect(tag(out, "review-bar")).toContain('data-parent-doc="parent" data-child-doc="child"');
  });

  it("shows decisions in force: waivers, confirmed and added links, with their buttons disabled", () => {
    const review: ReviewFile = {
      decisions: [
        {
          action: "waive",
          parentDoc: "p",
          childDoc: "c",
          kind: "missing",
          parent: { id: "B4.3", title: "加强制度供给" },
          reason: "<b>已部署</b>",
          by: "张三",
          date: "2026-11-20",
        },
        {
          action: "confirm",
          parentDoc: "p",
          childDoc: "c",
          parent: { id: "B1.2", title: "加强思想建设" },
          child: { id: "B1.2", title: "加强思想建设" },
          by: "李四",
          date: "2026-11-20",
        },
      ],
    };
    const gap = parent.tasks.find(
      (t) => t.source === "appendix" && result.summary.appendix.missing.includes(t.id),
    );
    const first = child.tasks.find((t) => t.source === "appendix");
    if (!gap || !first) throw new Error("no missing appendix row");
    review.decisions.push({
      action: "add",
      parentDoc: "p",
      childDoc: "c",
      parent: { id: gap.id, title: gap.title },
      child: { id: first.id, title: first.title },
      relation: "partial",
      reason: "人工核对",
      by: "王五",
      date: "2026-11-21",
    });
    const reviewed = compareDocuments(parent, child, {
      review: decisionsForPair(review, "p", "c"),
    });
    return render(reviewed).then((out) => {
      const at = reviewed.findings.findIndex((f) => f.kind === "missing" && f.parent === "B4.3");
      expect(at).toBeGreaterThanOrEqual(0);
      const open = tag(out, `f-${at + 1}`);
      expect(open).toContain('data-review-state="waive" data-in-force');
      const item = out.split(`id="f-${at + 1}"`)[1]?.split("\n</li>")[0] ?? "";
      expect(item).toContain("已豁免（审核文件）");
      expect(item).toContain("张三 · 2026-11-20：&lt;b&gt;已部署&lt;/b&gt;");
      expect(item).toContain('data-review="waive" disabled>');
      expect(out).toContain(
        'data-review-item="link" data-parent="B1.2" data-parent-title="加强思想建设" data-child="B1.2" data-child-title="加强思想建设" data-review-state="confirm" data-in-force',
      );
      expect(out).toContain("已确认（审核文件）");
      expect(out).toContain(
        `data-review-item="link" data-parent="${gap.id}" data-parent-title="${escapeHtml(gap.title)}" data-child="${first.id}"`,
      );
      expect(out).toMatch(/data-review-state="add" data-in-force>/);
      expect(out).toContain("人工添加（审核文件）");
    });
  });

  it("keeps hostile titles inert in the data attributes, and gives the same bytes twice", async () => {
    const doc = await parseDocument(CHILD);
    const victim = doc.tasks[0];
    if (!victim) throw new Error("no task");
    const hostile = '"><script>alert(1)</script>\u202E';
    doc.tasks[0] = { ...victim, title: hostile };
    const r = compareDocuments(parent, doc);
    const out = await render(r);
    expect(out).not.toContain("<script>alert(1)");
    expect(out).toContain(`data-child-title="${escapeHtml(hostile)}"`);
    expect(count(out, "<script")).toBe(1);
    expect(await render(r)).toBe(out);
  });

  it("keys the stored decisions by the documents, not by the folder they were read from", () => {
    const moved = {
      ...result,
      parent: { ...result.parent, file: `/elsewhere/${PARENT.split("/").pop()}` },
    };
    expect(documentsHash(moved)).toBe(documentsHash(result));
    const renamed = {
      ...result,
      child: { ...result.child, tasks: result.child.tasks.slice(1) },
    };
    expect(documentsHash(renamed)).not.toBe(documentsHash(result));
  });
});
