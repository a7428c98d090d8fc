import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fold, normalizeText, readSource, splitBundle } from "../../src/ingest/index.js";
import type { PlanDocument } from "../../src/model/document.js";
import type { Line } from "../../src/model/source.js";
import { readHeader } from "../../src/parse/header.js";
import { readTables } from "../../src/parse/tables.js";
import { SEEDS } from "../helpers/seeds.js";

/** The content lines of each document of a file, as the pipeline reads them. */
async function contentOf(file: string): Promise<Line[][]> {
  const source = await readSource(file);
  return splitBundle(file, normalizeText(source.text)).map((doc) =>
    doc.lines.slice(0, readHeader(doc.lines).contentEnd),
  );
}

const TABLE = "data/real/gwy-2018-126-tuiguang-table.txt";
const LABELS = [...Array.from({ length: 14 }, (_, i) => String(i + 1)), "21", "22", "23"];
const GROUPS: Record<string, string> = {
  "1": "一、知识产权保护方面（共5项）",
  "6": "二、科技成果转化激励方面（共4项）",
  "10": "三、科技金融创新方面（共5项）",
  "21": "五、管理体制创新方面（共3项）",
};

/** Each row's group: the group of the last row that starts one in GROUPS. */
function expectedGroup(label: string): string {
  const starts = Object.keys(GROUPS)
    .map(Number)
    .filter((n) => n <= Number(label));
  return GROUPS[String(Math.max(...starts))] as string;
}

describe("the State Council's 推广清单 (序号 | 改革举措 | 主 要 内 容 | 指导部门 | 推广范围)", async () => {
  const [content] = await contentOf(TABLE);
  const { rows } = readTables(content as Line[]);

  it("reads the 17 rows 1–14 and 21–23 (rows 15–20 were deleted from the source)", () => {
    expect(rows.map((r) => r.label)).toEqual(LABELS);
  });

  it("takes the title from 改革举措, the text from 主要内容 and the units from 指导部门", () => {
    const first = rows[0];
    expect(first?.title).toBe("知识产权民事、刑事、行政案件“三合一”审判");
    expect(first?.text).toBe(
      "知识产权民事、刑事、行政案件“三合一”审判\n整合分散的审判资源，实行知识产权民事、刑事、行政案件审判“三合一”，实现审判力量集中、审判标准统一，提高审判效率，缩短审判周期。",
    );
    expect(first?.units).toBe("最高人民法院、最高人民检察院、国家知识产权局");
    expect(first?.deadline).toBe("");
    const r6 = rows.find((r) => r.label === "6");
    expect(r6?.title).toBe("以事前产权激励为核心的职务科技成果权属改革");
    expect(r6?.units).toBe(
      "科技部、国家发展改革委、财政部、国家知识产权局、教育部、国务院国资委、中科院、司法部",
    );
    expect(r6?.scope).toBe("8个改革试验区域");
    expect(rows.find((r) => r.label === "23")?.title).toBe(
      "以地方立法形式建立推动改革创新的决策容错机制",
    );
  });

  it("gives every row its group heading, and keeps group headings out of the cells", () => {
    expect(rows.map((r) => r.group)).toEqual(LABELS.map(expectedGroup));
    // The group rows that the normaliser joined to the row above leave its last cell alone.
    expect(rows.find((r) => r.label === "5")?.scope).toBe("全国");
    expect(rows.find((r) => r.label === "14")?.scope).toBe("全国");
    expect(rows.every((r) => !`${r.title}${r.text}${r.units}${r.scope}`.includes("方面（共"))).toBe(
      true,
    );
  });

  it("reads the same rows when the group rows stand on lines of their own", () => {
    // The file's own lines, folded but not joined: the group rows stay between the pipe rows.
    const raw = readFileSync(TABLE, "utf8")
      .split("\n")
      .map((text, i) => ({ line: i + 1, text: text.trim(), norm: fold(text.trim()), cell: false }))
      .filter((l) => l.text !== "");
    const again = readTables(raw).rows;
    expect(again.map((r) => r.label)).toEqual(LABELS);
    expect(again.map((r) => r.group)).toEqual(LABELS.map(expectedGroup));
    expect(again.map((r) => [r.title, r.units, r.text])).toEqual(
      rows.map((r) => [r.title, r.units, r.text]),
    );
  });

  it("reads the table when its header has no 序号 but its rows are numbered in the first cell", () => {
    const header = (content as Line[]).findIndex((l) => l.norm.startsWith("序号|"));
    const without = (content as Line[]).map((l, i) =>
      i === header
        ? { ...l, text: l.text.replace(/^序号\|/, ""), norm: l.norm.replace(/^序号\|/, "") }
        : l,
    );
    expect(without[header]?.norm.startsWith("改革举措|")).toBe(true);
    expect(readTables(without).rows).toEqual(rows);
    // The same with the 序号 cell left empty (| 改革举措 | …).
    const blank = (content as Line[]).map((l, i) =>
      i === header
        ? { ...l, text: l.text.replace(/^序号/, "|"), norm: l.norm.replace(/^序号/, "|") }
        : l,
    );
    expect(readTables(blank).rows).toEqual(rows);
  });

  it("does not read a header without 序号 when its rows are not numbered from 1", () => {
    const header = (content as Line[]).findIndex((l) => l.norm.startsWith("序号|"));
    // The header without 序号, and the rows before row 6 left out.
    const lines = (content as Line[])
      .map((l, i) =>
        i === header
          ? { ...l, text: l.text.replace(/^序号\|/, ""), norm: l.norm.replace(/^序号\|/, "") }
          : l,
      )
      .filter((l) => !/^[1-5]\|/.test(l.norm));
    expect(readTables(lines).rows).toEqual([]);
  });
});

describe("the seeds' task tables read as before", () => {
  const seeds = [SEEDS.city, SEEDS.district, SEEDS.province, SEEDS.gazette, SEEDS.workPoints];
  it.each(seeds)("%s", async (file) => {
    const fixture = JSON.parse(
      readFileSync(
        `test/fixtures/seed-parse/${(file.split("/").pop() as string).replace(".txt", ".json")}`,
        "utf8",
      ),
    ) as PlanDocument[];
    const documents = await contentOf(file);
    expect(documents).toHaveLength(fixture.length);
    documents.forEach((content, d) => {
      const rows = readTables(content).rows;
      const before = (fixture[d] as PlanDocument).tasks.filter((t) => t.source === "appendix");
      expect(
        rows.map((r) => ({
          label: r.label,
          title: r.title.replace(/[。.]$/, "").trim(),
          text: r.text ?? r.title,
          units: r.units === "" ? null : r.units,
          line: r.line,
        })),
      ).toEqual(
        before.map((t) => ({
          label: t.label,
          title: t.title,
          text: t.text,
          units: t.units.raw,
          line: t.line,
        })),
      );
      expect(rows.every((r) => r.group === undefined && r.scope === undefined)).toBe(true);
    });
  });
});
