import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import type { CompareResult } from "../../src/model/compare.js";
import type { PlanDocument } from "../../src/model/document.js";
import type { Lang } from "../../src/model/lang.js";
import {
  type FindingRef,
  type RunRecord,
  RunRecordSchema,
  type Trace,
} from "../../src/model/run.js";
import { parseDocument } from "../../src/pipeline.js";
import { overviewHtml as htmlOf } from "../../src/report/overview/html.js";
import { overviewMarkdown as markdownOf } from "../../src/report/overview/markdown.js";
import { reportHref } from "../../src/report/overview/text.js";
import {
  chainViews,
  compareNatural,
  heatmap,
  isPairKey,
  leagueTable,
  mostMissing,
  overviewData,
} from "../../src/run/overview-data.js";

/** The overviews of a stored run, as `plandiff run` writes them. */
const overviewMarkdown = (record: RunRecord, lang: Lang) => markdownOf(overviewData(record), lang);
const overviewHtml = (record: RunRecord, lang: Lang) => htmlOf(overviewData(record), lang);

const HOSTILE_TITLE = '<script>alert("pwned")</script> | 嘉兴*实施*方案';
const HOSTILE_NOTE = "越城区方案与省级方案直接比对 <img src=x onerror=alert(1)> | 缺少绍兴市方案";

const province = await parseDocument("data/002_2cdac00586eece9b.txt");
const city = await parseDocument("data/000_e50bc25d11ad62e1.txt");
const district = await parseDocument("data/001_1edcfceb20138e7f.txt");
const toCity = compareDocuments(province, city);
const toDistrict = compareDocuments(province, district);

/**
 * Waived by a (fictitious) review decision: a task-table row the district leaves out that the
 * city leaves out too (the first such row), so that it also counts in the city's findings.
 */
const missingRows = (r: CompareResult) =>
  r.findings.filter((f) => f.kind === "missing" && f.parent?.startsWith("A")).map((f) => f.parent);
const WAIVED = {
  child: "yc",
  task: missingRows(toDistrict).find((id) => missingRows(toCity).includes(id)) as string,
} as const;

function refs(result: CompareResult, child: string): FindingRef[] {
  return result.findings.map((f) => ({
    key: `${f.kind}|${f.parent ?? "-"}|${f.child ?? "-"}`,
    kind: f.kind,
    severity: f.severity,
    parent: f.parent,
    child: f.child,
    message: f.message,
    waived: child === WAIVED.child && f.kind === "missing" && f.parent === WAIVED.task,
  }));
}

/** Child tasks carrying a parent task, from the alignments of a comparison. */
function carriers(result: CompareResult, task: string): string[] {
  return result.alignments.filter((a) => a.parent === task).map((a) => a.child);
}

/**
 * A synthetic chain zj → jx → yc over the province's body tasks: the city step from the real
 * province→city alignments, the district step from the real province→district alignments.
 */
function traces(): Trace[] {
  return province.tasks
    .filter((task) => task.source === "body")
    .map((task) => {
      const atCity = carriers(toCity, task.id);
      const atDistrict = atCity.length > 0 ? carriers(toDistrict, task.id) : [];
      return {
        task: task.id,
        title: task.title,
        steps: [
          { document: "jx", tasks: atCity },
          { document: "yc", tasks: atDistrict },
        ],
        lostAt: atCity.length === 0 ? "jx" : atDistrict.length === 0 ? "yc" : null,
      };
    });
}

function input(
  id: string,
  doc: PlanDocument,
  parent: string | null,
  parentResolution: RunRecord["inputs"][number]["parentResolution"],
  title: string | null = doc.title,
): RunRecord["inputs"][number] {
  return {
    id,
    file: doc.file,
    index: doc.index,
    sha256: "0".repeat(64),
    level: doc.level,
    title,
    docNumber: doc.docNumber,
    parent,
    parentResolution,
  };
}

