import type { CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { structureLexicon } from "../../text/lexicons.js";
import { PlandiffError } from "../../util/errors.js";
import { htmlNestingEstimate } from "./html-depth.js";
import type { Reader } from "./index.js";
import { textReader } from "./text.js";

/** How many leading bytes are searched for a `<meta charset>` declaration (the spec says 1024). */
const META_SNIFF_BYTES = 4096;
/**
 * Pages whose elements nest deeper than this (estimated, unclosed tags counted as open) are
 * refused before parsing: the HTML parser's time grows with the square of the depth or worse
 * (20,000 nested divs took seconds, 40,000 half a minute, 5,000 unclosed `<font>`s of different
 * sizes ten seconds), while real pages nest a few dozen levels and browsers stop nesting at 512.
 */
export const MAX_HTML_DEPTH = 1000;
/** Elements that never hold document text. */
const DROPPED =
  "script, style, noscript, template, iframe, object, svg, nav, header, footer, aside";
/**
 * class or id words of site furniture: menus, breadcrumbs (当前位置: location, position), sidebars,
 * top bars, share and font tools, search boxes, copyright blocks.
 */
const FURNITURE =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|location|position|sidebar|top-?bar|header|footer|share|tools?|search|copyright|pager|skip)(?:$|[\s_-])/i;
/**
 * A government site's information table (索引号, 发布机构, 发文字号, 成文日期…) describes the page,
 * not the plan, which prints its own title and 文号: such a table is dropped when it names at least
 * this many of the labels (data/lexicon/structure.json `pageInfoLabels`).
 */
const PAGE_INFO_LABELS = 3;
/** Elements that start and end a line of their own. */
const BLOCK = new Set([
  "address",
  "article",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);
/** Chinese charset labels; GB18030 is a superset of the others and documents use its extras. */
const CHARSETS: Readonly<Record<string, string>> = {
  gbk: "gb18030",
  gb2312: "gb18030",
  gb18030: "gb18030",
  "x-gbk": "gb18030",
  "gb_2312-80": "gb18030",
  big5: "big5",
  "utf-8": "utf-8",
  utf8: "utf-8",
};

/**
 * Reads an HTML page: decoded by byte-order mark, then `<meta charset>` (GBK and GB2312 as
 * GB18030), then as plain text would be (UTF-8 or a confident guess). Scripts, styles and site
 * furniture (nav, header, footer, elements whose class or id names a menu or breadcrumb) are
 * dropped; paragraphs and headings become one line each, `<br>` breaks lines, and data tables
 * become pipe rows `| a | b |` that the table parser reads.
 */
export const htmlReader: Reader = async (bytes, file) => {
  const { encoding, html } = await decodeHtml(bytes, file);
  return { file, encoding, text: await htmlToText(html, file) };
};

async function decodeHtml(
  bytes: Uint8Array,
  file: string,
): Promise<{ encoding: string; html: string }> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: "utf-8", html: new TextDecoder("utf-8").decode(bytes.subarray(3)) };
  }
  const declared = declaredCharset(bytes);
  if (
    declared !== null &&
    !(bytes[0] === 0xff && bytes[1] === 0xfe) &&
    !(bytes[0] === 0xfe && bytes[1] === 0xff)
  ) {
    if (declared !== "utf-8")
      return { encoding: declared, html: new TextDecoder(declared).decode(bytes) };
    const utf8 = tryUtf8(bytes);
    // Pages labelled UTF-8 but saved as GBK exist; let the text reader guess those.
    if (utf8 !== null) return { encoding: "utf-8", html: utf8 };
  }
  const { encoding, text } = await textReader(bytes, file);
  return { encoding, html: text };
}

/** The charset a `<meta>` near the start declares, as a TextDecoder label, or null. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, META_SNIFF_BYTES));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  const label = m?.[1]?.toLowerCase();
  if (label === undefined) return null;
  const known = CHARSETS[label];
  if (known !== undefined) return known;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * HTML → text lines: block elements one per line, `<br>` as a line break, data tables as pipe rows,
 * scripts, styles and navigation dropped. Shared with the .docx reader (mammoth produces HTML).
 * Throws PlandiffError "too-large" for a page nested deeper than {@link MAX_HTML_DEPTH}; the tree
 * is walked without recursion, so any depth below that reads.
 */
