/**
 * A task's responsibility read from its lines (labelled lines and brackets) into the model's
 * `Units`.
 */
import type { Line } from "../model/source.js";
import type { Units } from "../model/task.js";
import { deadlineLabelWord } from "../text/patterns.js";
import { bracketGroups, isResponsibility } from "../text/responsibility.js";
import { labelAt, parseResponsibility, type RoledUnit } from "../text/units.js";

/**
 * Reads a task's responsibility: 牵头单位：/责任单位： lines, every labelled bracket in the text
 * (a paragraph may carry several), 由…牵头 brackets, and a bare trailing bracket of unit names.
 * Returns the units, the raw texts, and the indices of lines that only state responsibility.
 */
export function readResponsibility(lines: Line[]): { units: Units; labelLines: Set<number> } {
  const roled: RoledUnit[] = [];
  const raws: string[] = [];
  const labelLines = new Set<number>();
  const hasLeadLine = lines.some((l) => labelAt(l.norm)?.label === "lead");
  lines.forEach((line, index) => {
    const label = labelAt(line.norm);
    if (label) {
      // 【牵头单位】…【配合单位】…【完成时限】2025年底前 on one line: the units end where the
      // deadline's label starts, and the line stays text for the deadline to be read from.
      const deadlineAt = line.text.search(deadlineLabel());
      const text = deadlineAt > label.length ? line.text.slice(0, deadlineAt) : line.text;
      if (deadlineAt <= label.length) labelLines.add(index);
      raws.push(text.slice(label.length).trim());
      const role = label.label === "lead" || (label.label === "responsible" && !hasLeadLine);
      const units = parseResponsibility(text.slice(label.length), role ? "lead" : "support");
      roled.push(...units);
      return;
    }
    for (const group of bracketGroups(line.norm)) {
      const inner = line.text.slice(group.start + 1, group.end);
      const innerNorm = line.norm.slice(group.start + 1, group.end);
      if (!isResponsibility(innerNorm, line.norm, group)) continue;
      const found = labelAt(innerNorm);
      raws.push(found ? inner.slice(found.length).trim() : inner.trim());
      roled.push(...parseResponsibility(inner));
    }
  });
  return { units: toUnits(roled, raws.length > 0 ? raws.join("；") : null), labelLines };
}

let deadlineLabelPattern: RegExp | undefined;

/** A deadline's label inside a line: 【完成时限】, 完成时限：, 时间要求： (data/lexicon/structure.json). */
function deadlineLabel(): RegExp {
  if (!deadlineLabelPattern) {
    const word = deadlineLabelWord();
    deadlineLabelPattern = new RegExp(`【${word}】|${word}\\s*[:：]`);
  }
  return deadlineLabelPattern;
}

/** Gathers roled units into the model's `Units`, keeping first appearance order. */
export function toUnits(units: RoledUnit[], raw: string | null): Units {
  const lead: string[] = [];
  const support: string[] = [];
  for (const u of units) {
    if (lead.includes(u.name) || support.includes(u.name)) continue;
    (u.role === "lead" ? lead : support).push(u.name);
  }
  return { lead, support, raw };
}