function buildRecord(): RunRecord {
  const cityRefs = refs(toCity, "jx");
  const districtRefs = refs(toDistrict, "yc");
  return RunRecordSchema.parse({
    schemaVersion: 1,
    id: "20250301-083000",
    config: { path: "plandiff.config.yaml", sha256: "f".repeat(64) },
    inputs: [
      input("zj", province, null, { method: "none", detail: "no parent configured" }),
      input(
        "jx",
        city,
        "zj",
        { method: "cited", detail: "cites 浙政发〔2018〕16号" },
        HOSTILE_TITLE,
      ),
      input("yc", district, "zj", { method: "similarity", detail: "task titles similar (0.71)" }),
    ],
    pairs: [
      {
        parent: "zj",
        child: "jx",
        reports: ["pairs/zj--jx.html", "pairs/zj--jx.md", "pairs/zj--jx.json"],
        summary: toCity.summary,
        findings: cityRefs,
      },
      {
        parent: "zj",
        child: "yc",
        reports: ["pairs/zj--yc.html", "pairs/zj--yc.md"],
        summary: toDistrict.summary,
        findings: districtRefs,
      },
    ],
    chains: [{ documents: ["zj", "jx", "yc"], traces: traces() }],
    notes: [HOSTILE_NOTE],
    changes: {
      previous: "20250201-083000",
      newFindings: cityRefs.slice(0, 2).map((f) => ({ ...f, pair: "zj→jx" })),
      resolvedFindings: [
        {
          key: "missing|body:abc|-",
          kind: "missing",
          severity: "high",
          parent: "B9.9",
          child: null,
          message: "下级应落实的任务 B9.9「旧任务 | <b>已删除</b>」 未在实施方案中体现",
          waived: false,
          pair: "zj→yc",
        },
      ],
      scoreChanges: [
        { pair: "zj→yc", field: "body.requiredCoverage", before: 0.94, after: 0.97 },
        { pair: "zj→jx", field: "findings.high", before: 7, after: 8 },
      ],
    },
    review: { applied: 1, stale: [{ index: 2, reason: "no finding matches missing|B9.9" }] },
    complete: true,
  });
}

const record = buildRecord();

/** Cells of a Markdown table row, split on unescaped pipes. */
function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1);
}

/** Every Markdown table has as many cells in each row as in its header. */
function tablesAreRectangular(md: string): boolean {
  let width: number | null = null;
  for (const line of md.split("\n")) {
    if (!line.startsWith("|")) {
      width = null;
      continue;
    }
    const n = cells(line).length;
    if (width === null) width = n;
    else if (n !== width) return false;
  }
  return true;
}

