import type { DiscoveredDocument } from "../../model/discover.js";
import type { Lang } from "../../model/lang.js";
import { showBidiControls } from "../../text/bidi.js";
import { displayWidth, truncateToWidth } from "../../util/display-width.js";
import { LEVEL_LABELS } from "../shared/labels.js";
import type { DiscoverFormatter } from "./formatter.js";

const pad = (s: string, width: number) => s + " ".repeat(Math.max(0, width - displayWidth(s)));

const HEAD: Record<Lang, string[]> = {
  zh: ["文件", "层级", "上级", "依据", "置信度", "证据"],
  en: ["document", "level", "parent", "method", "conf.", "evidence"],
};
const METHOD: Record<DiscoveredDocument["method"], Record<Lang, string>> = {
  cited: { zh: "引用", en: "cited" },
  similarity: { zh: "内容", en: "similarity" },
  none: { zh: "无", en: "none" },
};

/**
 * One line per document: id, level, proposed parent, method, confidence, first evidence; then
 * documents related by content (direction unknown), skipped files and a summary.
 */
export const discoverTable: DiscoverFormatter = (result, options = {}) => {
  const lang = options.lang ?? "zh";
  // Bidirectional controls shown as visible marks (⟨U+202E⟩) before widths are measured.
  const rows = result.documents.map((d) =>
    [
      d.id,
      LEVEL_LABELS[d.level][lang],
      d.parent ?? "—",
      METHOD[d.method][lang],
      d.confidence.toFixed(2),
      d.evidence[0] ?? "",
    ].map(showBidiControls),
  );
  const head = HEAD[lang];
  const widths = head
    .slice(0, 5)
    .map((h, c) =>
      Math.min(32, Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] as string)))),
    );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) =>
        c < 5
          ? pad(truncateToWidth(cell, widths[c] as number), widths[c] as number)
          : truncateToWidth(cell, 60),
      )
      .join("  ")
      .trimEnd();
  const out = [line(head), ...rows.map(line)];
  for (const d of result.documents) {
    for (const r of d.related) {
      if (r.id < d.id) continue;
      out.push(
        lang === "zh"
          ? `相关（方向不明）：${d.id} ↔ ${r.id}：${r.note}`
          : `related (direction unknown): ${d.id} ↔ ${r.id}: ${r.note}`,
      );
    }
  }
  for (const s of result.skipped)
    out.push(lang === "zh" ? `跳过 ${s.file}：${s.message}` : `skipped ${s.file}: ${s.message}`);
  const { summary } = result;
  out.push(
    lang === "zh"
      ? `共 ${summary.documents} 份文件：引用确定 ${summary.cited} 份，内容确定 ${summary.similarity} 份，未找到上级 ${summary.none} 份；有方向不明的相关文件 ${summary.related} 份；跳过 ${summary.skipped} 个`
      : `${summary.documents} documents: ${summary.cited} cited, ${summary.similarity} by content, ${summary.none} without a parent; ${summary.related} with related documents of unknown direction; ${summary.skipped} skipped`,
  );
  return showBidiControls(`${out.join("\n")}\n`);
};
