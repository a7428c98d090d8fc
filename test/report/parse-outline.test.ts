import { describe, expect, it } from "vitest";
import {
  type OutlineEntry,
  type PlanDocument,
  PlanDocumentSchema,
} from "../../src/model/document.js";
import type { Task } from "../../src/model/task.js";
import { parseFormatters } from "../../src/report/parse/index.js";
import { printedLabel } from "../../src/report/parse/text.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

/**
 * The province seed as an older parse result gave it: no outline, no recorded header sources, no
 * safeguards, no task paths (the parser fills them all now; the tests below add them by hand).
 */
function older(doc: PlanDocument): PlanDocument {
  const none = { from: "none", line: null, confidence: "none" } as const;
  return {
    ...doc,
    outline: [],
    found: { title: none, issuer: none, level: none, date: none },
    tasks: doc.tasks.filter((t) => t.source !== "safeguards").map((t) => ({ ...t, path: [] })),
  };
}

const seed = older(await seedDocument(SEEDS.province));

const entry = (e: Partial<OutlineEntry> & Pick<OutlineEntry, "depth" | "style">): OutlineEntry => ({
  label: "",
  title: "",
  line: 1,
  role: "group",
  taskId: null,
  why: "task-group",
  inferred: false,
  ...e,
});

/** The outline a parser would give a plan with 实施路径 → （四） → 1. → （1）, a 专栏 and 保障措施. */
const OUTLINE: OutlineEntry[] = [
  entry({
    depth: 1,
    style: "chinese",
    label: "一",
    title: "总体要求",
    line: 25,
    role: "context",
    why: "context-part",
  }),
  entry({
    depth: 1,
    style: "chinese",
    label: "三",
    title: "实施路径",
    line: 40,
    why: "task-group",
  }),
  entry({
    depth: 2,
    style: "paren-chinese",
    label: "四",
    title: "优势融合强链",
    line: 60,
    why: "task-group",
    inferred: true,
  }),
  entry({ depth: 3, style: "arabic", label: "1", title: "智能制造", line: 62, why: "task-group" }),
  entry({
    depth: 4,
    style: "paren-arabic",
    label: "1",
    title: "加快突破智能装备关键领域",
    line: 63,
    role: "task",
    taskId: "B4.1.1",
    why: "numbered-task",
  }),
  entry({
    depth: 3,
    style: "headed",
    title: "强化标准引领",
    line: 70,
    role: "task",
    taskId: "B4.2",
    why: "headed-task",
  }),
  entry({
    depth: 3,
    style: "headed",
    title: "专栏1 智能制造*重点*项目",
    line: 75,
    role: "context",
    why: "goal-or-box",
  }),
  entry({
    depth: 1,
    style: "chinese",
    label: "五",
    title: "保障措施",
    line: 200,
    why: "safeguards-part",
  }),
  entry({
    depth: 2,
    style: "paren-chinese",
    label: "一",
    title: "加强组织领导",
    line: 201,
    role: "safeguard",
    taskId: "S1",
    why: "numbered-task",
  }),
];

const PATH = ["三、实施路径", "（四）优势融合强链", "1.智能制造"];

/** A real parse with the fields the parser is about to fill set by hand. */
function constructed(): PlanDocument {
  const base = seed.tasks.find((t) => t.id === "B4.1")!;
  const task: Task = {
    ...base,
    id: "B4.1.1",
    title: "加快突破智能装备关键领域",
    line: 63,
    path: PATH,
  };
  const safeguard: Task = {
    ...base,
    id: "S1",
    source: "safeguards",
    section: null,
    sectionTitle: "保障措施",
    label: "一",
    title: "加强组织领导",
    appendixRefs: [],
    line: 201,
    path: ["五、保障措施"],
  };
  const doc: PlanDocument = {
    ...seed,
    outline: OUTLINE,
    found: {
      title: { from: "cover", line: 3, confidence: "high" },
      issuer: { from: "signature", line: 240, confidence: "high" },
      level: { from: "self-reference", line: 12, confidence: "medium" },
      date: { from: "none", line: null, confidence: "none" },
    },
    date: null,
    // B4.1.1 after B4.1 (its section), the safeguard after the body tasks, then the table rows.
    tasks: seed.tasks
      .filter((t) => t.source !== "safeguards")
      .flatMap((t) => (t.id === "B4.1" ? [t, task] : t.id === "A1" ? [safeguard, t] : [t])),
  };
  return PlanDocumentSchema.parse(doc);
}

const doc = constructed();
const render = (d: PlanDocument, format: "md" | "table", lang?: "zh" | "en") =>
  parseFormatters[format](
    { schemaVersion: 1, documents: [d] },
    lang ? { color: false, lang } : { color: false },
  );

