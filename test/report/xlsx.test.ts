import type { Workbook, Worksheet } from "exceljs";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import type { CompareResult } from "../../src/model/compare.js";
import type { Lang } from "../../src/model/lang.js";
import { FINDING_COLUMNS, findingRows } from "../../src/report/shared/finding-rows.js";
import { groupByChildUnit } from "../../src/report/shared/units.js";
import { xlsx } from "../../src/report/xlsx.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

const result = compareDocuments(await seedDocument(SEEDS.province), await seedDocument(SEEDS.city));

const FEEDBACK = FINDING_COLUMNS.indexOf("feedback") + 1;
const MESSAGE = FINDING_COLUMNS.indexOf("message") + 1;

async function render(r: CompareResult, lang: Lang = "zh"): Promise<Uint8Array> {
  const out = await xlsx(r, { color: false, lang });
  if (typeof out === "string") throw new Error("xlsx must produce bytes");
  return out;
}

async function load(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer (it hands it to jszip, which takes either).
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

function sheet(workbook: Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Cell values of a row, 1-based columns 1..count. */
function values(ws: Worksheet, row: number, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ws.getCell(row, i + 1).value);
}

/** Every cell value of every sheet, for comparisons that must not depend on zip details. */
function contents(workbook: Workbook): unknown[] {
  return workbook.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      rows.push(row.values);
    });
    return [ws.name, rows];
  });
}

const zh = await load(await render(result));

