/**
 * The real pile of issue 20: the 14 documents of data/real/ (most without a cover: no title, no
 * 文号), their README and the seeds 000, 001, 002 in one folder. Exactly five parents are true;
 * every other document must get none, and no pair may be read the wrong way round.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discover } from "../../src/discover/index.js";
import { DEFAULT_MAX_BYTES } from "../../src/ingest/read-source.js";
import { DiscoverResultSchema } from "../../src/model/discover.js";
import { SEEDS } from "../helpers/seeds.js";

const dir = mkdtempSync(join(tmpdir(), "plandiff-real-pile-"));
mkdirSync(join(dir, "pile"));
for (const name of readdirSync("data/real")) {
  if (name.endsWith(".txt") || name === "README.md")
    copyFileSync(join("data/real", name), join(dir, "pile", name));
}
for (const seed of [SEEDS.city, SEEDS.district, SEEDS.province])
  copyFileSync(seed, join(dir, "pile", seed.split("/").pop() as string));

const TRUE_PARENTS: Record<string, string> = {
  "qd-2020-56-ai-xiandaoqu": "sd-2020-jiqing-ai-xiandaoqu",
  "qd-2023-ai-park-rules": "qd-2023-13-ai-park-policies",
  "sd-2020-gongye-dashuju": "miit-2020-67-gongye-dashuju",
  "000_e50bc25d11ad62e1": "002_2cdac00586eece9b",
  "001_1edcfceb20138e7f": "002_2cdac00586eece9b",
};

const result = DiscoverResultSchema.parse(
  await discover(["pile"], { cwd: dir, maxBytes: DEFAULT_MAX_BYTES }),
);
const byId = new Map(result.documents.map((d) => [d.id, d]));

describe("discover on the real pile", () => {
  it("finds the five true parents and invents none", () => {
    expect(result.documents).toHaveLength(17);
    const parents = Object.fromEntries(
      result.documents.filter((d) => d.parent !== null).map((d) => [d.id, d.parent]),
    );
    expect(parents).toEqual(TRUE_PARENTS);
    for (const d of result.documents) {
      if (d.id in TRUE_PARENTS) continue;
      expect(d.method, d.id).toBe("none");
    }
  });

  it("skips the README as not a plan, with a note", () => {
    expect(result.skipped).toEqual([
      { file: "pile/README.md", message: "不是方案：没有任务，也没有任务提纲（不作为候选）" },
    ]);
    for (const d of result.documents)
      for (const a of d.alternatives) expect(a.id).not.toBe("README");
  });

  it("reads a damaged 文号 and a cover-less parent through the cited title and shared passages", () => {
    const d = byId.get("qd-2020-56-ai-xiandaoqu");
    expect(d?.method).toBe("cited");
    expect(d?.evidence[0]).toContain("《济南-青岛人工智能创新应用先导区融合发展实施方案》");
    expect(d?.evidence[0]).toContain("鲁工信技〔2121〕01号");
    expect(d?.evidence.some((e) => e.startsWith("共有段落"))).toBe(true);
    expect(
      d?.evidence.some((e) => e.startsWith("层级：省级（sd-2020-jiqing-ai-xiandaoqu）→ 市级")),
    ).toBe(true);
  });

  it("matches a cited notice (关于印发…的通知) with the plan it issues", () => {
    const d = byId.get("qd-2023-ai-park-rules");
    expect(d?.method).toBe("cited");
    expect(d?.evidence[0]).toContain("青政办字〔2023〕13号");
    // The policies cite a title their own opening fits as well: a subject, not a parent.
    expect(byId.get("qd-2023-13-ai-park-policies")?.parent).toBeNull();
  });

  it("puts the ministry above the province plan that restates it, never below", () => {
    const d = byId.get("sd-2020-gongye-dashuju");
    expect(d?.method).toBe("similarity");
    expect(
      d?.evidence.some((e) => e.includes("层级：国家（miit-2020-67-gongye-dashuju）→ 省级")),
    ).toBe(true);
    expect(byId.get("miit-2020-67-gongye-dashuju")?.parent).toBeNull();
  });
});

describe("discover on the real plans with the authored children (test/fixtures/authored)", () => {
  const pile = mkdtempSync(join(tmpdir(), "plandiff-authored-pile-"));
  for (const folder of ["data/real", "test/fixtures/authored"])
    for (const name of readdirSync(folder))
      if (/\.(txt|html)$/.test(name)) copyFileSync(join(folder, name), join(pile, name));

  it("finds each child's parent, a loose city child's by its cited title alone", async () => {
    const found = DiscoverResultSchema.parse(
      await discover([pile], { cwd: pile, maxBytes: DEFAULT_MAX_BYTES }),
    );
    const parents = Object.fromEntries(
      found.documents.filter((d) => d.parent !== null).map((d) => [d.id, d.parent]),
    );
    expect(parents).toEqual({
      "qd-2020-56-ai-xiandaoqu": "sd-2020-jiqing-ai-xiandaoqu",
      "qd-2023-ai-park-rules": "qd-2023-13-ai-park-policies",
      "sd-2020-gongye-dashuju": "miit-2020-67-gongye-dashuju",
      "authored-gongye-dashuju-2021": "sd-2020-gongye-dashuju",
      "authored-jiuye-city": "gwy-2018-39-jiuye",
      "authored-laonianren-province": "gwy-2020-45-laonianren-zhineng",
      "authored-nongji-province": "gwy-2018-42-nongji",
      // It cites 《数字山东2019行动方案》: the cover-less 2019 plan, not the one titled 2021.
      "authored-shuzi-city-2019": "sd-2019-shuzi-shandong-2019",
      // Both sides authored (E–H): a cover-less province plan citing its State Council notice, a
      // city plan of a province department's, a province opinion of a ministry's, a county's
      // work points of its province's three-year plan.
      "jx-2022-xianyu-shangye": "gwy-2022-31-xianyu-shangye",
      "wj-2023-dixia-guanwang": "hn-2023-27-dixia-guanwang",
      "g-sc-2023-52-kehou-fuwu": "g-moe-2023-11-kehou-fuwu",
      "h-sx-2024-chongdian-yaodian": "h-jx-2023-47-chongdian",
      // K, M: a city plan of its province's 规划; a province's table-only 分工方案.
      "hj-2022-lenglian-shishi": "ah-2021-lenglian-shisiwu",
      "gz-2024-58-tiyu-xiaofei-fengong": "gwy-2024-19-tiyu-xiaofei",
      // P, S, T: a county plan of its province's (the plan in 附件1); a province opinion published
      // as a web page; a city plan of a province plan published as a web page. Not found: Q's
      // city bureau work points, which cite nothing and repeat little of the province's (0.22).
      "fn-2023-21-nongcun-wushui-shishi": "ha-2023-36-nongcun-wushui",
      "s-gs-2023-186-nongcun-gongshui": "s-mwr-2023-127-nongcun-gongshui",
      "t-wc-2023-15-feijiu-wuzi": "t-hen-2022-712-feijiu-wuzi",
      // V: a province opinion of a State Council opinion (cited by 文号); W: a province's later
      // action plan of its own 规划, same level, named as the plan it carries on (《…规划》实施以来).
      "v-fj-2023-58-puhui-tuoyu": "v-gwy-2023-36-puhui-tuoyu",
      "w-heb-2023-jineng-xingdong": "w-heb-2021-jineng-guihua",
      // X, Z: a city plan of a province opinion; a province plan of a ministries' plan.
      "x-cj-2024-9-wenlv-ronghe": "x-hb-2023-21-wenlv-ronghe",
      "z-ln-2024-96-haiyang-zhuangbei": "z-miit-2024-58-haiyang-zhuangbei",
      // AA: a province plan of a State Council plan; AB: a province's work plan for one year of
      // its own plan (为扎实推进《…》落地见效).
      "aa-js-2024-88-kuaidi-baozhuang": "aa-gwy-2024-19-kuaidi-baozhuang",
      "ab-yn-2024-shuzi-xiangcun-gongzuo": "ab-yn-2022-47-shuzi-xiangcun",
      // AE, AF, AI, AJ: province plans of national ones (one a web page); AG: a province's
      // three-year action plan of its own 规划 (为推动《…规划》目标任务落地; the 规划's cover gives
      // title, organ and a month only); AH: a department's work points for one year of its
      // province's plan.
      "ae-jx-2024-71-zhongxiaoqiye-shuzihua": "ae-gwy-2024-38-zhongxiaoqiye-shuzihua",
      "af-hn-2024-43-diandongzixingche": "af-miit-2024-186-diandongzixingche",
      "ag-jx-2023-14-wuliu-sannian-xingdong": "ag-jx-2021-27-xiandaiwuliu-guihua",
      "ah-hn-2024-xianyushangye-gongzuoyaodian": "ah-hn-2023-31-xianyushangye-fangan",
      "ai-sx-2024-21-jieshui": "ai-gwy-2024-17-jieshui",
      "aj-hun-2023-lvse-jiancai": "aj-miit-2023-86-lvse-jiancai",
      // AK, AL: province plans of national ones (AK's parent issued as 我们制定了《…》，现印发给你们,
      // which is not a citation of its own); AM: a province's action plan of its government's
      // opinion (根据《…》 in the sentence that issues it); AN: a province's work points for one
      // year of its 规划 in 篇/章/节.
      "AK-jx-2024-guanwang-gengxin": "AK-ndrc-2024-guanwang-gengxin",
      "AL-hn-2024-xianji-yiyuan": "AL-gwyb-2024-xianji-yiyuan",
      "jx-2024-chongdian-xingdongjihua": "jx-2023-26-chongdian-shishiyijian",
      "fj-2024-haiyangjingji-gongzuoyaodian": "fj-2021-haiyangjingji-shisiwu-guihua",
      // AO: a province plan of a State Council plan in 行动一/任务1：. Not found: AP's three-year
      // plan, which names no parent (根据国家…部署要求) and keeps little of its words (0.09).
      "AO-child-jiangxi-lenglian-tisheng": "AO-parent-gwyb-lenglian-tisheng",
      // AQ: a province plan of a State Council opinion (cited by 文号); AR: a province's
      // three-year plan of its own 规划, whose printed cover (title / （2021—2030年） / 农业农村厅 /
      // 二〇二一年十二月) now gives its title with the period, its organ and month; AS: a province
      // plan of a ministries' guidance that it does not cite (按照国家部署要求), by content (0.30).
      // Not found: AT's three-year plan of its province's plan, which names no parent.
      "AQ-child-anhui-yinfa-jingji": "AQ-parent-guobanfa-yinfa-jingji",
      "AR-child-hebei-gaobiaozhun-nongtian-sannian": "AR-parent-hebei-gaobiaozhun-nongtian-guihua",
      "AS-child-gansu-2021-lajifenlei": "AS-parent-jiancheng-2020-93-lajifenlei",
      // Not a pair of the evaluation: AH's province plan cites a ministries' plan that is not in
      // the pile; the State Council plan on the same topic (E's parent, written by another
      // writer) shares enough of it (content 0.36 ≥ 0.3) to be proposed: a national plan above
      // it on its topic, though not the one it names.
      "ah-hn-2023-31-xianyushangye-fangan": "gwy-2022-31-xianyu-shangye",
    });
    const loose = found.documents.find((d) => d.id === "authored-shuzi-city-2019");
    expect(loose?.evidence[0]).toContain("只有该文件与所引标题相符");
  });
});
