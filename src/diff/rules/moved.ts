import { named, say, spanOf } from "../context.js";
import { createFinding, type DiffRule } from "../rule.js";

/** A task carried in a child section that does not correspond to the parent task's section. */
export const moved: DiffRule = {
  id: "moved",
  title: { zh: "调整章节", en: "Moved task" },
  defaultSeverity: "low",
  check: ({ alignments, sectionAlignments, parentTask, childTask, lang }) => {
    const sectionMap = new Map(sectionAlignments.map((s) => [s.parent, s.child]));
    return alignments.flatMap((link) => {
      const p = parentTask(link.parent);
      const c = childTask(link.child);
      if (!p || !c || link.relation === "partial" || p.section === null || c.section === null)
        return [];
      const expected = sectionMap.get(p.section);
      if (expected === undefined || expected === c.section) return [];
      return [
        createFinding({
          kind: "moved",
          severity: "low",
          parent: p.id,
          child: c.id,
          message: say(
            lang,
            `任务 ${named(p, "zh")} 由第${p.section}部分移至实施方案第${c.section}部分（${c.sectionTitle ?? ""}）`,
            `Task ${named(p, "en")} moves from section ${p.section} to the child's section ${c.section} (${c.sectionTitle ?? ""})`,
          ),
          evidence: [spanOf("parent", p), spanOf("child", c)],
        }),
      ];
    });
  },
};
