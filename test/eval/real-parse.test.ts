/**
 * The real plans (data/real) parsed as a careful reader would: the gold tasks of pairs A and D
 * found by title in the tasks of the right source, no more than 10 % more tasks than the gold
 * holds, and the unpaired documents' task counts (test/fixtures/real-counts.json) exactly.
 *
 * The expectations in "real plans parse like a careful reader" describe the parser being written;
 * they fail until it lands, and are not skipped on purpose.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  findGoldTask,
  matchGoldTitle,
  normalizeTitle,
  REAL_DATA_DIR,
  REAL_SCOPES,
  type RealPair,
  readRealCounts,
  readRealPairs,
  SOURCE_OF,
  scoreMapped,
} from "../../bench/eval/real.js";
import type { PlanDocument } from "../../src/model/document.js";
import type { Task, TaskSource } from "../../src/model/task.js";
import { parseDocument } from "../../src/pipeline.js";

const task = (title: string, text = `${title}。`): Pick<Task, "title" | "text"> => ({
  title,
  text,
});

describe("matchGoldTitle", () => {
  it("matches titles equal after dropping punctuation and spaces", () => {
    expect(
      matchGoldTitle("加快建设“人工智能+”全景化平台", task("加快建设人工智能全景化平台")),
    ).toBe(true);
    expect(matchGoldTitle("推动工业数据 全面采集", task("推动工业数据全面采集。"))).toBe(true);
    expect(normalizeTitle("（一）加强 组织、协调。")).toBe("一加强组织协调");
  });

  it("matches when either title contains the other", () => {
    expect(matchGoldTitle("智能家居", task("大力发展智能家居产业"))).toBe(true);
    expect(matchGoldTitle("构建工业大数据创新生态", task("创新生态"))).toBe(true);
  });

  it("matches when the parsed task's text begins with the gold title", () => {
    const swallowed = task("推动工业数据全面采集和高质量汇聚", "加快工业设备互联互通。推动……");
    expect(matchGoldTitle("加快工业设备互联互通", swallowed)).toBe(true);
    // A numbering label at the start of the text is not part of it.
    expect(matchGoldTitle("完善网络基础设施", task("", "1.完善网络基础设施。加快…"))).toBe(true);
  });

  it("rejects other titles and empty ones", () => {
    expect(matchGoldTitle("加大政策支持", task("健全工作机制"))).toBe(false);
    // The gold title sits inside the text, not at its start.
    expect(matchGoldTitle("智能芯片", task("集成电路", "集成电路。发展智能芯片。"))).toBe(false);
    expect(matchGoldTitle("", task("健全工作机制"))).toBe(false);
    expect(matchGoldTitle("健全工作机制", task("", ""))).toBe(false);
  });

  it("findGoldTask prefers an equal title to a containing one", () => {
    const tasks = [
      { ...task("加大政策支持力度"), id: "B1" },
      { ...task("加大政策支持"), id: "B2" },
    ] as Task[];
    expect(findGoldTask("加大政策支持", tasks)?.id).toBe("B2");
    expect(findGoldTask("完善标准体系", tasks)).toBeNull();
  });
});

describe("scoreMapped", () => {
  const t = (id: string) => ({ id }) as Task;
  it("links every gold task a parsed task swallowed, and misses the links of an unparsed one", () => {
    // Parsed parent B1 swallowed gold P1 and P2; gold P3 was not parsed; child B1 is gold C1.
    const s = scoreMapped(
      [{ parent: "B1", child: "B1", relation: "reworded" }],
      [t("B1")],
      [t("B1"), t("B2")],
      new Map([
        ["P1", "B1"],
        ["P2", "B1"],
      ]),
      new Map([["C1", "B1"]]),
      {
        parents: ["P1", "P2", "P3"],
        children: ["C1", "C2"],
        links: [
          { parent: "P1", child: "C1", relation: "reworded" },
          { parent: "P2", child: "C1", relation: "partial" },
          { parent: "P3", child: "C1", relation: "partial" },
        ],
      },
    );
    expect([s.link.tp, s.link.fp, s.link.fn]).toEqual([2, 0, 1]);
    // The unmatched parsed child B2 is predicted added under its own key, gold C2 is added.
    expect([s.added.tp, s.added.fp, s.added.fn]).toEqual([0, 1, 1]);
    expect(s.predictedLinks).toBe(2);
  });
});

const pairs: RealPair[] = readRealPairs();
const counts = readRealCounts();

describe("real plans parse like a careful reader", () => {
  const docs = new Map<string, PlanDocument>();
  beforeAll(async () => {
    const files = new Set([
      ...pairs.flatMap((p) => [p.parent, p.child]),
      ...counts.map((c) => c.file),
    ]);
    for (const f of files) docs.set(f, await parseDocument(join(REAL_DATA_DIR, f)));
  });
  const doc = (file: string): PlanDocument => {
    const d = docs.get(file);
    if (!d) throw new Error(`not parsed: ${file}`);
    return d;
  };

  it("reads the gold of pairs A and D", () => {
    expect(pairs.map((p) => p.pair)).toEqual(["A", "D"]);
  });

  for (const pair of pairs) {
    for (const side of ["parent", "child"] as const) {
      const file = pair[side];
      const key = side === "parent" ? "parentTasks" : "childTasks";
      for (const scope of REAL_SCOPES) {
        it(`${pair.pair} ${side} (${file}): every gold ${scope} title is found among its ${SOURCE_OF[scope]} tasks`, () => {
          const pool = doc(file).tasks.filter((t) => t.source === SOURCE_OF[scope]);
          const notFound = pair.gold[scope][key]
            .filter((g) => findGoldTask(g.title, pool) === null)
            .map((g) => `${g.key} ${g.label}${g.title}`);
          expect(notFound).toEqual([]);
        });
      }
      it(`${pair.pair} ${side} (${file}): parses at most 10 % more tasks than the gold holds`, () => {
        const gold = pair.gold.tasks[key].length + pair.gold.safeguards[key].length;
        expect(doc(file).tasks.length).toBeLessThanOrEqual(Math.floor(1.1 * gold));
      });
    }
  }

  for (const c of counts) {
    it(`${c.file}: ${c.body} body tasks, ${c.safeguards} safeguards, ${c.appendix} table rows`, () => {
      const n: Record<TaskSource, number> = { body: 0, safeguards: 0, appendix: 0 };
      for (const t of doc(c.file).tasks) n[t.source]++;
      expect(n).toEqual({ body: c.body, safeguards: c.safeguards, appendix: c.appendix });
    });
  }
});