describe("xlsx formatter", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes the sheets in order, named in the report language", async () => {
    expect(zh.worksheets.map((ws) => ws.name)).toEqual([
      "问题清单",
      "按责任单位",
      "概览",
      "逐项对照",
      "覆盖度",
      "名词说明",
    ]);
    const en = await load(await render(result, "en"));
    expect(en.worksheets.map((ws) => ws.name)).toEqual([
      "Findings",
      "By child unit",
      "Summary",
      "Alignment",
      "Coverage",
      "Legend",
    ]);
    expect(values(sheet(en, "Findings"), 1, FINDING_COLUMNS.length)).toEqual(
      findingRows(result, "en").headers,
    );
  });

  it("lists one row per finding under the shared headers", () => {
    const ws = sheet(zh, "问题清单");
    const { headers, rows } = findingRows(result, "zh");
    expect(values(ws, 1, headers.length)).toEqual(headers);
    expect(ws.rowCount).toBe(result.findings.length + 1);
    for (const [i, cells] of rows.entries()) {
      const expected = cells.map((cell, c) => {
        if (c === 0) return Number(cell);
        return c === FEEDBACK - 1 ? null : cell;
      });
      expect(values(ws, i + 2, headers.length)).toEqual(expected);
    }
  });

  it("keeps Chinese text intact", () => {
    const ws = sheet(zh, "问题清单");
    const messages = result.findings.map((_, i) => ws.getCell(i + 2, MESSAGE).value);
    expect(messages).toEqual(result.findings.map((f) => f.message));
    expect(messages.join("")).toMatch(/实施方案/);
    expect(ws.getCell(2, 2).value).toBe("时间要求变化");
  });

  it("leaves the feedback column empty and highlighted for the district", () => {
    const ws = sheet(zh, "问题清单");
    expect(ws.getCell(1, FEEDBACK).value).toBe("整改说明/反馈");
    for (let r = 1; r <= result.findings.length + 1; r++) {
      const cell = ws.getCell(r, FEEDBACK);
      if (r > 1) expect(cell.text).toBe("");
      expect(cell.fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFFF2CC" } });
    }
    expect(JSON.stringify(ws.getCell(2, MESSAGE).fill ?? null)).not.toContain("FFFFF2CC");
  });

  it("makes the findings header bold, frozen and filterable, long text wrapped", () => {
    const ws = sheet(zh, "问题清单");
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
    expect(ws.getCell(2, 1).font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:O1");
    expect(ws.getCell(2, MESSAGE).alignment?.wrapText).toBe(true);
    expect(ws.getColumn(FINDING_COLUMNS.indexOf("parentText") + 1).width).toBeGreaterThan(40);
  });

  it("has the parent's and the child's units in the findings sheet", () => {
    const ws = sheet(zh, "问题清单");
    const parentUnits = FINDING_COLUMNS.indexOf("parentUnits") + 1;
    const childUnits = FINDING_COLUMNS.indexOf("childUnits") + 1;
    expect(ws.getCell(1, parentUnits).value).toBe("上级责任单位");
    expect(ws.getCell(1, childUnits).value).toBe("下级责任单位");
    const i = result.findings.findIndex((f) => f.parent !== null && f.child !== null);
    const f = result.findings[i];
    const parent = result.parent.tasks.find((t) => t.id === f?.parent);
    const child = result.child.tasks.find((t) => t.id === f?.child);
    expect(parent?.units.lead.length).toBeGreaterThan(0);
    expect(ws.getCell(i + 2, parentUnits).value).toBe(parent?.units.lead.join("、"));
    expect(ws.getCell(i + 2, childUnits).value).toBe(child?.units.lead.join("、"));
  });

  it("groups the findings by child unit: counts by severity, then each unit's findings", () => {
    const ws = sheet(zh, "按责任单位");
    const groups = groupByChildUnit(result, "zh");
    expect(values(ws, 1, 6)).toEqual(["下级责任单位", "合计", "高", "中", "低", "提示"]);
    for (const [g, group] of groups.entries()) {
      const [unit, total, ...bySeverity] = values(ws, g + 2, 6);
      expect(unit).toBe(group.unit);
      expect(total).toBe(group.findings.length);
      expect(bySeverity.reduce((a, b) => Number(a) + Number(b), 0)).toBe(total);
    }
    // Every finding is answered by some unit; a finding without a child task by the issuer.
    const listed = new Set(groups.flatMap((group) => group.findings));
    expect(listed.size).toBe(result.findings.length);
    const missing = result.findings.findIndex((f) => f.child === null);
    expect(groups.find((group) => group.findings.includes(missing))?.unit).toBe(
      "嘉兴市人民政府（发文机关）",
    );
    const headerRow = groups.length + 3;
    expect(values(ws, headerRow, 10)).toEqual([
      "下级责任单位",
      "序号",
      "严重程度",
      "类型",
      "上级任务编号",
      "上级任务",
      "下级任务编号",
      "下级任务",
      "说明",
      "整改说明/反馈",
    ]);
    const rows = groups.flatMap((group) => group.findings.map((index) => [group.unit, index]));
    expect(ws.rowCount).toBe(headerRow + rows.length);
    for (const [r, [unit, index]] of rows.entries()) {
      const cells = values(ws, headerRow + 1 + r, 10);
      expect(cells[0]).toBe(unit);
      expect(cells[1]).toBe(Number(index) + 1);
      expect(cells[8]).toBe(result.findings[Number(index)]?.message);
      expect(cells[9]).toBe(null);
    }
    expect(ws.autoFilter).toBe(`A${headerRow}:J${headerRow}`);
  });

  it("takes unit names that differ only in their brackets for one unit", () => {
    const names = groupByChildUnit(result, "zh").map((group) => group.unit);
    expect(names).toContain("各县（市、区）政府");
    expect(names).not.toContain("各县〔市、区〕政府");
  });

  it("puts findings whose child task names no unit in the no-unit bucket, last", () => {
    const copy = structuredClone(result);
    const finding = copy.findings.find((f) => f.child !== null);
    const task = copy.child.tasks.find((t) => t.id === finding?.child);
    if (!task) throw new Error("no child task");
    task.units = { lead: [], support: [], raw: null };
    copy.child.issuer = null;
    const groups = groupByChildUnit(copy, "en");
    const last = groups.at(-1);
    expect(last?.unit).toBe("No unit named");
    expect(last?.unassigned).toBe(true);
    expect(groups.filter((group) => group.unassigned)).toHaveLength(1);
    const withoutChild = copy.findings.findIndex((f) => f.child === null);
    expect(last?.findings).toContain(withoutChild);
    expect(last?.findings).toContain(copy.findings.indexOf(finding as (typeof copy.findings)[0]));
  });

  it("summarises both documents, coverage, fidelity and counts", () => {
    const ws = sheet(zh, "概览");
    const rows = new Map<unknown, unknown[]>();
    ws.eachRow((row) => {
      const cells = values(ws, row.number, 3);
      if (!rows.has(cells[0])) rows.set(cells[0], cells.slice(1));
    });
    expect(rows.get("文号")).toEqual(["浙政发〔2018〕16号", "嘉政发〔2018〕23号"]);
    expect(rows.get("标题")).toEqual([result.parent.title, result.child.title]);
    expect(rows.get("文件")).toEqual([result.parent.file, result.child.file]);
    expect(rows.get("覆盖率")).toEqual([
      result.summary.body.coverage,
      result.summary.appendix.coverage,
    ]);
    expect(rows.get("应落实任务覆盖率")).toEqual([
      result.summary.body.requiredCoverage,
      result.summary.appendix.requiredCoverage,
    ]);
    const scopes = [...(ws.getRows(1, ws.rowCount) ?? [])].find(
      (row) => row.getCell(2).value === "正文任务",
    );
    expect(values(ws, scopes?.number ?? 0, 4)).toEqual([
      "项目",
      "正文任务",
      "重点任务清单",
      "保障措施",
    ]);
    const coverage = [...(ws.getRows(1, ws.rowCount) ?? [])].find(
      (row) => row.getCell(1).value === "覆盖率",
    );
    expect(coverage?.getCell(4).value).toBe(result.summary.safeguards.coverage);
    expect(rows.get("忠实度")?.[0]).toBe(result.summary.fidelity);
    expect(rows.get("缺失任务")?.[0]).toBe(result.summary.findings.byKind.missing);
    expect(rows.get("合计")?.[0]).toBe(result.findings.length);
    expect(rows.get("高")?.[0]).toBe(result.summary.findings.bySeverity.high);
    expect(rows.get("提示")?.[0]).toBe(result.summary.findings.bySeverity.info);
  });

  it("lists one row per alignment", () => {
    const ws = sheet(zh, "逐项对照");
    expect(values(ws, 1, 7)).toEqual([
      "上级任务编号",
      "上级任务",
      "下级任务编号",
      "下级任务",
      "对应关系",
      "匹配置信度",
      "文本相似度",
    ]);
    expect(ws.rowCount).toBe(result.alignments.length + 1);
    const first = result.alignments[0];
    const title = (tasks: CompareResult["parent"]["tasks"], id: string | undefined) =>
      tasks.find((t) => t.id === id)?.title;
    const cells = values(ws, 2, 7);
    // The texts' similarity is one of the link's measured signals, not its confidence.
    expect(Object.values(first?.evidence.signals ?? {})).toContain(cells[6]);
    expect(cells.slice(0, 6)).toEqual([
      first?.parent,
      title(result.parent.tasks, first?.parent),
      first?.child,
      title(result.child.tasks, first?.child),
      first?.relation === "equivalent" ? "一致" : first?.relation === "reworded" ? "改写" : "部分",
      first?.score,
    ]);
    // Confidence and similarity are two things: a sure link of reworded texts.
    const reworded = result.alignments.find(
      (a) => a.relation === "reworded" && a.score > 0.9 && (a.evidence.signals.text ?? 1) < 0.7,
    );
    expect(reworded).toBeDefined();
  });

  it("stores text that looks like a formula as text", async () => {
    const copy = structuredClone(result);
    const finding = copy.findings[0];
    if (!finding) throw new Error("no finding");
    finding.message = '=HYPERLINK("http://example.com","x")';
    const ws = sheet(await load(await render(copy)), "问题清单");
    expect(ws.getCell(2, MESSAGE).value).toBe('=HYPERLINK("http://example.com","x")');
  });

  it("sets a fixed creator and date", () => {
    expect(zh.creator).toBe("plandiff");
    expect(zh.created.toISOString()).toBe("2018-08-27T00:00:00.000Z");
    expect(zh.modified.toISOString()).toBe("2018-08-27T00:00:00.000Z");
  });

  it("gives the same bytes whatever the clock says", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2001-02-03T04:05:06Z"));
    const early = await render(result);
    vi.setSystemTime(new Date("2033-11-12T13:14:15Z"));
    const late = await render(result);
    vi.useRealTimers();
    expect(Buffer.from(early).equals(Buffer.from(late))).toBe(true);
    expect(contents(await load(early))).toEqual(contents(zh));
    // The first local zip header carries the child plan's date, 2018-08-27, at 00:00.
    const view = new DataView(early.buffer, early.byteOffset, early.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(10, true)).toBe(0);
    expect(view.getUint16(12, true)).toBe(((2018 - 1980) << 9) | (8 << 5) | 27);
  });
});
