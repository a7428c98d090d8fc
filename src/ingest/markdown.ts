/**
 * Markdown markup around plan text. Crawled plans often arrive converted to Markdown (by the
 * crawler or a web-page reader): "## 一、总体要求", "**（一）指导思想。**", "1\. 推进…", links and
 * `<br>` breaks. None of these marks belongs to a Chinese plan's own text, so they are removed
 * from every document, whatever its extension; tables in pipe rows are read as tables elsewhere.
 */

/** Line breaks written as HTML inside Markdown. */
const BR = /<br\s*\/?>/gi;
/** A heading's hashes or a quote's angle brackets at the start of a line. */
const LINE_MARK = /^(\s*)(?:#{1,6}(?=\s|$)|>+)\s*/;
/** A thematic break (---, ***, ___) alone on a line. */
const RULE = /^\s*(?:[-*_]\s*){3,}$/;
/** Bold and its underscore form. */
const STRONG = /\*\*|__/g;
/** A backslash escaping a mark: 1\. （一\） */
const ESCAPE = /\\([.\-*_#()（）[\]!+`>|])/g;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]+)\]\((?:[^)\s]+)(?:\s+"[^"]*")?\)/g;

/** Text with `<br>` turned into line breaks (before the text is cut into lines). */
export function markdownBreaks(text: string): string {
  return text.includes("<") ? text.replace(BR, "\n") : text;
}

/** Characters every Markdown mark read here contains: most lines of a plan have none. */
const MARK_CHARACTER = /[#>*_\\![-]/;

/** A line without Markdown marks; a thematic break becomes empty. */
export function unmarkLine(line: string): string {
  if (!MARK_CHARACTER.test(line)) return line;
  if (RULE.test(line)) return "";
  return line
    .replace(LINE_MARK, "$1")
    .replace(IMAGE, "")
    .replace(LINK, "$1")
    .replace(STRONG, "")
    .replace(ESCAPE, "$1");
}
