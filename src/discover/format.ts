/** Output formats of `plandiff discover`: pure functions of the result. */
import type { DiscoverResult } from "../model/discover.js";
import { displayWidth, truncateToWidth } from "../util/display-width.js";
import { stableStringify } from "../util/stable-json.js";

const pad = (s: string, width: number) => s + " ".repeat(Math.max(0, width - displayWidth(s)));

/** JSON, keys sorted: same pile → same bytes. */
function discoverJson(result: DiscoverResult): string {
  return `${stableStringify(result)}\n`;
}

/** One line per document: id, level, proposed parent, method, confidence, first evidence. */
function discoverTable(result: DiscoverResult): string {
  const rows = result.documents.map((d) => [
    d.id,
    d.level,
    d.parent ?? "—",
    d.method,
    d.confidence.toFixed(2),
    d.evidence[0] ?? "",
  ]);
  const head = ["document", "level", "parent", "method", "conf.", "evidence"];
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
  for (const s of result.skipped) out.push(`skipped ${s.file}: ${s.message}`);
  const { summary } = result;
  out.push(
    `${summary.documents} documents: ${summary.cited} cited, ${summary.similarity} by content, ${summary.none} without a parent; ${summary.skipped} files skipped`,
  );
  return `${out.join("\n")}\n`;
}

export const discoverFormatters = {
  json: discoverJson,
  table: discoverTable,
} as const;
export type DiscoverFormatId = keyof typeof discoverFormatters;
