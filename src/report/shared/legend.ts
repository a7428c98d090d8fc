import type { Lang } from "../../model/lang.js";

/**
 * What the reports' words mean, one entry per term, in each language: every report closes with it
 * (README § compare explains the same at length).
 */
const LEGEND: readonly { term: Record<Lang, string>; text: Record<Lang, string> }[] = [
  {
    term: { zh: "文件关系", en: "Pair" },
    text: {
      zh: "两份文件是否为上级方案及其实施方案：上下级对应、对应较弱、上下级颠倒、互不相关；上下级颠倒、互不相关，或对应较弱而下级未引用该上级文件时，缺失任务仅作提示。",
      en: "Whether the documents are a parent plan and its child: parent and child, weak, reversed, unrelated; when reversed, unrelated, or weak without the child citing this parent, missing tasks are for information only.",
    },
  },
  {
    term: { zh: "覆盖率", en: "Coverage" },
    text: {
      zh: "上级任务中至少由一项下级任务承接的比例。",
      en: "Share of the parent's tasks carried by at least one child task.",
    },
  },
  {
    term: { zh: "应落实", en: "Obligatory" },
    text: {
      zh: "上级方案交由下级政府（各市、县〔市、区〕政府等）负责的任务，下级必须承接；“应落实覆盖率”只计这些任务。",
      en: "Tasks the parent assigns to lower-level governments, which the child must carry; “obligatory coverage” counts these only.",
    },
  },
  {
    term: { zh: "忠实度", en: "Fidelity" },
    text: {
      zh: "每项上级正文任务按承接方式计分（一致 1、改写 0.75、部分 0.5、缺失 0，另有高、中问题减 0.25）后的平均值；不随显示的严重程度筛选而变。",
      en: "Mean score of the parent's body tasks by how each is carried (equivalent 1, reworded 0.75, partial 0.5, missing 0, less 0.25 with a high or medium finding); display filters do not change it.",
    },
  },
  {
    term: { zh: "严重程度", en: "Severity" },
    text: {
      zh: "高：下级应落实而未落实或取消时限等，须整改；中：承诺弱化、时限推迟等，须说明；低：值得核对的变化；提示：仅供参考（含只约束上级本级部门的任务）。",
      en: "High: an obligation dropped or its deadline removed, to be remedied; medium: weakened wording, a later deadline, to be explained; low: changes worth checking; info: for information (including tasks binding only the parent's own departments).",
    },
  },
  {
    term: { zh: "编号", en: "Ids" },
    text: {
      zh: "B 为正文任务（B3.4：第三部分第 4 项），A 为任务清单（表格）行{S}；上级、下级方案各自编号。",
      en: "B is a body task (B3.4: part 3, item 4), A a row of the task table{S}; each plan numbers its own.",
    },
  },
  {
    term: { zh: "匹配置信度 / 文本相似度", en: "Match confidence / text similarity" },
    text: {
      zh: "前者是对应关系的把握程度，后者是两项任务文字的相似程度：改写的任务可以把握很大而文字相似度不高。",
      en: "How sure the link is, and how alike the two texts are: a reworded task can be a sure link of texts that differ.",
    },
  },
];

const SAFEGUARD_IDS: Record<Lang, string> = { zh: "，S 为保障措施", en: ", S a safeguard" };

/** The legend's entries in one language; S ids explained when the plans have safeguards. */
export function legend(lang: Lang, safeguards: boolean): { term: string; text: string }[] {
  return LEGEND.map((e) => ({
    term: e.term[lang],
    text: e.text[lang].replace("{S}", safeguards ? SAFEGUARD_IDS[lang] : ""),
  }));
}

/** The legend's heading. */
export const LEGEND_TITLE: Record<Lang, string> = { zh: "名词说明", en: "Legend" };
