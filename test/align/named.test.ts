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

  it("adds nothing where the matcher found every carried task (the seeds)", async () => {
    const province = await parseDocument(SEEDS.province);
    const city = await parseDocument(SEEDS.city);
    const named = compareDocuments(province, city).alignments.filter(
      (a) => a.evidence.signals.namedInList,
    );
    expect(named).toEqual([]);
  });
});
