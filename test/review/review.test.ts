import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import { createContext, DEFAULT_DIFF_OPTIONS, runRules } from "../../src/diff/index.js";
import type { Alignment } from "../../src/model/alignment.js";
import type { CompareResult } from "../../src/model/compare.js";
import type { PlanDocument } from "../../src/model/document.js";
import type { Task } from "../../src/model/task.js";
import { parseDocument } from "../../src/pipeline.js";
import {
  applyLinkDecisions,
  applyWaivers,
  decisionsForPair,
  type IndexedDecision,
  normalizeTitle,
  resolveTask,
  taskKey,
} from "../../src/review/apply.js";
import { loadReview } from "../../src/review/load-review.js";
import { type Decision, DecisionSchema } from "../../src/review/schema.js";

// 浙江省 (parent) → 嘉兴市 (child) plans for government self-construction.
const parent = await parseDocument("data/002_2cdac00586eece9b.txt");
const child = await parseDocument("data/000_e50bc25d11ad62e1.txt");
const result = compareDocuments(parent, child);

const PAIR = { parentDoc: "zj-province", childDoc: "jx-city" };
const SIGNED = { by: "张三", date: "2026-11-20" };

/** A decision as a reviewer writes it, validated by the real schema (defaults applied). */
function decision(fields: Record<string, unknown>): Decision {
  return DecisionSchema.parse({ ...PAIR, ...SIGNED, ...fields });
}

/** Decisions with their positions in the file, as the review file would give them. */
function indexed(...decisions: Decision[]): IndexedDecision[] {
  return decisions.map((d, index) => ({ index, decision: d }));
}

const ref = (id: string, title: string) => ({ id, title });
const PARENT_B3_5 = ref("B3.5", "完善改革创新容错免责机制");
const PARENT_B4_3 = ref("B4.3", "加强制度供给");
const PARENT_B4_4 = ref("B4.4", "健全政务标准");
const CHILD_B3_13 = ref("B3.13", "健全行政问责和容错免责机制");
const CHILD_B4_15 = ref("B4.15", "规范行政权力");
const CHILD_B4_16 = ref("B4.16", "健全政务服务标准");

const confirmB3_5 = decision({ action: "confirm", parent: PARENT_B3_5, child: CHILD_B3_13 });
const rejectB4_4 = decision({
  action: "reject",
  parent: PARENT_B4_4,
  child: CHILD_B4_16,
  reason: "市级任务只覆盖政务服务标准，未覆盖政务标准清单",
});
const addB4_3 = decision({
  action: "add",
  parent: PARENT_B4_3,
  child: CHILD_B4_15,
  relation: "partial",
  reason: "规范行政权力包含制度供给内容",
});
const waiveB4_3 = decision({
  action: "waive",
  kind: "missing",
  parent: PARENT_B4_3,
  reason: "已在其他文件中部署",
});

const pairs = (alignments: readonly Alignment[]) => alignments.map((a) => `${a.parent}→${a.child}`);
const linkOf = (alignments: readonly Alignment[], p: string, c: string) =>
  alignments.find((a) => a.parent === p && a.child === c);

/** Re-runs the diff rules over edited alignments, as compareDocuments would. */
function findingsFor(run: CompareResult, alignments: Alignment[]): ReturnType<typeof runRules> {
  const context = createContext({
    parent: run.parent,
    child: run.child,
    alignments,
    sectionAlignments: run.sectionAlignments,
    lang: "zh",
  });
  return runRules(context, DEFAULT_DIFF_OPTIONS);
}

const missingOf = (findings: ReturnType<typeof runRules>, id: string) =>
  findings.filter((f) => f.kind === "missing" && f.parent === id);

/** A copy of the child plan renumbered one up (B3.13 → B3.14, A9 → A10), titles unchanged. */
function renumbered(doc: PlanDocument): PlanDocument {
  const shift = (id: string) =>
    id.replace(/^(B\d+\.|A)(\d+)$/, (_, head: string, n: string) => `${head}${Number(n) + 1}`);
  return {
    ...doc,
    tasks: doc.tasks.map((t) => ({
      ...t,
      id: shift(t.id),
      label: /^\d+$/.test(t.label) ? String(Number(t.label) + 1) : t.label,
      appendixRefs: t.appendixRefs.map(shift),
      bodyRefs: t.bodyRefs.map(shift),
    })),
  };
}

