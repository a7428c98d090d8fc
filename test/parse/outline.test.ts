import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeText, splitBundle } from "../../src/ingest/index.js";
import type { PlanDocument } from "../../src/model/document.js";
import type { DocumentSource } from "../../src/model/source.js";
import { parsePlan } from "../../src/parse/parse-plan.js";

/** Real plans, changed the way other real plans differ from them. */
const real = (name: string) => readFileSync(`data/real/${name}.txt`, "utf8");
const parseText = (text: string): PlanDocument =>
  parsePlan(splitBundle("input.txt", normalizeText(text))[0] as DocumentSource);
const titles = (doc: PlanDocument, source: "body" | "safeguards") =>
  doc.tasks.filter((t) => t.source === source).map((t) => t.title);

const province = real("sd-2020-gongye-dashuju");
const pilotZone = real("sd-2020-jiqing-ai-xiandaoqu");

describe("the task level comes from the heading tree", () => {
  const doc = parseText(pilotZone);

  it("takes the lowest numbered items at whatever depth each group has them", () => {
    const ids = doc.tasks.filter((t) => t.source === "body").map((t) => t.id);
    expect(ids.slice(0, 3)).toEqual(["B1", "B2.1", "B2.2"]);
    expect(ids).toContain("B4.4.3");
    expect(ids).toHaveLength(23);
    // The groups are not tasks, nor are the goals of 二、总体要求 (1.–3. under （三）主要目标).
    expect(titles(doc, "body")).not.toContain("智能制造");
    expect(titles(doc, "body")).not.toContain("培育一批人工智能创新公共服务平台");
  });

  it("gives each task the headings above it", () => {
    expect(doc.tasks.find((t) => t.id === "B4.1.1")).toMatchObject({
      title: "加快突破智能装备关键领域",
      section: 4,
      sectionTitle: "优势融合强链",
      path: ["三、实施路径", "（四）优势融合强链", "1.智能制造"],
    });
  });

  it("keeps the tree with each node's role and reason", () => {
    const entry = (title: string) => doc.outline.find((e) => e.title === title);
    expect(entry("总体要求")).toMatchObject({ role: "context", why: "context-part", depth: 1 });
    expect(entry("主要目标")).toMatchObject({ role: "context", why: "inside-context" });
    expect(entry("优势融合强链")).toMatchObject({ role: "group", why: "task-group", depth: 2 });
    expect(entry("提升整车制造")).toMatchObject({
      role: "task",
      taskId: "B4.4.1",
      why: "numbered-task",
      style: "paren-arabic",
      depth: 4,
    });
    expect(entry("实施保障")).toMatchObject({ role: "group", why: "safeguards-part" });
    expect(doc.outline.filter((e) => e.role === "task")).toHaveLength(23);
    expect(doc.outline.filter((e) => e.role === "safeguard").map((e) => e.taskId)).toEqual([
      "S1",
      "S2",
      "S3",
      "S4",
      "S5",
    ]);
  });

  it("keeps a task with ①② items one task: they are its parts", () => {
    const deeper = pilotZone.replace(
      /（1）提升整车制造。/,
      "（1）提升整车制造。\n①研制智能列车。开发智能列车谱系化产品。\n②建设智能工厂。推进数字化车间。",
    );
    const doc = parseText(deeper);
    expect(doc.tasks.map((t) => t.id)).toEqual(parseText(pilotZone).tasks.map((t) => t.id));
    expect(doc.tasks.find((t) => t.id === "B4.4.1")?.text).toContain("建设智能工厂");
    expect(doc.outline.find((e) => e.title === "研制智能列车")).toMatchObject({
      style: "circled",
      role: "context",
      why: "sub-item",
    });
  });
});

