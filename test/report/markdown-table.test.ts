import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import { DEFAULT_DIFF_OPTIONS } from "../../src/diff/index.js";
import type { CompareResult } from "../../src/model/compare.js";
import type { PlanDocument } from "../../src/model/document.js";
import { markdown } from "../../src/report/markdown.js";
import { percent } from "../../src/report/shared/labels.js";
import { table } from "../../src/report/table.js";
import { displayWidth } from "../../src/util/display-width.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

const province = await seedDocument(SEEDS.province);
const city = await seedDocument(SEEDS.city);
const result = compareDocuments(province, city);

/** The city plan with a hostile task text (a report must quote it, never run or break on it). */
function hostile(doc: PlanDocument): PlanDocument {
  const tasks = doc.tasks.map((t) =>
    t.id === "B4.16"
      ? {
          ...t,
          title: "健全|政务*服务_标准<script>x</script>",
          text: "a|b\n<img src=x onerror=alert(1)>",
        }
      : t,
  );
  return { ...doc, tasks };
}

/** The comparison as it would be of plans without safeguards: no S task, an empty scope. */
function withoutSafeguards(r: CompareResult): CompareResult {
  const drop = (doc: PlanDocument) => ({
    ...doc,
    tasks: doc.tasks.filter((t) => t.source !== "safeguards"),
  });
  const empty = {
    ...r.summary.safeguards,
    parentTasks: 0,
    childTasks: 0,
    carried: 0,
    missing: [],
    added: [],
  };
  return {
    ...r,
    parent: drop(r.parent),
    child: drop(r.child),
    alignments: r.alignments.filter((a) => !a.parent.startsWith("S") && !a.child.startsWith("S")),
    findings: r.findings.filter((f) => !f.parent?.startsWith("S") && !f.child?.startsWith("S")),
    summary: { ...r.summary, safeguards: empty },
  };
}

describe("markdown report", () => {
  const md = markdown(result, { color: false, lang: "zh" }) as string;

  it("has the header, the summary, a row per section and findings grouped by kind", () => {
    expect(md).toMatch(/^# 实施方案落实情况比对报告/);
    expect(md).toContain("| 文号 | 浙政发〔2018〕16号 | 嘉政发〔2018〕23号 |");
    expect(md).toContain("## 分部分落实情况");
    expect(md.match(/^\| \d+ \| 大力实施/gm)).toHaveLength(10);
    expect(md).toContain("### 缺失任务");
    expect(md).toContain(
      "| 上级任务 | 下级任务 | 上级时间要求 | 下级时间要求 | 变化 | 天数 | 严重程度 |",
    );
  });

  it("adds a safeguards row when either plan has safeguards, and none when neither has", () => {
    const s = result.summary.safeguards;
    expect(s.parentTasks).toBeGreaterThan(0);
    expect(md).toContain(`| 保障措施 | ${s.parentTasks} | ${s.carried} |`);
    expect(markdown(result, { color: false, lang: "en" }) as string).toContain("| Safeguards |");
    const none = withoutSafeguards(result);
    const out = markdown(none, { color: false, lang: "zh" }) as string;
    expect(out).not.toContain("保障措施");
    expect(out).toContain("| 重点任务清单 |");
  });

  it("escapes document text so tables and markup stay intact", () => {
    const bad = compareDocuments(province, hostile(city), {
      diff: { ...DEFAULT_DIFF_OPTIONS, disabled: [] },
    });
    const out = markdown(bad, { color: false, lang: "zh" }) as string;
    // Every < of document text is escaped (\<), so no raw tag reaches a Markdown renderer.
    expect(out).not.toMatch(/(^|[^\\])<(script|img)/m);
    expect(out).toContain("\\<img src=x onerror=alert(1)\\>");
  });

  it("names both files, so that plans without title or 文号 are still told apart", () => {
    const out = markdown(result, { color: false, lang: "zh" }) as string;
    expect(out).toContain(`| 文件 | ${result.parent.file.replace(/_/g, "\\_")} |`);
  });

  it("speaks English on request", () => {
    const en = markdown(result, { color: false, lang: "en" }) as string;
    expect(en).toMatch(/^# Implementation fidelity report/);
    expect(en).toContain("## By section");
  });
});

describe("terminal table", () => {
  it("fits 100 columns, Chinese characters whole, no colour unless asked", () => {
    const out = table(result, { color: false, lang: "zh" }) as string;
    const widths = out.split("\n").map(displayWidth);
    expect(Math.max(...widths)).toBeLessThanOrEqual(100);
    expect(out).not.toContain("\u001b[");
    expect(out).toContain("浙政发〔2018〕16号");
    expect(out).not.toContain("\uFFFD");
  });

  it("prints the safeguards coverage on a line of its own, only when there are safeguards", () => {
    const s = result.summary.safeguards;
    const out = table(result, { color: false, lang: "zh" }) as string;
    expect(out).toContain(`保障措施 覆盖率 ${percent(s.coverage)} (${s.carried}/${s.parentTasks})`);
    expect(table(result, { color: false, lang: "en" }) as string).toContain("Safeguards Coverage");
    expect(table(withoutSafeguards(result), { color: false, lang: "zh" }) as string).not.toContain(
      "保障措施",
    );
  });

  it("names a parent with neither 文号 nor title by its file in the heading", () => {
    const bare = { ...result, parent: { ...result.parent, docNumber: null, title: null } };
    // The heading wraps at the table's width: its two lines read as one.
    const lines = (table(bare, { color: false, lang: "zh" }) as string).split("\n");
    expect(lines.slice(0, 2).join("")).toContain(`← ${result.parent.file}`);
  });

  it("uses colour on request", () => {
    expect(table(result, { color: true, lang: "zh" }) as string).toContain("\u001b[");
  });
});

describe("legend: every report says what its words mean", () => {
  it("explains fidelity, obligatory tasks, severities and ids in md, html and the terminal, in the report's language (xlsx and docx: their own tests)", async () => {
    const { compareDocuments } = await import("../../src/compare.js");
    const { parseDocument } = await import("../../src/pipeline.js");
    const { formatters } = await import("../../src/report/index.js");
    const r = compareDocuments(
      await parseDocument("data/002_2cdac00586eece9b.txt"),
      await parseDocument("data/000_e50bc25d11ad62e1.txt"),
    );
    for (const format of ["md", "html", "table"] as const) {
      const zh = String(await formatters[format](r, { color: false, lang: "zh" }));
      for (const word of [
        "名词说明",
        "忠实度",
        "应落实",
        "严重程度",
        "B 为正文任务",
        "S 为保障措施",
      ])
        expect(zh, `${format}: ${word}`).toContain(word);
      const en = String(await formatters[format](r, { color: false, lang: "en" }));
      expect(en, format).toContain("Legend");
      expect(en, format).not.toContain("名词说明");
    }
  }, 60_000);
});