describe("overview data", () => {
  it("builds a valid run record from real comparisons", () => {
    expect(record.pairs).toHaveLength(2);
    expect(toCity.findings.length).toBeGreaterThan(10);
    expect(record.chains[0]?.traces.length).toBe(toCity.summary.body.parentTasks);
  });

  it("ranks the pairs weakest first: required coverage, then fidelity, then id", () => {
    const rows = leagueTable(record);
    const expected = [...record.pairs]
      .sort(
        (a, b) =>
          a.summary.body.requiredCoverage - b.summary.body.requiredCoverage ||
          a.summary.fidelity - b.summary.fidelity ||
          (a.child < b.child ? -1 : 1),
      )
      .map((p) => p.child);
    expect(rows.map((r) => r.child)).toEqual(expected);
    // On the bundled documents both children carry 97% of the required tasks; the district is
    // less faithful, so it comes first.
    expect(rows.map((r) => r.child)).toEqual(["yc", "jx"]);
    for (const [a, b] of rows.slice(0, -1).map((r, i) => [r, rows[i + 1]] as const)) {
      if (!b) continue;
      expect(a.requiredCoverage <= b.requiredCoverage).toBe(true);
    }

    const weaker = structuredClone(record);
    const jx = weaker.pairs.find((p) => p.child === "jx");
    if (!jx) throw new Error("no jx pair");
    jx.summary.body.requiredCoverage = 0.5;
    expect(leagueTable(weaker).map((r) => r.child)).toEqual(["jx", "yc"]);
  });

  it("counts findings without the waived ones, and new findings per pair", () => {
    const rows = leagueTable(record);
    const yc = rows.find((r) => r.child === "yc");
    const jx = rows.find((r) => r.child === "jx");
    expect(yc?.findings).toBe(toDistrict.findings.length - 1);
    expect(yc?.waived).toBe(1);
    expect(yc?.high).toBe(
      toDistrict.findings.filter((f) => f.severity === "high" && f.parent !== WAIVED.task).length,
    );
    expect(jx?.findings).toBe(toCity.findings.length);
    expect(jx?.newFindings).toBe(2);
    expect(yc?.newFindings).toBe(0);
    expect(jx?.childTitle).toBe(HOSTILE_TITLE);
    expect(jx?.tableCoverage).toBe(toCity.summary.appendix.coverage);
    expect(jx?.safeguardsCoverage).toBe(toCity.summary.safeguards.coverage);
    expect(jx?.level).toBe("city");
  });

  it("draws one heatmap per parent: a row per child, a column per parent section", () => {
    const maps = heatmap(record);
    expect(maps).toHaveLength(1);
    const map = maps[0];
    if (!map) throw new Error("no heatmap");
    expect(map.parent).toBe("zj");
    expect(map.rows.map((r) => r.child)).toEqual(["jx", "yc"]);
    expect(map.columns.map((c) => c.section)).toEqual(toCity.summary.sections.map((s) => s.parent));
    expect(map.columns).toHaveLength(10);
    for (const row of map.rows) {
      expect(row.cells).toHaveLength(map.columns.length);
      for (const cell of row.cells) {
        expect(cell.value).not.toBeNull();
        expect(cell.value).toBeGreaterThanOrEqual(0);
        expect(cell.value).toBeLessThanOrEqual(1);
      }
    }
    const s4 = toCity.summary.sections.find((s) => s.parent === 4);
    expect(map.rows[0]?.cells[3]?.value).toBeCloseTo((s4?.carried ?? 0) / (s4?.tasks ?? 1));
  });

  it("lists the parent tasks most often missing, waived findings ignored", () => {
    // Every scope: body tasks, table rows, safeguards — one gap, one finding (a row missing with
    // its body task is listed inside that task's finding), so the findings, not the summary's ids.
    const missingIn = (r: CompareResult, waived: string | null) =>
      new Set(
        r.findings
          .filter((f) => f.kind === "missing" && f.parent !== null && f.parent !== waived)
          .map((f) => f.parent as string),
      );
    const summaryMissing = new Set([
      ...toCity.summary.body.missing,
      ...toCity.summary.appendix.missing,
      ...toCity.summary.safeguards.missing,
    ]);
    // Every reported gap is one the summary counts; the summary may count more (grouped rows).
    for (const id of missingIn(toCity, null)) expect(summaryMissing.has(id), id).toBe(true);
    const inCity = missingIn(toCity, null);
    const inDistrict = missingIn(toDistrict, WAIVED.task);
    const both = [...inCity].filter((id) => inDistrict.has(id));
    const union = new Set([...inCity, ...inDistrict]);

    const all = mostMissing(record, 1000);
    expect(all).toHaveLength(union.size);
    expect(all.filter((m) => m.count === 2).map((m) => m.task)).toEqual(
      [...both].sort(compareNatural),
    );
    expect(both.length).toBeGreaterThan(0);
    expect(all[0]?.count).toBe(2);
    expect(all[0]?.children).toEqual(["jx", "yc"]);
    const a6 = all.find((m) => m.task === WAIVED.task);
    expect(a6?.count).toBe(1);
    expect(a6?.children).toEqual(["jx"]);
    expect(a6?.title).toBe(province.tasks.find((t) => t.id === WAIVED.task)?.title);
    for (const [a, b] of all.slice(0, -1).map((m, i) => [m, all[i + 1]] as const)) {
      if (b) expect(a.count).toBeGreaterThanOrEqual(b.count);
    }
    expect(mostMissing(record, 3)).toEqual(all.slice(0, 3));
  });

  it("shows the chains with one column per level below the root", () => {
    const [view] = chainViews(record);
    expect(view?.documents.map((d) => d.level)).toEqual(["province", "city", "district"]);
    const lost = view?.rows.find((r) => r.task === toCity.summary.body.missing[0]);
    expect(lost?.lostAt).toBe("jx");
    expect(lost?.steps).toEqual([[], []]);
    expect(view?.reached).toBe(view?.rows.filter((r) => r.lostAt === null).length);
  });

  it("matches recorded pair keys and refuses unsafe report paths", () => {
    expect(isPairKey("zj→jx", { parent: "zj", child: "jx" })).toBe(true);
    expect(isPairKey("jx", { parent: "zj", child: "jx" })).toBe(true);
    expect(isPairKey("zj→yc", { parent: "zj", child: "jx" })).toBe(false);
    expect(reportHref("pairs/zj--jx.html")).toBe("pairs/zj--jx.html");
    expect(reportHref("pairs/a b(1).html")).toBe("pairs/a%20b%281%29.html");
    expect(reportHref("javascript:alert(1)")).toBeNull();
    expect(reportHref("../secret.html")).toBeNull();
    expect(reportHref("/etc/passwd")).toBeNull();
  });
});