/** A copy of the plan where one task has a new title (and heading). */
function retitled(doc: PlanDocument, id: string, title: string): PlanDocument {
  return {
    ...doc,
    tasks: doc.tasks.map((t): Task => {
      if (t.id !== id) return t;
      return { ...t, title, text: t.text.replace(t.title, title) };
    }),
  };
}

describe("task keys", () => {
  it("ignore width, spacing and punctuation but not wording", () => {
    const province = parent.tasks.find((t) => t.id === "B6.1");
    const city = child.tasks.find((t) => t.id === "B6.23");
    // 推进“互联网+政务服务” (province) vs 推进“互联网＋政务服务” (city, full-width ＋).
    expect(province?.title).not.toBe(city?.title);
    expect(province && taskKey(province)).toBe(city && taskKey(city));
    expect(normalizeTitle("深化乡镇（街道） 综合管理体制改革。")).toBe(
      "深化乡镇街道综合管理体制改革",
    );
    const b313 = child.tasks.find((t) => t.id === "B3.13") as Task;
    expect(taskKey({ ...b313, title: "健全行政问责机制" })).not.toBe(taskKey(b313));
    expect(taskKey(b313)).toBe("body:健全行政问责和容错免责机制");
  });
});

describe("resolveTask", () => {
  it("finds a task by its title even when the id is out of date", () => {
    expect(resolveTask(ref("B9.99", CHILD_B3_13.title), child)?.id).toBe("B3.13");
    expect(resolveTask({ title: "健全行政问责和容错免责机制。" }, child)?.id).toBe("B3.13");
  });

  it("uses the id to choose between a body task and an appendix row of the same title", () => {
    const title = "实行重点工作清单管理"; // parent B3.2 and row A11
    expect(resolveTask({ title }, parent)).toBeNull();
    expect(resolveTask(ref("B3.2", title), parent)?.id).toBe("B3.2");
    expect(resolveTask(ref("A11", title), parent)?.id).toBe("A11");
    // Renumbered row: the A prefix still says which one.
    expect(resolveTask(ref("A12", title), parent)?.id).toBe("A11");
  });

  it("does not fall back to the id when the task under it has another title", () => {
    expect(resolveTask(ref("B3.13", "健全行政问责工作机制"), child)).toBeNull();
  });
});