export async function htmlToText(html: string, file: string, kind = "HTML"): Promise<string> {
  const depth = htmlNestingEstimate(html);
  if (depth > MAX_HTML_DEPTH) {
    throw new PlandiffError(
      "too-large",
      `${kind} nested deeper than ${MAX_HTML_DEPTH} levels (${depth}, counting unclosed tags); refusing it — save the document as plain text`,
      file,
    );
  }
  // Loaded on the first HTML or Word file: most runs read none, and it takes ~0.2 s to load.
  const { load } = await import("cheerio");
  const $ = load(html);
  $(DROPPED).remove();
  $("[class], [id]").each((_, el) => {
    const names = `${$(el).attr("class") ?? ""} ${$(el).attr("id") ?? ""}`;
    if (FURNITURE.test(names)) $(el).remove();
  });
  const lines: string[] = [];
  const current: string[] = [];
  const flush = (): void => {
    // White space collapses, but a tab stays a tab: rows of a task table copied as text keep
    // their cells apart (序号⇥重点任务⇥…, read as a table when the text is normalised).
    const line = current
      .join("")
      .replace(/\s+/g, (space) => (space.includes("\t") ? "\t" : " "))
      .replace(/^[ \t]+|[ \t]+$/g, "");
    if (line !== "") lines.push(line);
    current.length = 0;
  };
  let inPre = 0;
  /** Depth first, in document order; `leave` marks an element's end (its children done). */
  const stack: { node: AnyNode; leave: boolean }[] = [];
  const root = $("body").get(0) ?? $.root().get(0);
  if (root) stack.push({ node: root, leave: false });
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const { node, leave } = step;
    if (node.type === "text") {
      // Inside <pre> (LibreOffice's export of plain text) a line break is a line break.
      if (inPre === 0) current.push(node.data);
      else {
        const parts = node.data.split(/\r?\n/);
        parts.forEach((part, k) => {
          if (k > 0) flush();
          current.push(part);
        });
      }
      continue;
    }
    if (node.type !== "tag") continue;
    const name = node.name.toLowerCase();
    const block = BLOCK.has(name);
    if (leave) {
      if (name === "pre") inPre--;
      if (block) flush();
      continue;
    }
    if (name === "br") {
      flush();
      continue;
    }
    if (name === "table" && isPageInfo($, node)) continue;
    if (name === "table" && isDataTable($, node)) {
      flush();
      for (const row of tableRows($, node)) lines.push(row); // no spread: tables can be huge
      continue;
    }
    if (block) flush();
    if (name === "pre") inPre++;
    stack.push({ node, leave: true });
    for (let k = node.children.length - 1; k >= 0; k--) {
      stack.push({ node: node.children[k] as AnyNode, leave: false });
    }
  }
  flush();
  return lines.join("\n");
}

/** A page's information table (see PAGE_INFO_LABELS): its cells name what the page is. */
function isPageInfo($: CheerioAPI, table: Element): boolean {
  if ($(table).find("table").length > 0) return false;
  const labels = structureLexicon().pageInfoLabels;
  const cells = $(table)
    .find("td, th")
    .toArray()
    .map((c) =>
      $(c)
        .text()
        .replace(/[\s\u3000:：]/g, ""),
    );
  return labels.filter((l) => cells.includes(l)).length >= PAGE_INFO_LABELS;
}

/** A table of data rather than layout: no nested table, and some row with two cells or more. */
function isDataTable($: CheerioAPI, table: Element): boolean {
  if ($(table).find("table").length > 0) return false;
  return ownRows($, table).some((row) => $(row).children("td, th").length >= 2);
}

function ownRows($: CheerioAPI, table: Element): Element[] {
  return $(table)
    .find("tr")
    .toArray()
    .filter((row) => $(row).closest("table").get(0) === table);
}

/** One pipe row per table row; cell text on one line, with any `|` in it made `/`. */
function tableRows($: CheerioAPI, table: Element): string[] {
  return ownRows($, table).flatMap((row) => {
    const cells = $(row)
      .children("td, th")
      .toArray()
      .map((cell) => cellText(cell));
    return cells.every((c) => c === "") ? [] : [`| ${cells.join(" | ")} |`];
  });
}

/** Elements followed by a space inside a cell (so that their text does not run together). */
const CELL_BREAKS = new Set(["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** A cell's text on one line: `<br>` and the ends of paragraphs as spaces, any `|` made `/`. */
function cellText(cell: Element): string {
  const parts: string[] = [];
  // Nodes still to visit, last first; a string is text to add once an element's children are done.
  const stack: (AnyNode | string)[] = [...cell.children].reverse();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item === "string") parts.push(item);
    else if (item.type === "text") parts.push(item.data);
    else if (item.type === "tag" && item.name === "br") parts.push(" ");
    else if ("children" in item) {
      if (item.type === "tag" && CELL_BREAKS.has(item.name)) stack.push(" ");
      for (let k = item.children.length - 1; k >= 0; k--) stack.push(item.children[k] as AnyNode);
    }
  }
  return parts.join("").replace(/\|/g, "/").replace(/\s+/g, " ").trim();
}