describe("parse md: the heading tree", () => {
  const md = render(doc, "md");

  it("is one nested list in document order, indented by depth", () => {
    const tree = md.slice(md.indexOf("## 提纲"), md.indexOf("正文任务"));
    expect(tree.trim().split("\n").slice(2)).toEqual([
      "- *一、总体要求* · 第 25 行 · *总体部分，不含任务*",
      "- 三、实施路径 · 第 40 行 · 含下级任务",
      "  - （四）[补]优势融合强链 · 第 60 行 · 含下级任务",
      "    - 1.智能制造 · 第 62 行 · 含下级任务",
      "      - **B4.1.1** （1）加快突破智能装备关键领域 · 第 63 行 · 末级编号条目",
      "    - **B4.2** ¶ 强化标准引领 · 第 70 行 · 以标题句开头的段落",
      "    - *¶ 专栏1 智能制造\\*重点\\*项目* · 第 75 行 · *目标或专栏，不列为任务*",
      "- 五、保障措施 · 第 200 行 · 保障措施部分",
      "  - **S1** （一）加强组织领导 · 第 201 行 · 末级编号条目",
    ]);
  });

  it("comes before the task list, which is still there", () => {
    expect(md.indexOf("## 提纲")).toBeLessThan(md.indexOf("## 1 大力实施政府系统党的建设工程"));
    expect(md).toContain(
      "- **B1.1** 加强政治建设（各市、县〔市、区〕政府党组、省政府各部门党委〔党组〕）",
    );
    expect(md).toContain("## 重点任务清单");
  });

  it("speaks English with lang en", () => {
    const en = render(doc, "md", "en");
    expect(en).toContain("## Outline");
    expect(en).toContain("  - （四）(label restored) 优势融合强链 · line 60 · group of tasks");
    expect(en).toContain("- *一、总体要求* · line 25 · *context part, holds no tasks*");
    expect(en).toContain("      - **B4.1.1** （1）加快突破智能装备关键领域 · line 63");
    expect(en).not.toContain("提纲");
    expect(en).not.toContain("[补]");
  });

  it("names deadline kinds in the report's language", () => {
    const dated = seed.tasks.find((t) => t.source === "body" && t.deadline.kind === "date");
    expect(dated).toBeDefined();
    const raw = (dated as Task).deadline.raw;
    expect(md).toContain(`；期限：${raw}（限期）`);
    expect(render(doc, "md", "en")).toContain(`; deadline: ${raw} (date)`);
    const table = render(doc, "table");
    expect(table).toContain("限期 ");
    expect(table).not.toMatch(/│ (date|ongoing|recurring|period|mandate)\b/);
  });

  it("says in one line that there is no outline", () => {
    const empty = render({ ...doc, outline: [] }, "md");
    expect(empty).toContain(
      "## 提纲\n\n未记录提纲（旧版解析结果，或文件没有标题层级）。\n\n正文任务",
    );
    expect(render({ ...doc, outline: [] }, "md", "en")).toContain(
      "## Outline\n\nNo outline recorded (an older parse result, or a document without headings).\n",
    );
  });

  it("keeps a list when the depth jumps by more than one level", () => {
    const jump = render({ ...doc, outline: [OUTLINE[1]!, { ...OUTLINE[4]!, depth: 4 }] }, "md");
    expect(jump).toContain("- 三、实施路径 · 第 40 行 · 含下级任务\n  - **B4.1.1** （1）");
  });

  it("prints each style's punctuation", () => {
    const label = (style: OutlineEntry["style"], l: string) =>
      printedLabel(entry({ depth: 1, style, label: l }));
    expect(
      [
        label("chapter", "一"),
        label("chinese", "一"),
        label("paren-chinese", "一"),
        label("arabic", "1"),
        label("paren-arabic", "1"),
        label("circled", "1"),
        label("circled", "②"),
        label("article", "一"),
        label("headed", ""),
      ].join("|"),
    ).toBe("第一章 |一、|（一）|1.|（1）|①|②|第一条 |¶ ");
  });

  it("escapes document text", () => {
    const hostile = render(
      {
        ...doc,
        outline: [{ ...OUTLINE[1]!, title: "实施<script>路径|#_[x](y)" }],
      },
      "md",
    );
    expect(hostile).toContain("- 三、实施\\<script\\>路径\\|\\#\\_\\[x\\](y) · 第 40 行");
  });
});

describe("parse md of an older parse result", () => {
  it("still lists its tasks by section and its table, after an empty outline", () => {
    const old = {
      ...seed,
      outline: [],
      tasks: seed.tasks.filter((t) => t.source !== "safeguards"),
    };
    const md = render(old, "md");
    expect(md).toContain("未记录提纲（旧版解析结果，或文件没有标题层级）。");
    expect(md).toContain("正文任务 41 项，保障措施 0 项，清单 49 行。");
    expect(md).toContain(
      "## 1 大力实施政府系统党的建设工程\n\n- **B1.1** 加强政治建设（各市、县〔市、区〕政府党组、省政府各部门党委〔党组〕）\n",
    );
    expect(md).toContain(
      "## 重点任务清单\n\n| 序号 | 重点任务 | 责任单位 | 时间要求 | 期限类型 | 截止 | 对应正文 |",
    );
    expect(md).not.toContain("## 保障措施");
  });
});

