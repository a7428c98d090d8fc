import { showBidiControls } from "../../text/bidi.js";
import { displayWidth, truncateToWidth } from "../../util/display-width.js";
import type { DiscoverFormatter } from "./formatter.js";

const pad = (s: string, width: number) => s + " ".repeat(Math.max(0, width - displayWidth(s)));

/** One line per document: id, level, proposed parent, method, confidence, first evidence. */
export const discoverTable: DiscoverFormatter = (result) => {
  // Bidirectional controls shown as visible marks (⟨U+202E⟩) before widths are measured.
  const rows = result.documents.map((d) =>
    [d.id, d.level, d.parent ?? "—", d.method, d.confidence.toFixed(2), d.evidence[0] ?? ""].map(
      showBidiControls,
    ),
  );
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
  return showBidiControls(`${out.join("\n")}\n`);
};