describe("overviewMarkdown", () => {
  const md = overviewMarkdown(record, "zh");

  it("has every section, in order", () => {
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual([
      "## 参与比对的文件",
      "## 说明",
      "## 落实情况排名（由弱到强）",
      "## 分部分覆盖率热力图",
      "## 最常缺失的上级任务",
      "## 逐级落实链条",
      "## 与上次运行相比",
      "## 审核决定",
    ]);
    expect(md.startsWith("# 实施方案落实情况运行概览\n")).toBe(true);
    expect(md).toContain("20250301-083000");
    expect(md).toContain("浙政发〔2018〕16号");
    expect(md).toContain("引用上级文件（cites 浙政发〔2018〕16号）");
    expect(md).toContain("[HTML](pairs/zj--jx.html)");
    expect(md).toContain("### 新出现的问题（2）");
    expect(md).toContain("+3.0 个百分点");
    expect(md).toContain("| zj→jx | 发现的问题 · 高 | 7 | 8 | +1 |");
    expect(md).toContain("no finding matches missing\\|B9.9");
  });

  it("puts the weakest pair first and the heatmap as percentages", () => {
    const league = md.slice(md.indexOf("## 落实情况排名"), md.indexOf("## 分部分"));
    const rows = league.split("\n").filter((l) => /^\| \d+ \|/.test(l));
    expect(rows.map((l) => cells(l)[1]?.trim())).toEqual(["yc", "jx"]);
    const heat = md.slice(md.indexOf("## 分部分"), md.indexOf("## 最常缺失"));
    const header = heat.split("\n").find((l) => l.startsWith("| 实施方案 |"));
    expect(header && cells(header).length).toBe(11);
    expect(heat).toMatch(/\| jx \| \d+\.\d% \(\d+\/\d+\) \|/);
  });

  it("traces each top-level task down the chain", () => {
    const chain = md.slice(md.indexOf("## 逐级落实链条"), md.indexOf("## 与上次运行相比"));
    expect(chain).toContain("### 省级 zj → 市级 jx → 区级 yc");
    expect(chain).toContain("| 任务 | 标题 | 市级 jx | 区级 yc | 中断于 |");
    const lost = toCity.summary.body.missing[0] ?? "";
    expect(chain.split("\n").find((l) => l.startsWith(`| ${lost} |`))).toMatch(/\| jx \|$/);
    expect(chain).toContain("落实到底");
  });

  it("escapes hostile document text and keeps every table rectangular", () => {
    expect(md).not.toContain("<script>");
    expect(md).not.toMatch(/(?<!\\)<(?:img|script|b)\b/);
    expect(md).toContain("\\<script\\>");
    expect(md).toContain("\\<img src=x onerror=alert(1)\\>");
    expect(md).toContain("\\| 嘉兴\\*实施\\*方案");
    expect(md).toContain("\\<b\\>已删除\\</b\\>");
    expect(tablesAreRectangular(md)).toBe(true);
  });

  it("adds a safeguards coverage column only when a parent has safeguards", () => {
    expect(md).toContain("| 保障措施覆盖率 |");
    const none = structuredClone(record);
    for (const pair of none.pairs) pair.summary.safeguards.parentTasks = 0;
    const out = overviewMarkdown(none, "zh");
    expect(out).not.toContain("保障措施覆盖率");
    expect(tablesAreRectangular(out)).toBe(true);
  });

  it("says when there is no chain and when this is the first run", () => {
    const first = structuredClone(record);
    first.chains = [];
    first.changes = { previous: null, newFindings: [], resolvedFindings: [], scoreChanges: [] };
    first.review = { applied: 0, stale: [] };
    first.notes = [];
    const zh = overviewMarkdown(first, "zh");
    expect(zh).toContain("本次运行没有三级（省—市—区县）链条。");
    expect(zh).toContain("这是首次运行");
    expect(zh).toContain("没有失效的审核决定。");
    const en = overviewMarkdown(first, "en");
    expect(en).toContain("There is no chain of three levels in this run.");
    expect(en).toContain("This is the first run");
  });

  it("speaks English with lang en", () => {
    const en = overviewMarkdown(record, "en");
    expect(en.startsWith("# Run overview\n")).toBe(true);
    for (const heading of [
      "## Documents",
      "## League table (weakest first)",
      "## Coverage by parent section",
      "## Parent tasks most often missing",
      "## Chains",
      "## Changes since the previous run",
      "## Review decisions",
      "| Required coverage |",
      "### province zj → city jx → district yc",
      "+3.0 pp",
    ]) {
      expect(en).toContain(heading);
    }
    expect(en).not.toContain("落实情况排名");
  });

  it("is deterministic", () => {
    const again = overviewMarkdown(RunRecordSchema.parse(JSON.parse(JSON.stringify(record))), "zh");
    expect(again).toBe(md);
  });

  it("reads a run stored before safeguards were parsed (its pairs have no safeguards scope)", () => {
    const old = JSON.parse(JSON.stringify(record));
    for (const pair of old.pairs) delete pair.summary.safeguards;
    const read = RunRecordSchema.safeParse(old);
    expect(read.success).toBe(true);
    expect(read.data?.pairs[0]?.summary.safeguards).toMatchObject({ parentTasks: 0, coverage: 1 });
  });
});

