/**
 * Layouts the held-out authored plans (test/fixtures/authored, README) brought that the real ones
 * did not: tab-separated task tables, a plan whose tasks are all in its table, a table inside the
 * body with more parts after it, and a 规划 in chapters and 节.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeText, splitBundle } from "../../src/ingest/index.js";
import type { PlanDocument } from "../../src/model/document.js";
import type { DocumentSource } from "../../src/model/source.js";
import { parsePlan } from "../../src/parse/parse-plan.js";
import { parseDocument } from "../../src/pipeline.js";

const authored = (file: string) => parseDocument(`test/fixtures/authored/${file}`);
const parseText = (text: string): PlanDocument =>
  parsePlan(splitBundle("input.txt", normalizeText(text))[0] as DocumentSource);
const of = (doc: PlanDocument, source: string) => doc.tasks.filter((t) => t.source === source);

describe("a task table with its cells separated by tabs", () => {
  it("is read row by row, units and deadline from their columns", async () => {
    const city = await authored("wj-2023-dixia-guanwang.txt");
    const rows = of(city, "appendix");
    expect(rows).toHaveLength(15);
    expect(rows[0]).toMatchObject({ id: "A1", title: "摸清管网家底" });
    expect(rows[0]?.units.lead).toContain("市住房和城乡建设局");
    expect(rows[0]?.deadline.kind).toBe("date");
    // The body's tasks are still there, and each row points at its body task.
    expect(of(city, "body")).toHaveLength(15);
    expect(rows.filter((r) => r.bodyRefs.length > 0).length).toBeGreaterThanOrEqual(12);
  });

  it("is read from a Word file or web page whose paragraphs hold the tab-separated rows", async () => {
    // What LibreOffice makes of the text file (its tabs become Word tabs, or tabs in <p>).
    const dir = mkdtempSync(join(tmpdir(), "plandiff-tabs-"));
    const text = readFileSync("test/fixtures/authored/wj-2023-dixia-guanwang.txt", "utf8");
    const rows = text.split("\n").filter((l) => l.includes("\t"));
    const page = `<html><body>${text
      .split("\n")
      .map((l) => `<p>${l.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
      .join("")}</body></html>`;
    writeFileSync(join(dir, "plan.html"), page);
    const fromPage = await parseDocument(join(dir, "plan.html"));
    expect(of(fromPage, "appendix")).toHaveLength(rows.length - 1);
  });

  it("needs a header naming a task column: a table of figures stays text", () => {
    const figures = "\t南湖区\t秀洲区\t嘉善县\n停靠站(个)\t13\t6\t14\n港湾式(个)\t5\t6\t14\n";
    const doc = parseText(`一、主要任务\n（一）建设公交站点。按下表建设。\n${figures}`);
    expect(of(doc, "appendix")).toEqual([]);
    expect(of(doc, "body")[0]?.text).toContain("停靠站(个)");
  });
});

describe("a plan whose tasks are all in its table (任务分工方案)", () => {
  it("takes the rows as its tasks, and reads the parts after the table", async () => {
    const plan = await authored("gz-2024-58-tiyu-xiaofei-fengong.txt");
    const body = of(plan, "body");
    expect(body).toHaveLength(19);
    expect(body[0]).toMatchObject({ id: "B1", title: "办好群众性体育赛事活动" });
    // The 具体措施 column is part of the task's text; units and deadline come from theirs.
    expect(body[0]?.text.length).toBeGreaterThan(body[0]?.title.length ?? 0);
    expect(body[0]?.units.lead.length).toBeGreaterThan(0);
    expect(of(plan, "appendix")).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toContain("tasks-in-table");
    // 二、工作要求 after the table: its three items are the safeguards.
    expect(of(plan, "safeguards").map((t) => t.title)).toHaveLength(3);
  });

  it("leaves plans with numbered tasks and a table as they were", async () => {
    const city = await authored("wj-2023-dixia-guanwang.txt");
    expect(city.warnings.map((w) => w.code)).not.toContain("tasks-in-table");
  });
});

describe("a 规划 in chapters and 节", () => {
  it("reads the 节 as a level: its items are the tasks, or it is one itself", async () => {
    const plan = await authored("ah-2021-lenglian-shisiwu.txt");
    const body = of(plan, "body");
    expect(body).toHaveLength(21);
    // Items of two 节 of one chapter keep apart ids.
    expect(new Set(body.map((t) => t.id)).size).toBe(21);
    expect(body.map((t) => t.title)).toContain("提升销地冷链集配能力");
    // 第一章 发展基础和面临形势 is context; 第八章 保障措施 holds five 节, the safeguards.
    expect(body.map((t) => t.title)).not.toContain("发展基础");
    expect(of(plan, "safeguards")).toHaveLength(5);
    expect(plan.outline.some((e) => e.style === "part" && e.title === "加强组织领导")).toBe(true);
  });
});

describe("a notice whose plan is its 附件1, with a task table as 附件2", () => {
  it("reads the plan, its safeguards and the table: the notice's list of attachments is no outline", async () => {
    const plan = await authored("ha-2023-36-nongcun-wushui.txt");
    expect(of(plan, "body")).toHaveLength(18);
    expect(of(plan, "safeguards")).toHaveLength(4);
    expect(of(plan, "appendix")).toHaveLength(18);
    expect(plan.warnings).toEqual([]);
    const text = (list: string) =>
      `某某省人民政府办公厅关于印发某某行动方案的通知\n各市人民政府：\n现将有关方案印发给你们。\n${list}\n某某省人民政府办公厅\n2023年5月12日\n附件1\n某某行动方案\n一、重点任务\n（一）加强组织领导。完善机制。\n（二）强化督促检查。开展督查。\n`;
    const listed = parseText(text("附件：1.某某行动方案\n2.某某行动重点任务分工表"));
    expect(of(listed, "body").map((t) => t.title)).toEqual(["加强组织领导", "强化督促检查"]);
  });
});

describe("a plan published as a government web page", () => {
  it("keeps the page's information table and site furniture out of the plan's head", async () => {
    const page = await authored("s-gs-2023-186-nongcun-gongshui.html");
    expect(page.title).toBe("甘肃省水利厅等七部门关于加快推进农村供水高质量发展的实施意见");
    expect(page.docNumber).toBe("甘水农发〔2023〕186号");
    expect(page.issuer).toBe("甘肃省水利厅等七部门");
    expect(page.level).toBe("province");
    expect(of(page, "body")).toHaveLength(18);
    expect(of(page, "appendix")).toEqual([]);
  });
});

describe("a 规划 whose themed parts name a safeguard word, with safeguards of its own at the end", () => {
  it("reads the themed part as tasks, the closing part as safeguards, and boxes as context", async () => {
    const plan = await authored("w-heb-2021-jineng-guihua.txt");
    const body = of(plan, "body");
    expect(body).toHaveLength(25);
    // 八、健全技能人才激励保障机制 is a theme between task parts; 十一、保障措施 closes the plan.
    expect(body.map((t) => t.title)).toContain("提高技能人才待遇水平");
    expect(of(plan, "safeguards").map((t) => t.title)).toEqual([
      "加强组织领导",
      "加大资金投入",
      "加强宣传引导",
      "强化监测评估",
    ]);
    // The 专栏 after a group's last task lists the group's projects: not that task's words.
    const online = body.find((t) => t.title === "推进“互联网+职业技能培训”");
    expect(online?.text).not.toContain("企业职工技能提升计划");
  });

  it("reads the plan a later one carries on as cited (《…规划》实施以来)", async () => {
    const later = await authored("w-heb-2023-jineng-xingdong.txt");
    expect(later.references.map((r) => r.title)).toContain("河北省“十四五”技能人才发展规划");
    // A year's work plan of it: 为扎实推进《…》落地见效.
    const year = await authored("ab-yn-2024-shuzi-xiangcun-gongzuo.txt");
    expect(year.references.map((r) => r.title)).toEqual([
      "云南省数字乡村发展实施方案（2022—2025年）",
    ]);
  });
});

describe("items numbered 1.1, 1.2 … within their part (decimal outline)", () => {
  it("are the tasks, each with the unit line after it", async () => {
    const plan = await authored("ae-jx-2024-71-zhongxiaoqiye-shuzihua.txt");
    const body = of(plan, "body");
    expect(body).toHaveLength(16);
    expect(body[0]).toMatchObject({ title: "全面开展数字化诊断评估" });
    expect(body[0]?.units.lead).toContain("省工业和信息化厅");
    // 1.6建设… without a space is an item too; 2.10 follows 2.9.
    expect(body.map((t) => t.title)).toContain("建设数字化转型公共服务体系");
    expect(body.at(-1)?.title).toBe("支持苏区老区中小企业数字化转型");
    expect(of(plan, "safeguards")).toHaveLength(4);
  });

  it("nest 1.1.1 under 1.1, and never read a quantity (1.5倍, 2.4 亿元) as a number", () => {
    const doc = parseText(
      [
        "一、主要任务",
        "1.1 推进数字化改造",
        "1.1.1 开展诊断。组织专业机构上门服务。",
        "1.1.2 推广应用。推广数控机床。",
        "1.2 培育服务商。遴选服务商。",
        "1.5倍于上年的资金用于支持改造。",
        "2.4 亿元以上的项目由省级统筹。",
        "二、保障措施",
        "（一）加强组织领导。建立工作机制。",
      ].join("\n"),
    );
    expect(of(doc, "body").map((t) => t.title)).toEqual(["开展诊断", "推广应用", "培育服务商"]);
    expect(of(doc, "body")[2]?.text).toContain("2.4亿元以上");
  });
});

describe("a part heading printed without a number, alone on its line", () => {
  it("保障措施 over （一）… after tasks 1.–14.: the items are safeguards", async () => {
    const plan = await authored("af-hn-2024-43-diandongzixingche.txt");
    expect(of(plan, "body")).toHaveLength(14);
    expect(of(plan, "safeguards").map((t) => t.title)).toEqual([
      "加强组织领导",
      "落实资金保障",
      "强化应急处置",
      "严格督导考核",
      "加强信息报送",
    ]);
  });

  it("工作目标： over （１）（２） before the first part: goals, not tasks", async () => {
    const plan = await authored("ai-sx-2024-21-jieshui.txt");
    expect(of(plan, "body")).toHaveLength(16);
    expect(of(plan, "body")[0]?.title).toBe("打造节水型农业灌溉体系");
  });

  it("工作要求 over 一是…二是… paragraphs: each paragraph a safeguard", async () => {
    const plan = await authored("ah-hn-2024-xianyushangye-gongzuoyaodian.txt");
    expect(of(plan, "body")).toHaveLength(21);
    expect(of(plan, "safeguards")).toHaveLength(5);
    expect(of(plan, "safeguards")[1]?.title).toContain("强化资金保障");
  });

  it("is a heading only when it is the whole line", () => {
    const doc = parseText(
      [
        "一、主要任务",
        "（一）加强组织领导下的协同。保障措施要落实到位。",
        "（二）推进改造。组织实施改造工程。",
      ].join("\n"),
    );
    expect(of(doc, "body")).toHaveLength(2);
    expect(of(doc, "safeguards")).toEqual([]);
  });
});

describe("a printed plan's cover: title, organ, year and month", () => {
  it("gives title, issuer and the month's first day, said with low confidence", async () => {
    const plan = await authored("ag-jx-2021-27-xiandaiwuliu-guihua.txt");
    expect(plan.title).toBe("江西省“十四五”现代物流业发展规划");
    expect(plan.issuer).toBe("江西省发展和改革委员会");
    expect(plan.date).toBe("2021-11-01");
    expect(plan.found.date.confidence).toBe("low");
    expect(plan.level).toBe("province");
  });

  it("reads a date written in Chinese numerals in full, with high confidence", () => {
    const doc = parseText(
      [
        "某某市人民政府关于推进数字化改造的实施意见",
        "各县（市、区）人民政府：",
        "为推进数字化改造，提出如下意见。",
        "一、主要任务",
        "（一）推进改造。组织实施改造工程。",
        "（二）培育服务商。遴选服务商。",
        "某某市人民政府",
        "二〇二一年十一月八日",
      ].join("\n"),
    );
    expect(doc.date).toBe("2021-11-08");
    expect(doc.found.date.confidence).toBe("high");
  });
});

describe("parts printed 第一部分…, and lists numbered 1）or ①", () => {
  it("reads 第…部分 as parts, and 1）items announced by a colon as parts of their task", async () => {
    const plan = await authored("AK-ndrc-2024-guanwang-gengxin.txt");
    // 第一部分 总体要求 holds （一）指导思想…; 第二部分 重点任务 the tasks; 第三部分 保障措施.
    expect(of(plan, "body")).toHaveLength(12);
    expect(of(plan, "safeguards")).toHaveLength(6);
    // （二）…按照以下类别确定…：, then 1）2）3）on lines of their own: one task.
    const second = of(plan, "body")[1];
    expect(second?.title).toBe("科学确定更新改造对象");
    expect(second?.text).toContain("厂站和设施");
  });

  it("reads 1）items under themed parts as the tasks", async () => {
    const plan = await authored("AK-jx-2024-guanwang-gengxin.txt");
    expect(of(plan, "body")).toHaveLength(11);
    expect(of(plan, "body")[0]?.title).toBe("开展地下管网普查建档");
    expect(of(plan, "safeguards")).toHaveLength(4);
  });

  it("reads ①items under a theme heading (no sentence of its own) as the tasks", async () => {
    const plan = await authored("AL-hn-2024-xianji-yiyuan.txt");
    expect(of(plan, "body")).toHaveLength(12);
    expect(of(plan, "body")[0]?.title).toBe("加强临床重点专科建设");
  });

  it("keeps ①items under a task's heading sentence, or continuing its list, one task", () => {
    const doc = parseText(
      [
        "一、主要任务",
        "（一）聚焦重点专科",
        "①加强专科建设。支持县级医院建设临床重点专科。",
        "②建强急救中心。建设五大中心。",
        "（二）推进设备更新。分类推进：①更新医疗设备。",
        "②改造病房设施。",
        "（三）提升服务能力。",
        "①改善就医流程。推行预约诊疗。",
        "②优化护理服务。扩大优质护理。",
      ].join("\n"),
    );
    expect(of(doc, "body").map((t) => t.title)).toEqual([
      "加强专科建设",
      "建强急救中心",
      "推进设备更新",
      "提升服务能力",
    ]);
  });
});

describe("the sentence that issues the plan", () => {
  it("cites the basis it names, never the plan it issues", async () => {
    // 根据《…实施意见》，…制定了《…行动计划》，现印发给你们
    const action = await authored("jx-2024-chongdian-xingdongjihua.txt");
    expect(action.references.map((r) => r.title)).toEqual([
      "江西省人民政府关于加快构建高质量充电基础设施体系的实施意见",
    ]);
    // 我们制定了《…实施方案》。现印发给你们 under its notice 关于印发《…实施方案》的通知
    const notice = await authored("AK-ndrc-2024-guanwang-gengxin.txt");
    expect(notice.references).toEqual([]);
  });
});

describe("safeguards stated in one paragraph of 一是…二是…", () => {
  it("reads each requirement as a safeguard of its own", async () => {
    const plan = await authored("fj-2024-haiyangjingji-gongzuoyaodian.txt");
    expect(of(plan, "safeguards").map((t) => t.title)).toEqual([
      "一是加强组织领导",
      "二是强化要素保障",
      "三是强化监测调度",
      "四是严格督查考核",
    ]);
    expect(of(plan, "body")).toHaveLength(22);
  });

  it("leaves a task's 一是…二是… inside the task", () => {
    const doc = parseText(
      [
        "一、主要任务",
        "（一）推进改造。一是开展诊断。组织专业机构。二是推广应用。推广数控机床。",
        "（二）培育服务商。遴选服务商。",
        "二、保障措施",
        "一是加强组织领导。建立工作机制。二是强化资金保障。统筹各类资金。",
      ].join("\n"),
    );
    expect(of(doc, "body").map((t) => t.title)).toEqual(["推进改造", "培育服务商"]);
    expect(of(doc, "safeguards").map((t) => t.title)).toEqual([
      "一是加强组织领导",
      "二是强化资金保障",
    ]);
  });
});

describe("actions and tasks numbered by word (行动一：…, 任务1：…)", () => {
  it("reads each 行动 as a part and each 任务N： as its task", async () => {
    const plan = await authored("AO-parent-gwyb-lenglian-tisheng.txt");
    const body = of(plan, "body");
    expect(body).toHaveLength(15);
    expect(body[0]).toMatchObject({ title: "布局建设国家骨干冷链物流基地", section: 1 });
    expect(body.at(-1)?.title).toBe("培育壮大冷链物流骨干企业");
    expect(of(plan, "safeguards")).toHaveLength(4);
  });

  it("takes a notice title broken after its organ and before its years", async () => {
    // 江西省人民政府办公厅 / 关于印发…三年行动方案 / （2025—2027年）的通知
    const plan = await authored("jx-2025-nongcun-jidi-sannian.txt");
    expect(plan.title).toBe(
      "江西省人民政府办公厅关于印发江西省农村寄递物流体系建设三年行动方案（2025—2027年）的通知",
    );
    expect(of(plan, "body")).toHaveLength(15);
  });
});