describe("applyLinkDecisions on the province → Jiaxing plans", () => {
  it("reject removes a real link, and the parent task becomes missing", () => {
    expect(linkOf(result.alignments, "B4.4", "B4.16")).toBeDefined();
    expect(missingOf(result.findings, "B4.4")).toHaveLength(0);
    const out = applyLinkDecisions(indexed(rejectB4_4), parent, child, result.alignments);
    expect(out.applied).toEqual([0]);
    expect(out.stale).toEqual([]);
    expect(linkOf(out.alignments, "B4.4", "B4.16")).toBeUndefined();
    expect(out.alignments).toHaveLength(result.alignments.length - 1);
    expect(missingOf(findingsFor(result, out.alignments), "B4.4")).toHaveLength(1);
    // Pure: the run's own alignments are untouched.
    expect(linkOf(result.alignments, "B4.4", "B4.16")).toBeDefined();
  });

  it("add inserts a manual link in document order, and the task is no longer missing", () => {
    expect(missingOf(result.findings, "B4.3")).toHaveLength(1);
    const out = applyLinkDecisions(indexed(addB4_3), parent, child, result.alignments);
    expect(out.applied).toEqual([0]);
    expect(linkOf(out.alignments, "B4.3", "B4.15")).toEqual({
      parent: "B4.3",
      child: "B4.15",
      relation: "partial",
      score: 1,
      evidence: { signals: { manual: 1 }, sharedTerms: [], sentences: [] },
    });
    const order = pairs(out.alignments);
    expect(order.indexOf("B4.3→B4.15")).toBe(order.indexOf("B4.2→B4.15") + 1);
    expect(order.indexOf("B4.4→B4.16")).toBe(order.indexOf("B4.3→B4.15") + 1);
    expect(missingOf(findingsFor(result, out.alignments), "B4.3")).toHaveLength(0);
  });

  it("add of a link the matcher already made changes nothing and counts as applied", () => {
    const again = decision({
      action: "add",
      parent: PARENT_B3_5,
      child: CHILD_B3_13,
      reason: "同上",
    });
    expect(again.action === "add" && again.relation).toBe("reworded"); // the default
    const out = applyLinkDecisions(indexed(again), parent, child, result.alignments);
    expect(out.applied).toEqual([0]);
    expect(out.alignments).toEqual(result.alignments);
  });

  it("confirm keeps the link and marks its evidence", () => {
    const before = linkOf(result.alignments, "B3.5", "B3.13");
    const out = applyLinkDecisions(indexed(confirmB3_5), parent, child, result.alignments);
    expect(out.applied).toEqual([0]);
    const after = linkOf(out.alignments, "B3.5", "B3.13");
    expect(after?.relation).toBe(before?.relation);
    expect(after?.score).toBe(before?.score);
    expect(after?.evidence.signals).toEqual({ ...before?.evidence.signals, confirmed: 1 });
    expect(before?.evidence.signals.confirmed).toBeUndefined();
    expect(pairs(out.alignments)).toEqual(pairs(result.alignments));
  });

  it("reports reject and confirm of a link that does not exist as stale", () => {
    const wrong = decision({
      action: "reject",
      parent: PARENT_B3_5,
      child: ref("B3.12", "健全政府绩效考核评价制度"),
      reason: "不对应",
    });
    const out = applyLinkDecisions(
      indexed(confirmB3_5, wrong, waiveB4_3),
      parent,
      child,
      result.alignments,
    );
    expect(out.applied).toEqual([0]); // the waiver is not a link decision: neither
    expect(out.stale).toEqual([
      { index: 1, reason: expect.stringMatching(/no link B3\.5 → B3\.12.*B3\.13/) },
    ]);
  });

  it("refuses a link between a body task and an appendix row", () => {
    const mixed = decision({
      action: "add",
      parent: PARENT_B4_3,
      child: ref("A14", "全面应用政务钉钉系统"),
      reason: "x",
    });
    const out = applyLinkDecisions(indexed(mixed), parent, child, result.alignments);
    expect(out.stale).toEqual([{ index: 0, reason: expect.stringContaining("appendix row") }]);
    expect(out.alignments).toEqual(result.alignments);
  });
});

describe("applyWaivers", () => {
  it("waives the real missing finding for B4.3 (加强制度供给) and keeps it listed", () => {
    const out = applyWaivers(indexed(waiveB4_3), parent, child, result.findings);
    expect(out.applied).toEqual([0]);
    expect(out.stale).toEqual([]);
    expect(out.findings).toHaveLength(result.findings.length);
    const [waived] = missingOf(out.findings, "B4.3");
    expect(waived?.waiver).toEqual({
      by: "张三",
      reason: "已在其他文件中部署",
      date: "2026-11-20",
    });
    expect(out.findings.filter((f) => f.waiver !== null)).toHaveLength(1);
    expect(missingOf(result.findings, "B4.3")[0]?.waiver).toBeNull(); // pure
  });

  it("waives a finding on a link by both tasks", () => {
    const merged = decision({
      action: "waive",
      kind: "merged",
      parent: PARENT_B3_5,
      child: CHILD_B3_13,
      reason: "合并表述可以接受",
    });
    const out = applyWaivers(indexed(merged), parent, child, result.findings);
    expect(out.applied).toEqual([0]);
    const waived = out.findings.filter((f) => f.waiver !== null);
    expect(waived.map((f) => [f.kind, f.parent, f.child])).toEqual([["merged", "B3.5", "B3.13"]]);
  });

  it("reports a waiver that matches no finding as stale: wrong kind, or a side that must be null", () => {
    const wrongKind = decision({ ...waiveB4_3, kind: "reworded" });
    const withChild = decision({ ...waiveB4_3, child: CHILD_B4_15 });
    const out = applyWaivers(
      indexed(wrongKind, withChild, rejectB4_4),
      parent,
      child,
      result.findings,
    );
    expect(out.applied).toEqual([]);
    expect(out.stale).toEqual([
      { index: 0, reason: expect.stringMatching(/no reworded finding for B4\.3 → —.*missing/) },
      { index: 1, reason: expect.stringContaining("no missing finding for B4.3 → B4.15") },
    ]);
    expect(out.findings).toEqual(result.findings);
  });
});

