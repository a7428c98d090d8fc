import { describe, expect, it } from "vitest";
import {
  type ClassifyOptions,
  classifyChange,
  classifyOptionsFor,
  clauseWords,
  commitmentLexicon,
  describeChanges,
  placeNames,
  sideOf,
  wordDiff,
  wordingOf,
} from "../../src/diff/reword/index.js";
import type { PlanDocument } from "../../src/model/document.js";
import type { Change, DiffPart } from "../../src/model/finding.js";
import type { Task } from "../../src/model/task.js";
import { parseDocument, parseFile } from "../../src/pipeline.js";
import { fold } from "../../src/text/fold.js";
import { segment } from "../../src/text/segment.js";
import { SEEDS } from "../helpers/seeds.js";

const province = await parseDocument("data/002_2cdac00586eece9b.txt");
const city = await parseDocument("data/000_e50bc25d11ad62e1.txt");
const district = await parseDocument("data/001_1edcfceb20138e7f.txt");

function task(doc: PlanDocument, id: string): Task {
  const found = doc.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`${doc.file} has no task ${id}`);
  return found;
}

/** A real clause of a task, as the task's only text (the test fails if the seed lacks it). */
function clause(doc: PlanDocument, id: string, text: string): Task {
  const real = task(doc, id);
  expect(real.text.replaceAll(",", "，")).toContain(text.replaceAll(",", "，"));
  return { ...real, text };
}

function changes(parent: Task, child: Task, options: ClassifyOptions = {}): Change[] {
  return classifyChange(parent, child, wordDiff(wordingOf(parent), wordingOf(child)), options);
}

function evidence(parent: Task, child: Task, change: Change, options: ClassifyOptions = {}) {
  const diff = wordDiff(wordingOf(parent), wordingOf(child));
  return describeChanges(parent, child, diff, options).find((d) => d.change === change)?.evidence;
}

const kept = (diff: DiffPart[]) => diff.filter((p) => p.op === "=").map((p) => p.text);
const PUNCTUATION = /^[\p{P}\s]+$/u;

/** The real task pairs the assertions below lean on. */
const pairs: [string, Task, Task][] = [
  ["002 B2.1 / 000 B2.6", task(province, "B2.1"), task(city, "B2.6")],
  ["002 B2.1 / 001 B2.6", task(province, "B2.1"), task(district, "B2.6")],
  ["002 B4.2 / 000 B4.15", task(province, "B4.2"), task(city, "B4.15")],
  ["002 A18 / 000 A14", task(province, "A18"), task(city, "A14")],
];

describe("wordDiff", () => {
  it.each(pairs)("rebuilds both wordings of %s", (_, parent, child) => {
    const diff = wordDiff(wordingOf(parent), wordingOf(child));
    // Kept text is quoted as the child prints it (， for ,): the parent comes back folded.
    expect(fold(sideOf(diff, "-"))).toBe(fold(wordingOf(parent)));
    expect(sideOf(diff, "+")).toBe(wordingOf(child));
  });

  it.each(pairs)("reads as words, not single characters, in %s", (_, parent, child) => {
    const diff = wordDiff(wordingOf(parent), wordingOf(child));
    const inner = kept(diff.slice(1, -1)).filter((t) => !PUNCTUATION.test(t));
    expect(inner.every((t) => Array.from(t).length >= 2)).toBe(true);
    expect(kept(diff).some((t) => /\p{Script=Han}{4,}/u.test(t))).toBe(true);
  });

  it.each(pairs)("merges runs and puts removals before additions in %s", (_, parent, child) => {
    const diff = wordDiff(wordingOf(parent), wordingOf(child));
    diff.forEach((part, i) => {
      const next = diff[i + 1];
      expect(part.text).not.toBe("");
      if (next) expect(next.op === part.op || (part.op === "+" && next.op === "-")).toBe(false);
    });
  });

  it("shows the one dropped word of 全面推广企业投资项目承诺制改革", () => {
    const parent = clause(province, "B4.2", "全面推广企业投资项目承诺制改革");
    const child = clause(city, "B4.15", "全面推广投资项目承诺制改革");
    expect(wordDiff(parent.text, child.text)).toEqual([
      { op: "=", text: "全面推广" },
      { op: "-", text: "企业" },
      { op: "=", text: "投资项目承诺制改革" },
    ]);
  });

  it("keeps the shared 全面 of 全面推广政务钉钉 → 全面应用政务钉钉系统", () => {
    expect(wordDiff(task(province, "A18").text, task(city, "A14").text)).toEqual([
      { op: "=", text: "全面" },
      { op: "-", text: "推广" },
      { op: "+", text: "应用" },
      { op: "=", text: "政务钉钉" },
      { op: "+", text: "系统" },
    ]);
  });

  it("shows a level word change but keeps the rest of the sentence", () => {
    const diff = wordDiff(
      "省级各部门、各级政府每年确定10个左右重点课题",
      "市级各部门、各级政府每年确定10个左右重点课题",
    );
    expect(diff).toEqual([
      { op: "-", text: "省级" },
      { op: "+", text: "市级" },
      { op: "=", text: "各部门、各级政府每年确定10个左右重点课题" },
    ]);
  });

  it("does not tell full-width from half-width punctuation", () => {
    const text = wordingOf(task(province, "B2.1"));
    const diff = wordDiff(text, text.replaceAll(",", "，"));
    expect(diff.map((p) => p.op)).toEqual(["="]);
  });

  it("is deterministic", () => {
    const [, parent, child] = pairs[2] as [string, Task, Task];
    const a = wordDiff(wordingOf(parent), wordingOf(child));
    expect(wordDiff(wordingOf(parent), wordingOf(child))).toEqual(a);
  });
});

