/**
 * The review file the HTML report exports is written by hand in the page (no YAML library
 * there): run the page's own writer in node and check that the project's loader reads back
 * exactly what was decided, whatever the reviewer typed. Also `plandiff compare --review`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { documentIds } from "../../src/cli/run-compare.js";
import type { CompareResult } from "../../src/model/compare.js";
import { REVIEW_YAML } from "../../src/report/html/review-script.js";
import { loadReview } from "../../src/review/load-review.js";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

type Ref = { id: string; title: string };
type Exported = {
  action: string;
  parentDoc: string;
  childDoc: string;
  kind?: string;
  parent?: Ref;
  child?: Ref;
  reason?: string;
  by: string;
  date: string;
};

/** The page's serializer, as the browser runs it. */
const reviewYaml = new Function(`${REVIEW_YAML}\nreturn reviewYaml;`)() as (
  decisions: Exported[],
  comments?: string[],
) => string;

const dir = mkdtempSync(join(tmpdir(), "plandiff-review-yaml-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function load(text: string) {
  const file = join(dir, `review-${n++}.yaml`);
  writeFileSync(file, text);
  return loadReview(file);
}

/** Strings YAML would read as something else, or that break a line or a quote. */
const NASTY = [
  '他说："不"',
  "back\\slash \\n not a newline",
  "two\nlines\r\nand\ttab",
  "key: value # not a comment",
  "- not a list",
  "  leading and trailing  ",
  "yes",
  "null",
  "~",
  "2026-11-20",
  "{ id: B1, title: x }",
  "'single' & <b>bold</b>",
  "\u202Efdp.exe\u202C bidi",
  "line\u2028separator\u2029paragraph\u0085next",
  "bell\u0007 del\u007f bom\ufeff",
  "emoji 😀 and 𠮷",
  "%TAG ! tag:x",
  "*alias &anchor !tag",
];

describe("the page's review file writer", () => {
  it("writes strings that the review loader reads back exactly", () => {
    const decisions: Exported[] = NASTY.map((text, i) => ({
      action: "waive",
      parentDoc: "zj-province",
      childDoc: "jx.city_2",
      kind: "missing",
      parent: { id: `B${i + 1}.1`, title: `任务${text}` },
      reason: text.trim() === "" ? "x" : text,
      by: text.trim() === "" ? "x" : text,
      date: "2026-12-06",
    }));
    const text = reviewYaml(decisions, ["exported", "a comment\nwith a newline: decisions: []"]);
    const loaded = load(text);
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    expect(loaded.review.decisions).toHaveLength(NASTY.length);
    loaded.review.decisions.forEach((d, i) => {
      expect(d).toEqual(decisions[i]);
    });
  });

  it("writes links to confirm (no reason needed) and to reject, and an empty list", () => {
    const link = {
      parentDoc: "p",
      childDoc: "c",
      parent: { id: "B1.1", title: "加强思想建设" },
      child: { id: "B1.2", title: "加强“思想”建设" },
      by: "张三",
      date: "2026-12-06",
    };
    const text = reviewYaml([
      { action: "confirm", ...link },
      { action: "reject", ...link, parent: { id: "A3", title: "其他" }, reason: "不是同一任务" },
    ]);
    const loaded = load(text);
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    expect(loaded.review.decisions.map((d) => d.action)).toEqual(["confirm", "reject"]);
    expect(loaded.review.decisions[1]).toMatchObject({ reason: "不是同一任务" });
    const empty = load(reviewYaml([], ["nothing yet"]));
    expect(empty.ok && empty.review.decisions).toEqual([]);
  });

  it("replaces a lone surrogate (not UTF-8) rather than writing it", () => {
    const text = reviewYaml([
      {
        action: "waive",
        parentDoc: "p",
        childDoc: "c",
        kind: "added",
        child: { id: "B2", title: "任务" },
        reason: "half \ud83d pair",
        by: "李四",
        date: "2026-12-06",
      },
    ]);
    expect(text).toContain("half \\uFFFD pair");
    const loaded = load(text);
    expect(loaded.ok && loaded.review.decisions[0]).toMatchObject({ reason: "half \ufffd pair" });
  });
});

describe("plandiff compare --review", () => {
  const ids = documentIds(SEEDS.province, 1, SEEDS.city, 1);

  it("names the two files as discover --config would", () => {
    expect(ids).toEqual({ parent: "002_2cdac00586eece9b", child: "000_e50bc25d11ad62e1" });
    expect(documentIds("a/计划.txt", 1, "b/plan.txt#2", 2).child).toBe("plan-2");
    expect(documentIds("a/计划.txt", 1, "b/plan.txt#2", 2).parent).toMatch(/^doc-[0-9a-f]{6}$/);
  });

  it("applies the decisions about these two files and warns about stale ones", async () => {
    const file = join(dir, "compare-review.yaml");
    writeFileSync(
      file,
      reviewYaml([
        {
          action: "waive",
          parentDoc: ids.parent,
          childDoc: ids.child,
          kind: "missing",
          parent: { id: "B4.3", title: "加强制度供给" },
          reason: "已在市政府规章工作计划中部署",
          by: "张三",
          date: "2026-11-20",
        },
        {
          action: "waive",
          parentDoc: ids.parent,
          childDoc: ids.child,
          kind: "missing",
          parent: { id: "B9.9", title: "不存在的任务" },
          reason: "示例",
          by: "张三",
          date: "2026-11-20",
        },
        {
          action: "waive",
          parentDoc: "other",
          childDoc: "pair",
          kind: "missing",
          parent: { id: "B1.1", title: "加强思想建设" },
          reason: "another pair",
          by: "张三",
          date: "2026-11-20",
        },
      ]),
    );
    const plain = await runCli(["compare", SEEDS.province, SEEDS.city]);
    const reviewed = await runCli(["compare", SEEDS.province, SEEDS.city, "--review", file]);
    expect(reviewed.code).toBe(0);
    expect(reviewed.stderr).toMatch(/decisions\.1 is stale: .*不存在的任务/);
    expect(reviewed.stderr).not.toMatch(/decisions\.[02]/);
    const before = JSON.parse(plain.stdout) as CompareResult;
    const after = JSON.parse(reviewed.stdout) as CompareResult;
    const waived = after.findings.find((f) => f.kind === "missing" && f.parent === "B4.3");
    expect(waived?.waiver).toEqual({
      by: "张三",
      reason: "已在市政府规章工作计划中部署",
      date: "2026-11-20",
    });
    expect(after.summary.findings.waived).toBe(1);
    expect(after.summary.findings.total).toBe(before.summary.findings.total - 1);
  });

  it("says so when no decision names these files, and fails on a broken file", async () => {
    const other = join(dir, "other-pair.yaml");
    writeFileSync(
      other,
      "decisions:\n  - action: confirm\n    parentDoc: a\n    childDoc: b\n    parent: { title: x }\n    child: { title: y }\n    by: z\n    date: 2026-01-01\n",
    );
    const none = await runCli(["compare", SEEDS.province, SEEDS.city, "--review", other]);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain(`no decision names parentDoc "${ids.parent}"`);
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "decisions:\n  - action: approve\n");
    const bad = await runCli(["compare", SEEDS.province, SEEDS.city, "--review", broken]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken\.yaml: decisions\.0/);
  });
});
