/**
 * Parent tasks a child names in a list (src/align/named.ts), on the real pair A: the Qingdao plan
 * carries the province's product line 智能芯片 only as an item of 「积极支持智能芯片、智能传感器、…等领域」.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import { parseDocument } from "../../src/pipeline.js";
import { SEEDS } from "../helpers/seeds.js";

const parent = await parseDocument(join("data", "real", "sd-2020-jiqing-ai-xiandaoqu.txt"));
const child = await parseDocument(join("data", "real", "qd-2020-56-ai-xiandaoqu.txt"));

describe("a parent task named in a child's list", () => {
  it("is carried in part by the task that names it, with that sentence as evidence", () => {
    const chips = parent.tasks.find((t) => t.title === "智能芯片");
    expect(chips).toBeDefined();
    const links = compareDocuments(parent, child).alignments.filter((a) => a.parent === chips?.id);
    expect(links).toHaveLength(1);
    const [link] = links;
    expect(link?.relation).toBe("partial");
    expect(link?.evidence.signals.namedInList).toBe(1);
    expect(link?.evidence.sentences[0]?.child).toContain("积极支持智能芯片、智能传感器");
    expect(child.tasks.find((t) => t.id === link?.child)?.title).toBe("引进孵化人工智能创新型企业");
  });

  it("reads a title without its opening verbs as the name (推广智能有序充电 → 智能有序充电)", async () => {
    // A held-out pair (test/fixtures/authored): a county lists four of the province's tasks in one
    // sentence, 「统筹推进充电设施互联互通、智能有序充电、“光储充”一体化建设和…」.
    const dir = join("test", "fixtures", "authored");
    const province = await parseDocument(join(dir, "h-jx-2023-47-chongdian.txt"));
    const county = await parseDocument(join(dir, "h-sx-2024-chongdian-yaodian.txt"));
    const smart = province.tasks.find((t) => t.title === "推广智能有序充电");
    expect(smart).toBeDefined();
    const links = compareDocuments(province, county).alignments.filter(
      (a) => a.parent === smart?.id,
    );
    expect(links.map((a) => [a.relation, a.evidence.signals.namedInList])).toEqual([
      ["partial", 1],
    ]);
    expect(links[0]?.evidence.sharedTerms).toEqual(["智能有序充电"]);
    expect(county.tasks.find((t) => t.id === links[0]?.child)?.title).toBe("推进充电服务提质增效");
  });

  it("counts a long name wherever a child sentence prints it", async () => {
    // A held-out pair: a city bureau's work points carry the province department's task
    // 推行安全生产责任保险 as one clause of a task about firms' safety.
    const dir = join("test", "fixtures", "authored");
    const province = await parseDocument(join(dir, "sn-yjt-2024-yaodian.txt"));
    const city = await parseDocument(join(dir, "qy-yjj-2024-yaodian.txt"));
    const insurance = province.tasks.find((t) => t.title === "推行安全生产责任保险");
    const links = compareDocuments(province, city).alignments.filter(
      (a) => a.parent === insurance?.id,
    );
    expect(links.map((a) => a.evidence.signals.namedInList)).toEqual([1]);
    expect(links[0]?.evidence.sentences[0]?.child).toContain("全面推行安全生产责任保险");
  });

  it("adds nothing where the matcher found every carried task (the seeds)", async () => {
    const province = await parseDocument(SEEDS.province);
    const city = await parseDocument(SEEDS.city);
    const named = compareDocuments(province, city).alignments.filter(
      (a) => a.evidence.signals.namedInList,
    );
    expect(named).toEqual([]);
  });
});
