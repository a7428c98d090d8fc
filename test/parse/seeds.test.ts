import { describe, expect, it } from "vitest";
import { appendixRows, bodyTasks, SEEDS, seedDocument, seedDocuments } from "../helpers/seeds.js";

describe("province plan 浙政发〔2018〕16号", async () => {
  const doc = await seedDocument(SEEDS.province);

  it("reads the header", () => {
    expect(doc.docNumber).toBe("浙政发〔2018〕16号");
    expect(doc.date).toBe("2018-04-28");
    expect(doc.printedDate).toBe("2018-05-10");
    expect(doc.issuer).toBe("浙江省人民政府");
    expect(doc.level).toBe("province");
    expect(doc.title).toBe("浙江省人民政府关于印发政府“两强三提高”建设行动计划(2018—2022年)的通知");
    expect(doc.planTitle).toBe("政府“两强三提高”建设行动计划(2018—2022年)");
    expect(doc.references).toEqual([]);
  });

  it("finds 10 task sections, 41 body tasks numbered per section and 49 rows", () => {
    expect(doc.sections.filter((s) => s.taskSection !== null).map((s) => s.taskSection)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(bodyTasks(doc)).toHaveLength(41);
    expect(appendixRows(doc)).toHaveLength(49);
    expect(
      bodyTasks(doc)
        .filter((t) => t.section === 3)
        .map((t) => t.id),
    ).toEqual(["B3.1", "B3.2", "B3.3", "B3.4", "B3.5"]);
    expect(doc.warnings).toEqual([]);
  });

  it("joins a sentence broken across a page break", () => {
    const task = doc.tasks.find((t) => t.id === "B1.4");
    expect(task?.text).toContain("严格执行中央八项规定实施细则和我省“36条办法”。");
    const b62 = doc.tasks.find((t) => t.id === "B6.2");
    expect(b62?.units.raw).toBe("省发展改革委、省财政厅、省质监局，各市、县〔市、区〕政府");
  });

  it("keeps nested brackets of unit names whole", () => {
    const task = doc.tasks.find((t) => t.id === "B1.1");
    expect(task?.units.lead).toEqual(["各市、县〔市、区〕政府党组", "省政府各部门党委〔党组〕"]);
    const b42 = doc.tasks.find((t) => t.id === "B4.2");
    expect(b42?.units.lead).toEqual([
      "省编办",
      "省发展改革委",
      "省法制办",
      "其他省级部门",
      "各市、县〔市、区〕政府",
    ]);
  });

  it("reads body deadlines written inside the text", () => {
    const b45 = doc.tasks.find((t) => t.id === "B4.5");
    expect(b45?.deadline).toMatchObject({ kind: "date", due: "2018-12-31" });
    const b81 = doc.tasks.find((t) => t.id === "B8.1");
    expect(b81?.deadline).toMatchObject({ kind: "date", due: "2022-12-31" });
  });
});

describe("Jiaxing city plan 嘉政发〔2018〕23号", async () => {
  const doc = await seedDocument(SEEDS.city);

  it("reads a title broken over three lines and cites its parent", () => {
    expect(doc.title).toBe(
      "嘉兴市人民政府关于印发政府“两强三提高”建设行动计划（2018-2022年）实施方案的通知",
    );
    expect(doc.docNumber).toBe("嘉政发〔2018〕23号");
    expect(doc.level).toBe("city");
    expect(doc.date).toBe("2018-08-27");
    expect(doc.references).toEqual([
      {
        title: "浙江省人民政府关于印发政府“两强三提高”建设行动计划（2018-2022年）的通知",
        docNumber: "浙政发〔2018〕16号",
        line: 21,
      },
    ]);
  });

  it("numbers 37 tasks across 10 sections and reads the one-cell-per-line table", () => {
    const body = bodyTasks(doc);
    expect(body).toHaveLength(37);
    expect(body.map((t) => t.label)).toEqual(body.map((_, i) => String(i + 1)));
    expect(body.find((t) => t.label === "13")?.id).toBe("B3.13");
    const rows = appendixRows(doc);
    expect(rows).toHaveLength(31);
    expect(rows[11]).toMatchObject({
      id: "A12",
      title: "全面推广投资项目承诺制改革，加快推行企业对标竞价“标准地”制度",
      deadline: { kind: "date", due: "2018-12-31" },
    });
    expect(rows[11]?.units.lead).toHaveLength(7);
  });

  it("drops the page furniture after the closing block", () => {
    expect(doc.printedDate).toBe("2018-08-28");
    expect(doc.tasks.every((t) => !t.text.includes("PAGE"))).toBe(true);
  });
});

describe("Yuecheng district plan", async () => {
  const doc = await seedDocument(SEEDS.district);

  it("has no notice title and takes the plan title, issuer and level from the signature", () => {
    expect(doc.title).toBe("政府“两强三提高”建设行动计划(2018-2022年)实施方案");
    expect(doc.issuer).toBe("绍兴市越城区人民政府");
    expect(doc.level).toBe("district");
    expect(doc.docNumber).toBeNull();
    expect(doc.references.map((r) => r.title)).toEqual([
      "政府“两强三提高”建设行动计划(2018-2022年)",
    ]);
  });

  it("finds 38 tasks and 36 rows; △ marks the lead units", () => {
    expect(bodyTasks(doc)).toHaveLength(38);
    const rows = appendixRows(doc);
    expect(rows).toHaveLength(36);
    expect(rows.find((r) => r.id === "A22")?.units).toMatchObject({
      lead: ["区法制办"],
      support: ["区司法局"],
    });
    expect(rows.find((r) => r.id === "A27")?.units.lead).toEqual(["区编办"]);
  });

  it("keeps corrupted text as printed", () => {
    expect(doc.tasks.find((t) => t.id === "B5.20")?.title).toBe("严格规范公text明执法");
  });
});

describe("2017 Jiaxing gazette (a bundle)", async () => {
  const docs = await seedDocuments(SEEDS.gazette);

  it("splits into its 10 documents, not the contents or the closing list", () => {
    expect(docs.map((d) => d.docNumber)).toEqual([
      "嘉政发〔2017〕11号",
      "嘉政发〔2017〕12号",
      "嘉政办发〔2017〕30号",
      "嘉政办发〔2017〕31号",
      "嘉政办发〔2017〕32号",
      "嘉政办发〔2017〕33号",
      "嘉政办发〔2017〕34号",
      "嘉政办发〔2017〕35号",
      "嘉政办发〔2017〕36号",
      "嘉政办发〔2017〕37号",
    ]);
    expect(docs.map((d) => d.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(docs.every((d) => d.level === "city")).toBe(true);
    expect(docs.at(-1)?.tasks.some((t) => t.text.includes("发文目录"))).toBe(false);
  });

  it("reads 由…牵头，…配合 and inline deadlines (嘉政办发〔2017〕32号)", () => {
    const doc = docs[4];
    expect(bodyTasks(doc!)).toHaveLength(25);
    expect(doc?.tasks[0]).toMatchObject({
      id: "B1.1",
      title: "加强统筹协调",
      units: { lead: ["市安委办"], support: ["市级有关部门"] },
      deadline: { kind: "date" },
    });
  });

  it("reads 牵头部门/责任部门 brackets (嘉政办发〔2017〕30号)", () => {
    const doc = docs[2];
    expect(bodyTasks(doc!)).toHaveLength(12);
    expect(doc?.tasks[0]?.units).toMatchObject({
      lead: ["市行政服务中心"],
      support: ["各行政主管部门"],
    });
    expect(doc?.tasks[0]?.deadline).toMatchObject({ kind: "date", due: "2017-06-30" });
  });

  it("reads 牵头单位/责任单位 lines (嘉政办发〔2017〕36号)", () => {
    const doc = docs[8];
    const first = doc?.tasks[0];
    expect(first?.units.lead).toEqual(["市治堵办"]);
    expect(first?.units.support).toContain("桐乡市政府");
    expect(first?.text).not.toContain("牵头单位");
  });

  it("yields no tasks for a set of rules, with a warning", () => {
    expect(docs[1]?.tasks).toEqual([]);
    expect(docs[1]?.warnings.map((w) => w.code)).toContain("regulation");
  });
});

describe("2020 rule-of-law work points", async () => {
  const doc = await seedDocument(SEEDS.workPoints);

  it("takes (一)… tasks under 一、… sections", () => {
    expect(doc.level).toBe("city");
    expect(doc.date).toBe("2020-09-22");
    expect(doc.sections.filter((s) => s.taskSection !== null)).toHaveLength(7);
    expect(bodyTasks(doc).length).toBeGreaterThanOrEqual(20);
    expect(bodyTasks(doc)[0]?.id).toBe("B1.一");
  });

  it("collects every responsibility bracket of a paragraph", () => {
    const task = doc.tasks.find((t) => t.id === "B3.二");
    expect(task?.units.lead).toEqual(
      expect.arrayContaining(["市自然资源和规划局", "市建设局", "市司法局"]),
    );
    expect((task?.units.raw ?? "").split("；").length).toBeGreaterThanOrEqual(2);
  });
});