describe("a plan in chapters (第X章)", () => {
  // The same plan with its parts printed as chapters, as 规划 are.
  const chapters = province
    .replace("一、总体目标", "第一章 总体目标")
    .replace("二、重点任务", "第二章 重点任务")
    .replace("三、保障措施", "第三章 保障措施");

  it("reads the chapters as its top-level parts", () => {
    const doc = parseText(chapters);
    expect(chapters).not.toBe(province);
    expect(titles(doc, "body")).toEqual(titles(parseText(province), "body"));
    expect(titles(doc, "safeguards")).toEqual(titles(parseText(province), "safeguards"));
    expect(doc.tasks.find((t) => t.title === "完善网络基础设施")?.path[0]).toBe("第二章重点任务");
    expect(doc.outline.find((e) => e.title === "重点任务")).toMatchObject({
      style: "chapter",
      depth: 1,
      label: "二",
    });
  });
});

describe("a number lost in the source", () => {
  const lost = province
    .replace("（一）加快数字基础设施建设。", "加快数字基础设施建设。")
    .replace("（一）健全工作机制。", "健全工作机制。");
  const doc = parseText(lost);

  it("is restored from the second item, so the items below it stay in their group", () => {
    expect(titles(doc, "body")).toEqual(titles(parseText(province), "body"));
    expect(doc.tasks.find((t) => t.title === "完善网络基础设施")?.path).toEqual([
      "二、重点任务",
      "加快数字基础设施建设",
    ]);
    expect(doc.outline.find((e) => e.title === "加快数字基础设施建设")).toMatchObject({
      inferred: true,
      label: "一",
      role: "group",
    });
  });

  it("restores a lost first safeguard as a task", () => {
    expect(titles(doc, "safeguards")[0]).toBe("健全工作机制");
    expect(doc.outline.find((e) => e.taskId === "S1")).toMatchObject({
      inferred: true,
      why: "restored-task",
    });
  });
});

describe("headed paragraphs", () => {
  // The two items of （三） written as headed paragraphs after a lead paragraph, as plans do.
  const headed = province
    .replace(
      "1.促进工业数据共享开放。",
      "以数据流通为重点，推动数据要素市场化配置。\n促进工业数据共享开放。",
    )
    .replace("2.激发工业数据市场活力。", "激发工业数据市场活力。");
  const doc = parseText(headed);

  it("are the tasks of a group that numbers nothing below it; its lead paragraph is not", () => {
    const group = doc.tasks.filter((t) => t.sectionTitle === "推动数据流通交易");
    expect(group.map((t) => [t.id, t.label, t.title])).toEqual([
      ["B3.p1", "", "促进工业数据共享开放"],
      ["B3.p2", "", "激发工业数据市场活力"],
    ]);
    expect(group[0]?.text).not.toContain("以数据流通为重点");
    expect(doc.outline.find((e) => e.taskId === "B3.p1")).toMatchObject({
      style: "headed",
      why: "headed-task",
    });
    expect(titles(doc, "body")).toHaveLength(15);
  });

  it("are the tasks of a named task part that numbers nothing", () => {
    // The province plan's 二、重点任务 without its groups and numbers: 15 headed paragraphs.
    const flat = province
      .replace(/\n（[一二三四五六七]）[^\n]*。\n/g, "\n")
      .replace(/\n\d\.(?=[^\n]*。)/g, "\n");
    const doc = parseText(flat);
    expect(titles(doc, "body")).toEqual(titles(parseText(province), "body"));
    expect(
      doc.tasks
        .filter((t) => t.source === "body")
        .map((t) => t.id)
        .slice(0, 3),
    ).toEqual(["Bp1", "Bp2", "Bp3"]);
    expect(doc.tasks[0]?.path).toEqual(["二、重点任务"]);
  });

  it("do not start at a line that continues a sentence broken at a page end", () => {
    const broken = headed.replace(
      "激发工业数据市场活力。",
      "激发工业数据市场活力。支持建设省级工业大数据交易平台，推动\n数据确权。开展数据资产评估",
    );
    const group = parseText(broken).tasks.filter((t) => t.sectionTitle === "推动数据流通交易");
    expect(group.map((t) => t.title)).toEqual(["促进工业数据共享开放", "激发工业数据市场活力"]);
  });
});