describe("decisions survive renumbering", () => {
  const shifted = renumbered(child);
  const rerun = compareDocuments(parent, shifted);

  it("the renumbered copy keeps titles and shifts every id", () => {
    expect(shifted.tasks.find((t) => t.id === "B3.14")?.title).toBe(CHILD_B3_13.title);
    // The old id now names another task: the decisions' id hints point at the wrong one.
    expect(shifted.tasks.find((t) => t.id === "B3.13")?.title).toBe("健全政府绩效考核评价制度");
    expect(linkOf(rerun.alignments, "B3.5", "B3.14")).toBeDefined();
    expect(linkOf(rerun.alignments, "B4.4", "B4.17")).toBeDefined();
  });

  it("applies the same link decisions to the renumbered tasks, by title", () => {
    const decisions = indexed(confirmB3_5, rejectB4_4, addB4_3);
    const out = applyLinkDecisions(decisions, parent, shifted, rerun.alignments);
    expect(out.stale).toEqual([]);
    expect(out.applied).toEqual([0, 1, 2]);
    expect(linkOf(out.alignments, "B3.5", "B3.14")?.evidence.signals.confirmed).toBe(1);
    expect(linkOf(out.alignments, "B4.4", "B4.17")).toBeUndefined();
    expect(linkOf(out.alignments, "B4.3", "B4.16")?.evidence.signals.manual).toBe(1);
    // Same edits as on the original numbering, one number up.
    const original = applyLinkDecisions(decisions, parent, child, result.alignments);
    // (Only body tasks and rows were renumbered; safeguards keep their S ids.)
    const up = (id: string) =>
      id.startsWith("S") ? id : id.replace(/(\d+)$/, (n) => String(Number(n) + 1));
    expect(pairs(out.alignments)).toEqual(
      original.alignments.map((a) => `${a.parent}→${up(a.child)}`),
    );
  });

  it("applies the same waiver", () => {
    const out = applyWaivers(indexed(waiveB4_3), parent, shifted, rerun.findings);
    expect(out.applied).toEqual([0]);
    expect(missingOf(out.findings, "B4.3")[0]?.waiver?.by).toBe("张三");
  });
});

describe("decisions that no longer apply", () => {
  it("are reported stale, with the reason, when a title no longer exists", () => {
    const changed = retitled(child, "B3.13", "健全行政问责机制");
    const rerun = compareDocuments(parent, changed);
    const out = applyLinkDecisions(
      indexed(rejectB4_4, confirmB3_5),
      parent,
      changed,
      rerun.alignments,
    );
    expect(out.applied).toEqual([0]);
    expect(out.stale).toHaveLength(1);
    expect(out.stale[0]?.index).toBe(1);
    expect(out.stale[0]?.reason).toContain(
      "child: no body task titled 「健全行政问责和容错免责机制」 (was B3.13)",
    );
    expect(out.stale[0]?.reason).toContain("B3.13 is now 「健全行政问责机制」");
  });

  it("are reported stale when the parent task's title changed (waiver)", () => {
    const changed = retitled(parent, "B4.3", "加强政策供给");
    const out = applyWaivers(indexed(waiveB4_3), changed, child, result.findings);
    expect(out.applied).toEqual([]);
    expect(out.stale).toEqual([
      { index: 0, reason: expect.stringContaining("parent: no body task titled 「加强制度供给」") },
    ]);
  });
});