describe("classifyChange: what must not fire", () => {
  it("finds nothing in an identical text", () => {
    const parent = task(province, "B2.1");
    expect(changes(parent, parent)).toEqual([]);
  });

  it("finds nothing when only level words change (省 → 市)", () => {
    const parent = task(province, "B2.1");
    expect(changes(parent, { ...parent, text: parent.text.replaceAll("省", "市") })).toEqual([]);
  });

  it("finds nothing when only level words and punctuation change (我省 → 我区)", () => {
    const parent = clause(
      province,
      "B3.4",
      "结合我省监察体制改革实际,加强行政问责规范化制度化建设",
    );
    const child = { ...parent, text: "结合我区监察体制改革实际，加强行政问责规范化制度化建设。" };
    expect(changes(parent, child, classifyOptionsFor(district))).toEqual([]);
  });

  it("finds nothing in 全面推广企业投资项目承诺制改革 → 全面推广投资项目承诺制改革", () => {
    const parent = clause(province, "B4.2", "全面推广企业投资项目承诺制改革");
    const child = clause(city, "B4.15", "全面推广投资项目承诺制改革");
    expect(changes(parent, child, classifyOptionsFor(city))).toEqual([]);
  });

  it("finds nothing in 全面推广政务钉钉 → 全面应用政务钉钉系统 (全面 is kept)", () => {
    expect(changes(task(province, "A18"), task(city, "A14"), classifyOptionsFor(city))).toEqual([]);
  });

  it("finds nothing in a task the city words differently but keeps whole (B3.2 / B3.10)", () => {
    const parent = task(province, "B3.2");
    const child = task(city, "B3.10");
    expect(changes(parent, child, classifyOptionsFor(city))).toEqual([]);
  });
});

describe("classifyChange: weakened", () => {
  it("fires on 全面推行 → 推行 (002 B4.2 / 000 B4.15)", () => {
    const parent = clause(province, "B4.2", "全面推行“双随机、一公开”监管");
    const child = clause(city, "B4.15", "推行“双随机、一公开”监管");
    expect(changes(parent, child)).toEqual(["weakened"]);
    expect(evidence(parent, child, "weakened")).toEqual(["全面推行 → 推行"]);
  });

  it("fires on the heading 建立科学谋划体系 → 加强科学谋划能力建设 (000)", () => {
    const parent = task(province, "B2.1");
    const child = task(city, "B2.6");
    expect(changes(parent, child)).toContain("weakened");
    expect(evidence(parent, child, "weakened")).toEqual(["建立 → 加强"]);
  });

  it("fires on a hedge: 开展高端智库建设试点 → 积极探索开展高端智库建设", () => {
    const parent = clause(province, "B2.2", "开展高端智库建设试点");
    const child = clause(city, "B2.7", "积极探索开展高端智库建设");
    expect(changes(parent, child)).toEqual(["weakened"]);
  });

  it("fires on 全面建立团队学习机制 → 健全团队学习机制 (001 B10.1)", () => {
    const parent = clause(province, "B10.1", "全面建立团队学习机制");
    const child = clause(district, "B10.35", "健全团队学习机制");
    expect(changes(parent, child)).toEqual(["weakened"]);
  });

  it("does not fire when the district keeps 建立 in the heading (001 B2.6)", () => {
    expect(changes(task(province, "B2.1"), task(district, "B2.6"))).not.toContain("weakened");
  });

  it("does not fire when the same commitment is reworded (推广 → 应用 under 全面)", () => {
    expect(changes(task(province, "A18"), task(city, "A14"))).not.toContain("weakened");
  });
});