describe("parts that are not tasks", () => {
  it("leaves goals and 专栏 boxes inside the task part out", () => {
    const withGoal = province
      .replace(
        "（一）加快数字基础设施建设。",
        "（一）主要目标。到2022年，建成工业大数据中心。\n（二）加快数字基础设施建设。",
      )
      .replace(
        "（七）完善产业生态体系。",
        "（七）专栏：工业大数据重点工程。\n（八）完善产业生态体系。",
      );
    const doc = parseText(withGoal);
    expect(titles(doc, "body")).toEqual(titles(parseText(province), "body"));
    expect(doc.outline.find((e) => e.title === "主要目标")).toMatchObject({
      role: "context",
      why: "goal-or-box",
    });
  });

  it("leaves the numbered items of a 专栏 box out, under a group and under a single task", () => {
    const boxed = province
      .replace(
        "（七）完善产业生态体系。",
        "专栏1 工业大数据重点工程\n1.工业大数据中心建设工程。建设省级中心。\n2.数据治理示范工程。开展示范。\n（七）完善产业生态体系。",
      )
      .replace("三、保障措施", "专栏2 重点企业名单\n1.某某集团。\n2.某某股份。\n三、保障措施");
    const doc = parseText(boxed);
    expect(titles(doc, "body")).toEqual(titles(parseText(province), "body"));
    expect(titles(doc, "safeguards")).toEqual(titles(parseText(province), "safeguards"));
    expect(doc.outline.find((e) => e.title.startsWith("专栏1"))).toMatchObject({
      style: "box",
      role: "context",
    });
    expect(doc.outline.find((e) => e.title === "工业大数据中心建设工程")?.role).toBe("context");
    // Under a task that numbers nothing below it: the task stays one task.
    const miit = real("miit-2020-67-gongye-dashuju");
    const underTask = miit.replace(
      "三、推动数据共享",
      "专栏 国家工业大数据平台重点方向\n1.数据汇聚。\n2.数据服务。\n三、推动数据共享",
    );
    expect(underTask).not.toBe(miit);
    const tasks = parseText(underTask);
    expect(titles(tasks, "body")).toEqual(titles(parseText(miit), "body"));
    // The box is context: its projects are not the task's words (a box after a group's last task
    // lists the whole group's projects; matched as the task's text it drew false links).
    const platform = tasks.tasks.find((t) => t.title === "统筹建设国家工业大数据平台");
    expect(platform?.text).toBe(
      parseText(miit).tasks.find((t) => t.title === "统筹建设国家工业大数据平台")?.text,
    );
    expect(platform?.text).not.toContain("数据汇聚。");
  });

  it("ends a box of unnumbered lines where the numbering goes on", () => {
    // 专栏 lines without numbers between two groups: （七） after the box is the next group, not
    // an item of the box, and the tasks after it stay tasks.
    const boxed = province.replace(
      "（七）完善产业生态体系。",
      "专栏1 工业大数据重点工程\n工业大数据中心建设工程：建设省级中心。\n数据治理示范工程：开展示范。\n（七）完善产业生态体系。",
    );
    expect(boxed).not.toBe(province);
    const doc = parseText(boxed);
    expect(titles(doc, "body")).toEqual(titles(parseText(province), "body"));
    expect(titles(doc, "safeguards")).toEqual(titles(parseText(province), "safeguards"));
  });

  it("reads an unnamed task part across sections and its closing safeguards part", () => {
    const doc = parseText(real("miit-2020-67-gongye-dashuju"));
    expect(doc.tasks.filter((t) => t.source === "body")).toHaveLength(18);
    expect(doc.tasks.find((t) => t.id === "B6.十八")?.title).toBe("着力构建工业数据创新生态");
    expect(titles(doc, "safeguards")).toEqual([
      "健全工作推进机制",
      "强化资金人才支持",
      "促进国际交流合作",
    ]);
  });

  it("reads closing requirements that name no safeguards word as safeguards", () => {
    const doc = parseText(real("gwy-2018-126-tuiguang-table"));
    expect(titles(doc, "safeguards")).toEqual(["高度重视推广工作", "认真抓好组织实施"]);
    expect(doc.tasks.filter((t) => t.source === "body")).toHaveLength(5);
  });
});