describe("loadReview", () => {
  const dir = mkdtempSync(join(tmpdir(), "plandiff-review-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("reads a YAML review file (unquoted dates stay strings, add defaults to reworded)", () => {
    const path = write(
      "ok.yaml",
      `decisions:
  - action: confirm
    parentDoc: zj-province
    childDoc: jx-city
    parent: { id: B3.5, title: 完善改革创新容错免责机制 }
    child: { id: B3.13, title: 健全行政问责和容错免责机制 }
    by: 张三
    date: 2026-11-20
  - action: add
    parentDoc: zj-province
    childDoc: jx-city
    parent: { title: 加强制度供给 }
    child: { id: B4.15, title: 规范行政权力 }
    reason: 部分落实
    by: 李四
    date: 2026-11-21
  - action: waive
    parentDoc: zj-province
    childDoc: other-city
    kind: missing
    parent: { id: B4.3, title: 加强制度供给 }
    reason: 已在其他文件中部署
    by: 张三
    date: 2026-11-20
`,
    );
    const loaded = loadReview(path);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.review.decisions).toHaveLength(3);
    expect(loaded.review.decisions[0]?.date).toBe("2026-11-20");
    const add = loaded.review.decisions[1];
    expect(add?.action === "add" && add.relation).toBe("reworded");
    const mine = decisionsForPair(loaded.review, "zj-province", "jx-city");
    expect(mine.map((d) => d.index)).toEqual([0, 1]);
    const out = applyLinkDecisions(mine, parent, child, result.alignments);
    expect(out.applied).toEqual([0, 1]);
  });

  it("reads JSON, and an empty file as no decisions", () => {
    const json = write("ok.json", JSON.stringify({ decisions: [{ ...waiveB4_3 }] }));
    expect(loadReview(json)).toEqual({ ok: true, review: { decisions: [waiveB4_3] } });
    expect(loadReview(write("empty.yaml", ""))).toEqual({ ok: true, review: { decisions: [] } });
  });

  it("reports every problem on one line with its key path", () => {
    const path = write(
      "bad.yaml",
      `decisions:
  - action: approve
    parentDoc: zj-province
    childDoc: jx-city
    parent: { id: B3.5, title: 完善改革创新容错免责机制 }
    child: { id: B3.13, title: 健全行政问责和容错免责机制 }
    by: 张三
    date: 2026-11-20
  - action: reject
    parentDoc: zj-province
    childDoc: jx-city
    parent: { id: B3.5, title: 完善改革创新容错免责机制 }
    child: { id: B3.13, title: 健全行政问责和容错免责机制 }
    reason: 不对应
    date: 2026-11-20
  - action: waive
    parentDoc: zj-province
    childDoc: jx-city
    kind: missing
    parent: { title: 加强制度供给 }
    reason: 已部署
    by: 张三
    date: 2026/11/20
  - action: confirm
    parentDoc: zj-province
    childDoc: jx-city
    parent: { id: B3.5, title: 完善改革创新容错免责机制 }
    child: { id: B3.13, title: 健全行政问责和容错免责机制 }
    relation: partial
    by: 张三
    date: 2026-02-30
`,
    );
    const loaded = loadReview(path);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors).toEqual([
      `${path}: decisions.0.action: expected one of confirm | reject | add | waive (got string "approve")`,
      `${path}: decisions.1.by: by is required`,
      `${path}: decisions.2.date: date must be written YYYY-MM-DD`,
      `${path}: decisions.3.date: date is not a real calendar date`,
      `${path}: decisions.3: "relation" not allowed with action confirm (allowed: action, parentDoc, childDoc, parent, child, reason, by, date)`,
    ]);
    for (const line of loaded.errors) expect(line).not.toContain("\n");
  });

  it("reports what the schema cannot see: unknown kinds, contradictions, a document paired with itself", () => {
    const base = { ...PAIR, ...SIGNED, reason: "x" };
    const path = write(
      "cross.json",
      JSON.stringify({
        decisions: [
          { ...base, action: "waive", kind: "missng", parent: PARENT_B4_3 },
          { ...base, action: "confirm", parent: PARENT_B3_5, child: CHILD_B3_13 },
          { ...base, action: "reject", parent: { title: PARENT_B3_5.title }, child: CHILD_B3_13 },
          {
            ...base,
            action: "confirm",
            childDoc: "zj-province",
            parent: PARENT_B3_5,
            child: CHILD_B3_13,
          },
        ],
      }),
    );
    const loaded = loadReview(path);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors).toEqual([
      expect.stringMatching(
        /^.*cross\.json: decisions\.0\.kind: unknown finding kind "missng" \(known: missing, added/,
      ),
      `${path}: decisions.2: reject contradicts decisions.1 (confirm) on the same link`,
      `${path}: decisions.3.childDoc: "zj-province" is also the parent document`,
    ]);
  });

  it("reports an unreadable file or broken YAML on one line, without throwing", () => {
    const missing = join(dir, "nope.yaml");
    expect(loadReview(missing)).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^.*nope\.yaml: cannot read: no such file or folder \(ENOENT\)$/),
      ],
    });
    const broken = loadReview(write("broken.yaml", "decisions: [\n"));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors).toHaveLength(1);
  });
});
