import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDeadline, parseDeadline } from "../../src/parse/parse-deadline.js";
import { dateOfLine, isPlausibleYear, PLAUSIBLE_YEARS } from "../../src/parse/text-shapes.js";
import { parseDocument } from "../../src/pipeline.js";

/** The source damaged multi-digit numbers of this document: 到4549年 stands for 到2025年. */
const DAMAGED = "data/real/sd-2020-jiqing-ai-xiandaoqu.txt";

describe("a year outside PLAUSIBLE_YEARS is no date and no deadline", () => {
  const realLine = readFileSync(DAMAGED, "utf8")
    .split("\n")
    .find((l) => l.includes("力争到4549年"));

  it("finds the damaged line in the real document", () => {
    expect(realLine).toBeDefined();
  });

  it("reads no deadline from the real line (力争到4549年，…)", () => {
    expect(findDeadline(realLine as string, { year: 2020 })).toMatchObject({ kind: "none" });
    expect(findDeadline(realLine as string, { year: null })).toMatchObject({ kind: "none" });
  });

  it("reads no deadline from a damaged year in free text or a cell", () => {
    expect(findDeadline("到4544年建成国内高档数控机床基地", { year: 2020 }).kind).toBe("none");
    expect(parseDeadline("4549年底前完成", { year: 2020 }).kind).toBe("none");
    expect(parseDeadline("2121年12月底前", { year: null }).kind).toBe("none");
    expect(parseDeadline("1948年底前", { year: null }).kind).toBe("none");
    expect(parseDeadline("2018-4549年", { year: null }).kind).toBe("none");
  });

  it("still reads the other deadline of the text, and the bounds themselves", () => {
    expect(findDeadline("到4549年初见成效，2022年底前全面完成。", { year: 2020 })).toMatchObject({
      kind: "date",
      due: "2022-12-31",
    });
    expect(parseDeadline("2100年底前", { year: null }).due).toBe("2100-12-31");
    expect(parseDeadline("1949年10月1日前", { year: null }).due).toBe("1949-10-01");
  });

  it("leaves a yearless phrase undated when the document's year is implausible", () => {
    expect(parseDeadline("6月底前", { year: 4549 })).toMatchObject({ kind: "date", due: null });
    expect(findDeadline("年底前完成", { year: 4549 })).toMatchObject({ kind: "date", due: null });
  });

  it("reads no document date from a damaged date line", () => {
    expect(dateOfLine("4549年3月1日")).toBeNull();
    expect(dateOfLine("2020年3月1日")).toBe("2020-03-01");
    expect(isPlausibleYear(PLAUSIBLE_YEARS.first - 1)).toBe(false);
    expect(isPlausibleYear(PLAUSIBLE_YEARS.last + 1)).toBe(false);
  });

  it("parses the whole damaged document on", async () => {
    const doc = await parseDocument(DAMAGED);
    expect(doc.tasks.length).toBeGreaterThan(0);
    const due = doc.tasks.map((t) => t.deadline.due).filter((d): d is string => d !== null);
    expect(due.every((d) => isPlausibleYear(Number(d.slice(0, 4))))).toBe(true);
    expect(doc.date).toBeNull();
  });
});
