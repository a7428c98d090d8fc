import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import type { CompareResult } from "../../src/model/compare.js";
import type { Lang } from "../../src/model/lang.js";
import { csv } from "../../src/report/csv.js";
import { FINDING_COLUMNS, findingRows } from "../../src/report/shared/finding-rows.js";
import { unitsText } from "../../src/report/shared/units.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

const result = compareDocuments(await seedDocument(SEEDS.province), await seedDocument(SEEDS.city));

const MESSAGE = FINDING_COLUMNS.indexOf("message");
const FEEDBACK = FINDING_COLUMNS.indexOf("feedback");

async function render(r: CompareResult, lang: Lang = "zh"): Promise<string> {
  const out = await csv(r, { color: false, lang });
  if (typeof out !== "string") throw new Error("csv must produce text");
  return out;
}

function records(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

/** The real result with the first finding's message replaced. */
function withMessage(message: string): CompareResult {
  const copy = structuredClone(result);
  const first = copy.findings[0];
  if (!first) throw new Error("the seed comparison has no finding");
  first.message = message;
  return copy;
}

describe("csv formatter", () => {
  it("compares seeds that have findings", () => {
    expect(result.findings.length).toBeGreaterThan(10);
  });

  it("starts with a BOM and ends every record with CRLF", async () => {
    const text = await render(result);
    const headers = findingRows(result, "zh").headers;
    // Headers need no quoting, so the first record is them joined by commas.
    expect(text.startsWith(`\uFEFF${headers.join(",")}\r\n`)).toBe(true);
    expect(text.startsWith("\uFEFF序号,类型,严重程度,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("round-trips through csv-parse: headers, one record per finding, in order", async () => {
    const [headers, ...rows] = records(await render(result));
    const table = findingRows(result, "zh");
    expect(headers).toEqual(table.headers);
    expect(headers).toContain("整改说明/反馈");
    expect(rows).toHaveLength(result.findings.length);
    expect(rows).toEqual(table.rows);
    expect(rows.map((row) => row[0])).toEqual(result.findings.map((_, i) => String(i + 1)));
    expect(rows.map((row) => row[MESSAGE])).toEqual(result.findings.map((f) => f.message));
    expect(rows.every((row) => row[FEEDBACK] === "")).toBe(true);
  });

  it("keeps Chinese text and task details of a finding", async () => {
    const [, ...rows] = records(await render(result));
    const i = result.findings.findIndex((f) => f.kind === "deadline-drift");
    const finding = result.findings[i];
    const parentTask = result.parent.tasks.find((t) => t.id === finding?.parent);
    expect(rows[i]?.slice(0, 5)).toEqual([
      String(i + 1),
      "时间要求变化",
      "高",
      finding?.parent,
      parentTask?.title,
    ]);
    expect(rows[i]?.[FINDING_COLUMNS.indexOf("parentDeadline")]).toBe(finding?.drift?.parent);
    expect(rows[i]?.[FINDING_COLUMNS.indexOf("childDeadline")]).toBe(finding?.drift?.child);
  });

  it("names the responsible units of the parent and the child task", async () => {
    const [headers, ...rows] = records(await render(result));
    const parentUnits = FINDING_COLUMNS.indexOf("parentUnits");
    const childUnits = FINDING_COLUMNS.indexOf("childUnits");
    expect(headers?.[parentUnits]).toBe("上级责任单位");
    expect(headers?.[childUnits]).toBe("下级责任单位");
    for (const [i, finding] of result.findings.entries()) {
      const parent = result.parent.tasks.find((t) => t.id === finding.parent);
      const child = result.child.tasks.find((t) => t.id === finding.child);
      expect(rows[i]?.[parentUnits]).toBe(unitsText(parent?.units, "zh"));
      expect(rows[i]?.[childUnits]).toBe(unitsText(child?.units, "zh"));
    }
    // A missing task has units on the parent's side only.
    const missing = result.findings.findIndex((f) => f.kind === "missing" && f.child === null);
    expect(rows[missing]?.[parentUnits]).not.toBe("");
    expect(rows[missing]?.[childUnits]).toBe("");
    const [enHeaders] = records(await render(result, "en"));
    expect(enHeaders?.[parentUnits]).toBe("Parent units");
    expect(enHeaders?.[childUnits]).toBe("Child units");
  });

  it("quotes a message with commas, quotes and line breaks so that it survives", async () => {
    const message = '第一, "第二"，\r\n第三\n第四\r第五,""';
    const text = await render(withMessage(message));
    expect(text).toContain('"第一, ""第二""，\r\n第三\n第四\r第五,"""""');
    const [, first] = records(text);
    expect(first?.[MESSAGE]).toBe(message);
    expect(first).toHaveLength(FINDING_COLUMNS.length);
  });

  it.each(['=HYPERLINK("http://example.com","点击")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1"])(
    "neutralises a cell that starts like a formula: %j",
    async (message) => {
      const [, first] = records(await render(withMessage(message)));
      expect(first?.[MESSAGE]).toBe(`'${message}`);
    },
  );

  it("neutralises a formula that also needs quoting", async () => {
    const text = await render(withMessage('=1,"x"'));
    expect(text).toContain(`"'=1,""x"""`);
    expect(records(text)[1]?.[MESSAGE]).toBe(`'=1,"x"`);
  });

  it("leaves a formula character inside the text alone", async () => {
    const [, first] = records(await render(withMessage("差额 = 3 - 1")));
    expect(first?.[MESSAGE]).toBe("差额 = 3 - 1");
  });

  it("writes English headers with lang en", async () => {
    const [headers, ...rows] = records(await render(result, "en"));
    expect(headers).toEqual(findingRows(result, "en").headers);
    expect(headers?.[0]).toBe("No.");
    expect(headers).toContain("Response / remediation");
    expect(headers).toContain("Parent wording");
    expect(rows).toHaveLength(result.findings.length);
    expect(new Set(rows.map((row) => row[2]))).not.toContain("高");
  });

  it("is deterministic", async () => {
    expect(await render(result)).toBe(await render(structuredClone(result)));
  });
});