describe("overviewHtml", () => {
  const html = overviewHtml(record, "zh");

  it("is one self-contained page", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<(?:link|script|img|iframe|object|embed)\b|@import|url\(/i);
    expect(html).not.toMatch(/<[a-z]+[^>]*\s(?:src|on\w+)=/i);
    const urls = html.match(/https?:\/\/[^\s"')]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
  });

  it("has the same sections as the Markdown", () => {
    for (const id of [
      "inputs",
      "notes",
      "league",
      "heatmap",
      "missing",
      "chains",
      "changes",
      "review",
    ]) {
      expect(html).toContain(`<section id="${id}" class="report-section"`);
      expect(html).toContain(`<a href="#${id}">`);
    }
  });

  it("links each pair to its reports, weakest first", () => {
    expect(html).toContain('<a href="pairs/zj--jx.html">HTML</a>');
    expect(html).toContain('<a href="pairs/zj--jx.md">MD</a>');
    expect(html).toContain('<a href="pairs/zj--yc.md">MD</a>');
    expect(html.indexOf('<a href="pairs/zj--yc.html">yc</a>')).toBeLessThan(
      html.indexOf('<a href="pairs/zj--jx.html">jx</a>'),
    );
  });

  it("draws the heatmap as SVG cells with titles", () => {
    expect(html).toContain("<svg ");
    const cellsDrawn = html.split('class="hm-cell"').length - 1;
    expect(cellsDrawn).toBe(2 * 10);
    expect(html).toMatch(
      /<g class="hm-cell" role="img"><title>jx · 1\. 大力实施政府系统党的建设工程: /,
    );
    expect(html).toMatch(/<rect class="cell"[^>]* fill="#[0-9a-f]{6}"\/>/);
  });

  it("escapes all document text", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>已删除");
    expect(html).toContain(
      "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; | 嘉兴*实施*方案",
    );
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("speaks English with lang en", () => {
    const en = overviewHtml(record, "en");
    expect(en).toContain('<html lang="en">');
    for (const text of [
      "League table (weakest first)",
      "Coverage by parent section",
      "Parent tasks most often missing",
      "Changes since the previous run",
      "Required coverage",
      "reaches the bottom",
    ]) {
      expect(en).toContain(text);
    }
    expect(en).not.toContain("落实情况排名");
  });

  it("is deterministic", () => {
    expect(overviewHtml(structuredClone(record), "zh")).toBe(html);
  });
});

describe("overview at scale (bounded cost)", () => {
  /** A record of `pairs` children of the province, `perPair` new findings each (no real comparison). */
  function bigRecord(pairs: number, perPair: number): RunRecord {
    const base = record.pairs[0] as RunRecord["pairs"][number];
    const finding = base.findings[0] as FindingRef;
    const ids = Array.from({ length: pairs }, (_, k) => `c${String(k).padStart(5, "0")}`);
    const newFindings: RunRecord["changes"]["newFindings"] = [];
    for (const id of ids)
      for (let n = 0; n < perPair; n++)
        newFindings.push({ ...finding, key: `${finding.key}|${n}`, pair: `zj→${id}` });
    return {
      ...record,
      inputs: [
        record.inputs[0] as RunRecord["inputs"][number],
        ...ids.map((id) => ({ ...(record.inputs[1] as RunRecord["inputs"][number]), id })),
      ],
      pairs: ids.map((child) => ({ ...base, child })),
      chains: [],
      changes: { ...record.changes, newFindings, resolvedFindings: newFindings },
    };
  }

  it("renders 200,000 new findings (no spread of a large array into a call)", () => {
    const big = bigRecord(2000, 100);
    const data = overviewData(big);
    expect(data.league).toHaveLength(2000);
    expect(data.league.every((r) => r.newFindings === 100)).toBe(true);
    const md = markdownOf({ ...data, changes: { ...big.changes, resolvedFindings: [] } }, "zh");
    // One row per finding of the last pair.
    expect(md.split("\n").filter((l) => l.startsWith("| zj→c01999 |"))).toHaveLength(100);
    const small = bigRecord(200, 100);
    expect(overviewHtml(small, "zh").split('<td class="id">zj→c00199</td>').length - 1).toBe(200);
  });

  it("builds the overview data in time linear in pairs and findings", () => {
    // 10,000 pairs × 20 new findings: the quadratic league table took minutes here.
    const big = bigRecord(10_000, 20);
    const started = performance.now();
    const data = overviewData(big);
    expect(data.league).toHaveLength(10_000);
    expect(data.heatmaps[0]?.rows).toHaveLength(10_000);
    // A generous bound (it takes well under a second): only a quadratic pass would come near.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
