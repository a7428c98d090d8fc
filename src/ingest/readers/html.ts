import type { CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import type { Reader } from "./index.js";
import { textReader } from "./text.js";

/** How many leading bytes are searched for a `<meta charset>` declaration (the spec says 1024). */
const META_SNIFF_BYTES = 4096;
/** Elements that never hold document text. */
const DROPPED =
  "script, style, noscript, template, iframe, object, svg, nav, header, footer, aside";
/** class or id words of site furniture: menus, breadcrumbs, sidebars, share bars. */
const FURNITURE =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|sidebar|topbar|header|footer|share|pager|skip)(?:$|[\s_-])/i;
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
  return { file, encoding, text: await htmlToText(html) };
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
 */
export async function htmlToText(html: string): Promise<string> {
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
    const line = current.join("").replace(/\s+/g, " ").trim();
    if (line !== "") lines.push(line);
    current.length = 0;
  };
  let inPre = 0;
  const walk = (node: AnyNode): void => {
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
      return;
    }
    if (node.type !== "tag") return;
    const name = node.name.toLowerCase();
    if (name === "br") {
      flush();
      return;
    }
    if (name === "table" && isDataTable($, node)) {
      flush();
      lines.push(...tableRows($, node));
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    if (name === "pre") inPre++;
    for (const child of node.children) walk(child);
    if (name === "pre") inPre--;
    if (block) flush();
  };
  const root = $("body").get(0) ?? $.root().get(0);
  if (root) walk(root);
  flush();
  return lines.join("\n");
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
      .map((cell) => cellText($, cell));
    return cells.every((c) => c === "") ? [] : [`| ${cells.join(" | ")} |`];
  });
}

function cellText($: CheerioAPI, cell: Element): string {
  const copy = $(cell).clone();
  copy.find("br").replaceWith(" ");
  copy.find("p, div, li, h1, h2, h3, h4, h5, h6").after(" ");
  return copy.text().replace(/\|/g, "/").replace(/\s+/g, " ").trim();
}
