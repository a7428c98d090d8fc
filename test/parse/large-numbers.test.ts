import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bigPlanText } from "../../bench/big-plan.js";
import { matchMarker } from "../../src/parse/outline.js";
import { parseDocument } from "../../src/pipeline.js";
import { OUTLINE_START } from "../../src/text/patterns.js";

const dir = mkdtempSync(join(tmpdir(), "plandiff-numbers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("task numbers of any size", () => {
  it("a plan numbered 1–5000 parses to 5,000 body tasks, each with its own number", async () => {
    const file = join(dir, "plan-5000.txt");
    writeFileSync(file, bigPlanText(5000));
    const doc = await parseDocument(file);
    const body = doc.tasks.filter((t) => t.source === "body");
    expect(body).toHaveLength(5000);
    expect(body.map((t) => Number(t.label))).toEqual(Array.from({ length: 5000 }, (_, k) => k + 1));
    expect(body.at(-1)?.title).not.toBe("");
  });

  it("reads long numbers as outline markers", () => {
    expect(matchMarker("1000. 加强建设")).toMatchObject({ marker: "arabic", label: "1000" });
    expect(matchMarker("12345、加强建设")).toMatchObject({ marker: "arabic", label: "12345" });
    expect(matchMarker("(1000)加强建设")).toMatchObject({ marker: "paren-arabic", label: "1000" });
    expect(matchMarker("12. 加强建设")).toMatchObject({ marker: "arabic", label: "12" });
    expect(OUTLINE_START.test("1000. 加强建设")).toBe(true);
  });

  it("years and dates at the start of a line stay text", () => {
    for (const line of [
      "2018、2019年连续两年完成",
      "2018. 5月底前完成",
      "2018.5月",
      "(2018)16号",
      "(2018)年度计划",
      "2018年4月28日",
      "0100. 编号",
    ]) {
      expect(matchMarker(line), line).toBeNull();
      expect(OUTLINE_START.test(line), line).toBe(false);
    }
  });
});
