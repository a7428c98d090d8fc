import { cites } from "../cites.js";
import { say } from "../context.js";
import { createFinding, type DiffRule } from "../rule.js";

/** Document level: the child does not cite its parent, or cites another document number. */
export const citation: DiffRule = {
  id: "citation",
  title: { zh: "上级文件引用", en: "Citation of the parent" },
  defaultSeverity: "medium",
  check: ({ parent, child, lang }) => {
    if (cites(child, parent)) return [];
    const parentName = parent.docNumber ?? parent.title ?? parent.file;
    const others = child.references.map((r) => r.docNumber ?? `《${r.title ?? ""}》`);
    const message =
      others.length === 0
        ? say(
            lang,
            `实施方案未引用上级文件（${parentName}）`,
            `The child plan does not cite its parent (${parentName})`,
          )
        : say(
            lang,
            `实施方案引用的是${others.join("、")}，而非上级文件${parentName}`,
            `The child cites ${others.join(", ")}, not the parent ${parentName}`,
          );
    return [
      createFinding({
        kind: "citation",
        severity: "medium",
        parent: null,
        child: null,
        message,
        evidence: child.references.map((r) => ({
          document: "child" as const,
          task: null,
          text: `${r.title ? `《${r.title}》` : ""}${r.docNumber ? `（${r.docNumber}）` : ""}`,
          line: r.line,
        })),
      }),
    ];
  },
};