describe("parse md: how the header was found", () => {
  it("a row per field: value, from, line, confidence", () => {
    const md = render(doc, "md");
    expect(md).toContain(
      "## 表头字段的来源\n\n| 字段 | 值 | 来源 | 行 | 可信度 |\n|---|---|---|---|---|\n",
    );
    expect(md).toContain(`| 标题 | ${doc.title} | 封面 | 3 | 高 |`);
    expect(md).toContain("| 发文机关 | 浙江省人民政府 | 落款 | 240 | 高 |");
    expect(md).toContain("| 层级 | 省级 | 自称 | 12 | 中 |");
    expect(md).toContain("| 成文日期 | — | 未找到 | — | 无 |");
  });

  it("in English", () => {
    const en = render(doc, "md", "en");
    expect(en).toContain(
      "## How the header was found\n\n| Field | Value | From | Line | Confidence |",
    );
    expect(en).toContain("| Issuer | 浙江省人民政府 | signature | 240 | high |");
    expect(en).toContain("| Date | — | not found | — | none |");
    expect(en).toContain("- **Doc. number**: 浙政发〔2018〕16号");
  });

  it("a value with no recorded source (an older result) is 未记录, not 未找到", () => {
    const none = { from: "none" as const, line: null, confidence: "none" as const };
    const old = { ...seed, found: { title: none, issuer: none, level: none, date: none } };
    const md = render(old, "md");
    expect(md).toContain("| 发文机关 | 浙江省人民政府 | 未记录 | — | 无 |");
  });
});

describe("parse md: safeguards and paths", () => {
  const md = render(doc, "md");

  it("counts the safeguards and lists them after the body tasks", () => {
    expect(md).toContain("正文任务 42 项，保障措施 1 项，清单 49 行。");
    const safeguards = md.indexOf("## 保障措施\n\n- **S1** 加强组织领导");
    expect(safeguards).toBeGreaterThan(md.indexOf("- **B4.1.1**"));
    expect(safeguards).toBeLessThan(md.indexOf("## 重点任务清单"));
    const en = render(doc, "md", "en");
    expect(en).toContain("Body tasks 42, safeguards 1, table rows 49.");
    expect(en).toContain("## Safeguards\n\n- **S1** 加强组织领导");
  });

  it("shows a task's path as a breadcrumb under its title", () => {
    expect(md).toMatch(
      /- \*\*B4\.1\.1\*\* 加快突破智能装备关键领域[^\n]*\\\n {2}路径：三、实施路径 › （四）优势融合强链 › 1\.智能制造\n/,
    );
    expect(render(doc, "md", "en")).toContain(
      "  Path: 三、实施路径 › （四）优势融合强链 › 1.智能制造",
    );
  });
});

describe("parse table", () => {
  it("counts and groups the safeguards after the body tasks", () => {
    const table = render(doc, "table");
    expect(table).toContain("正文任务 42 项 · 保障措施 1 项 · 清单 49 行 · 警告 0 条");
    const at = (s: string) => table.indexOf(s);
    expect(at("│ B4.1.1 ")).toBeLessThan(at("│ 保障措施"));
    expect(at("│ S1 ")).toBeGreaterThan(at("│ 保障措施"));
    expect(at("│ 重点任务清单")).toBeGreaterThan(at("│ S1 "));
    expect(at("│ A1 ")).toBeGreaterThan(at("│ 重点任务清单"));
  });

  it("says how the header was found, in Chinese or English", () => {
    expect(render(doc, "table")).toContain(
      "来源：标题 封面 第 3 行（高） · 发文机关 落款 第 240 行（高） · 层级 自称 第 12 行（中） · 成文日期 未找到（无）",
    );
    const en = render(doc, "table", "en");
    expect(en).toContain(
      "From: title cover, line 3 (high) · issuer signature, line 240 (high) · level self-reference, line 12 (medium) · date not found (none)",
    );
    expect(en).toContain("body tasks 42 · safeguards 1 · table rows 49 · warnings 0");
    expect(en).toContain("│ Safeguards");
  });

  it("a result without safeguards or sources reads as before", () => {
    const none = { from: "none" as const, line: null, confidence: "none" as const };
    const old = {
      ...seed,
      found: { title: none, issuer: none, level: none, date: none },
      tasks: seed.tasks.filter((t) => t.source !== "safeguards"),
    };
    const table = render(old, "table");
    expect(table).not.toContain("来源：");
    expect(table).not.toContain("│ 重点任务清单");
    expect(table).toContain("正文任务 41 项 · 保障措施 0 项 · 清单 49 行 · 警告 0 条");
  });
});