describe("classifyChange: strengthened", () => {
  it("fires on 推进…无差别全科受理 → 全面推行“无差别全科受理” (000 B4.15)", () => {
    const parent = clause(province, "B4.2", "推进政务服务无差别全科受理和“一网通办”");
    const child = clause(city, "B4.15", "全面推行“无差别全科受理”和“一网通办”");
    expect(changes(parent, child)).toEqual(["strengthened"]);
    expect(evidence(parent, child, "strengthened")).toEqual(["推进 → 全面推行"]);
  });

  it("fires on the reverse of a weakening and not on the weakening itself", () => {
    const strong = clause(province, "B4.2", "全面推行“双随机、一公开”监管");
    const weak = clause(city, "B4.15", "推行“双随机、一公开”监管");
    expect(changes(weak, strong)).toEqual(["strengthened"]);
    expect(changes(strong, weak)).not.toContain("strengthened");
  });
});

describe("classifyChange: narrowed", () => {
  it("fires on a dropped clause: 强化事中事后监管 (000 B4.15)", () => {
    const found = evidence(task(province, "B4.2"), task(city, "B4.15"), "narrowed");
    expect(found).toEqual(["强化事中事后监管"]);
  });

  it("does not take a clause merged into another for a dropped one (000 B2.9)", () => {
    const found = evidence(task(province, "B2.4"), task(city, "B2.9"), "narrowed") ?? [];
    expect(found).not.toContain("制订年度重大行政决策第三方评估计划");
  });

  it("does not count a dropped date or the heading", () => {
    const parent = task(province, "B8.1");
    const found = evidence(parent, task(district, "B8.29"), "narrowed") ?? [];
    expect(found).not.toContain("2022年底前");
    expect(found).not.toContain(parent.title);
  });
});

describe("classifyChange: widened", () => {
  it("fires on clauses that add measures: 深化“最多跑一次”改革 (000 B4.15)", () => {
    const found = evidence(task(province, "B4.2"), task(city, "B4.15"), "widened");
    expect(found).toEqual(["深化“最多跑一次”改革", "深化“一单两库一细则”建设"]);
  });

  it("does not count an added clause about a place as a widening (南湖区 is local)", () => {
    const options = classifyOptionsFor(city);
    const found = evidence(task(province, "B4.2"), task(city, "B4.15"), "widened", options);
    expect(found?.join("")).not.toContain("南湖区");
  });

  it("does not fire on a clause the child splits in two (000 B2.6 加强调查研究工作)", () => {
    const options = classifyOptionsFor(city);
    expect(
      evidence(task(province, "B2.1"), task(city, "B2.6"), "widened", options),
    ).toBeUndefined();
  });
});

describe("classifyChange: quantity", () => {
  it("fires on 每年确定10个左右重点课题 → 每年至少完成一个重点课题 (001)", () => {
    const parent = task(province, "B2.1");
    const child = task(district, "B2.6");
    expect(changes(parent, child)).toContain("quantity");
    expect(evidence(parent, child, "quantity")).toEqual(["每年10个左右 → 每年至少完成一个"]);
  });

  it("fires on the two sentences alone", () => {
    const parent = clause(province, "B2.1", "省级各部门、各级政府每年确定10个左右重点课题");
    const child = clause(
      district,
      "B2.6",
      "区、镇(街道)两级和区政府工作部门班子成员每年至少完成一个重点课题调研",
    );
    expect(changes(parent, child)).toContain("quantity");
  });

  it("does not fire when the city keeps 每年确定10个左右重点课题 (000)", () => {
    expect(changes(task(province, "B2.1"), task(city, "B2.6"))).not.toContain("quantity");
  });

  it("does not fire on a number that names a thing (四个平台 → “四个平台”)", () => {
    const parent = clause(province, "B8.1", "落实乡镇(街道)四个平台建设导则");
    const child = clause(city, "B8.30", "落实镇（街道）“四个平台”建设工作导则");
    expect(changes(parent, child)).not.toContain("quantity");
  });

  it("reads Chinese and Arabic numerals alike", () => {
    const parent = clause(province, "B2.1", "省级各部门、各级政府每年确定10个左右重点课题");
    const same = { ...parent, text: "市级各部门、各级政府每年确定十个左右重点课题" };
    const other = { ...parent, text: "市级各部门、各级政府每年确定二十个左右重点课题" };
    expect(changes(parent, same)).toEqual([]);
    expect(changes(parent, other)).toEqual(["quantity"]);
  });
});

