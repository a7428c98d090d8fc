import type { DocumentSource, Line } from "../model/source.js";
import type { SplitBundle } from "../model/stages.js";
import { structureLexicon } from "../text/lexicons.js";
import { DATE_ONLY, isDocNumberLine, OUTLINE_START } from "../text/patterns.js";

/** How many lines above its 文号 a document's title (or masthead) may start. */
const MAX_TITLE_LINES = 3;
const MAX_TITLE_LENGTH = 80;

/**
 * Splits a file into its documents. A gazette holds a table of contents and several documents,
 * each opening with its title and 文号 on a line of its own; a file with at most one such 文号
 * line is one document. The table of contents before the first document and a closing list of
 * issued documents (发文目录) are not documents.
 */
export const splitBundle: SplitBundle = (file, lines) => {
  const numberLines = lines.flatMap((l, i) => (isDocNumberLine(l.norm) ? [i] : []));
  if (numberLines.length < 2) return [{ file, index: 1, lines }];

  const starts = numberLines.map((k) => titleStart(lines, k));
  return starts.map((start, i) => {
    const next = starts[i + 1] ?? lines.length;
    const end = bundleListStart(lines, start, next);
    return { file, index: i + 1, lines: lines.slice(start, end) } satisfies DocumentSource;
  });
};

/** The first line of the title block that stands above the 文号 at index `k`. */
function titleStart(lines: Line[], k: number): number {
  let start = k;
  for (let i = k - 1; i >= 0 && k - i <= MAX_TITLE_LINES; i--) {
    const l = lines[i] as Line;
    if (!isTitleLike(l.norm)) break;
    start = i;
  }
  return start;
}

function isTitleLike(norm: string): boolean {
  return (
    norm.length <= MAX_TITLE_LENGTH &&
    !/[。;:]$/.test(norm) &&
    !/^[(附]|https?:/.test(norm) &&
    !DATE_ONLY.test(norm) &&
    !OUTLINE_START.test(norm) &&
    !isDocNumberLine(norm) &&
    !/\(\d+\)$/.test(norm) // a table-of-contents entry ends with its page number
  );
}

/** Where a closing list of issued documents (…发文目录) begins, or `end`. */
function bundleListStart(lines: Line[], start: number, end: number): number {
  const { bundleEndings } = structureLexicon();
  for (let i = start + 1; i < end; i++) {
    const norm = (lines[i] as Line).norm;
    if (norm.length <= MAX_TITLE_LENGTH && bundleEndings.some((w) => norm.endsWith(w))) return i;
  }
  return end;
}