describe("classifyChange: local", () => {
  it("fires on a clause naming a place: 深化南湖区相对集中行政许可权改革试点 (000)", () => {
    const found = evidence(task(province, "B4.2"), task(city, "B4.15"), "local");
    expect(found).toEqual(["南湖区"]);
  });

  it("fires on the city's own name, known from its issuer (嘉兴)", () => {
    const parent = task(province, "B2.1");
    const child = task(city, "B2.6");
    expect(evidence(parent, child, "local", classifyOptionsFor(city))).toEqual(["嘉兴"]);
  });

  it("fires on an added clause about the child's own bodies (市政府组成人员…)", () => {
    const found = evidence(task(province, "B1.2"), task(city, "B1.2"), "local", {
      levelWord: "市",
    });
    expect(found).toContain("市政府");
  });

  it("does not fire on a level word swap in a kept clause (我省 → 我区)", () => {
    const parent = task(province, "B3.4");
    const child = task(district, "B3.13");
    expect(changes(parent, child, classifyOptionsFor(district))).not.toContain("local");
  });

  it("does not fire on a verb before a level list (构建市、县…)", () => {
    const parent = task(province, "B3.1");
    const child = task(city, "B3.12");
    expect(changes(parent, child, classifyOptionsFor(city))).not.toContain("local");
  });
});

describe("placeNames", () => {
  it("reads the place names of an issuer, with and without their suffix", () => {
    expect(placeNames(district.issuer)).toEqual(["绍兴市", "绍兴", "越城区", "越城"]);
    expect(placeNames(city.issuer)).toEqual(["嘉兴市", "嘉兴"]);
    expect(placeNames(null)).toEqual([]);
  });
});

describe("data/lexicon/commitment.json", () => {
  const lex = commitmentLexicon();
  const tier = new Map(([1, 2, 3] as const).flatMap((t) => lex.tiers[t].map((w) => [w, t])));

  it("lists every word in one tier only", () => {
    const all = [...lex.tiers[1], ...lex.tiers[2], ...lex.tiers[3]];
    expect(new Set(all).size).toBe(all.length);
  });

  it("shifts from a stronger tier to a weaker one; dropped words are tier 3", () => {
    for (const shift of lex.shifts) {
      const from = Math.min(...shift.from.map((w) => tier.get(w) ?? 0));
      if (shift.to.length === 0) expect(from).toBe(3);
      else expect(from).toBeGreaterThan(Math.max(...shift.to.map((w) => tier.get(w) ?? 0)));
    }
  });

  it("weakens 确保 → 力争 and 必须 → 鼓励 as the shifts say", () => {
    const parent = clause(province, "B9.1", "2022年全面实现基层政务公开标准化规范化");
    const sure = { ...parent, text: "确保2022年全面实现基层政务公开标准化规范化" };
    const hope = { ...parent, text: "力争2022年全面实现基层政务公开标准化规范化" };
    expect(changes(sure, hope)).toEqual(["weakened"]);
    expect(changes(hope, sure)).toEqual(["strengthened"]);
  });
});

describe("clauseWords", () => {
  it("gives each clause the words jieba finds in it alone, in every task of the five seeds", async () => {
    let clauses = 0;
    for (const file of Object.values(SEEDS)) {
      for (const doc of await parseFile(file)) {
        for (const task of doc.tasks) {
          for (const text of [wordingOf(task), task.text]) {
            for (const c of clauseWords(text)) {
              const folded = fold(c.display);
              const cut = segment(folded);
              const alone = cut.join("") === folded ? cut : Array.from(folded);
              expect(c.words.map((w) => w.key)).toEqual(alone);
              expect(c.words.map((w) => w.text).join("")).toBe(c.display);
              expect(c.words.map((w) => w.at)).toEqual(
                alone.map((_, k) => alone.slice(0, k).join("").length),
              );
              clauses++;
            }
          }
        }
      }
    }
    expect(clauses).toBeGreaterThan(2000);
  });
});
