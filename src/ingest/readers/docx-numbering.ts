/**
 * Word's automatic list numbering. A .docx whose items are numbered by Word (一、 （一） 1. made by
 * the list format, not typed) holds no number in its text: mammoth gives those paragraphs as list
 * items without them, and the plan's outline would be lost. The numbers are computed here from
 * `word/numbering.xml` (each level's format and text, 第%1章 / （%1） / %1.) and the paragraphs'
 * numbering properties in `word/document.xml` (directly or through their paragraph style), one
 * label per numbered paragraph in document order; counters run per list instance (`numId`), a
 * level restarting when a level above it moves on.
 *
 * The labels are given to mammoth's list items in order only when the counts agree; otherwise the
 * document is read as before (numbers left out), never with labels on the wrong items. The few
 * elements read (paragraphs, their numbering properties, list levels) are found by pattern in
 * WordprocessingML as Word and WPS write it; anything unexpected only makes the counts disagree.
 */
/** One level of a list definition: where it starts, its number format and its text (%1、). */
interface Level {
  start: number;
  format: string;
  text: string;
}

const CHINESE_DIGITS = "零一二三四五六七八九";
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
/** Word's number formats that print Chinese numerals (一, 二 … 十一). */
const CHINESE_FORMATS = new Set([
  "chineseCounting",
  "chineseCountingThousand",
  "chineseLegalSimplified",
  "taiwaneseCounting",
  "taiwaneseCountingThousand",
  "japaneseCounting",
  "ideographDigital",
]);

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as plans number their items). */
export function chineseNumeral(n: number): string {
  if (n <= 0 || !Number.isInteger(n) || n >= 1000) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds > 0 ? `${CHINESE_DIGITS[hundreds]}百` : "";
  if (tens > 0) out += `${tens === 1 && hundreds === 0 ? "" : CHINESE_DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) out += "零";
  if (ones > 0) out += CHINESE_DIGITS[ones];
  return out;
}

/** A counter printed in a level's format; "" for bullets and formats that print nothing. */
function formatNumber(n: number, format: string): string {
  if (CHINESE_FORMATS.has(format)) return chineseNumeral(n);
  switch (format) {
    case "decimal":
    case "decimalZero":
      return String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return CIRCLED[n - 1] ?? String(n);
    case "lowerLetter":
    case "upperLetter": {
      const letter = String.fromCharCode(97 + ((n - 1) % 26));
      return format === "upperLetter" ? letter.toUpperCase() : letter;
    }
    case "bullet":
    case "none":
      return "";
    default:
      return String(n);
  }
}

const attr = (xml: string, name: string): string | null =>
  new RegExp(`<w:${name}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1] ?? null;

const decode = (s: string): string =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** numId → its levels (from its abstract definition, with any start overrides). */
function listDefinitions(numbering: string): Map<string, Map<number, Level>> {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const m of numbering.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels = new Map<number, Level>();
    for (const lvl of (m[2] as string).matchAll(
      /<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g,
    )) {
      const body = lvl[2] as string;
      levels.set(Number(lvl[1]), {
        start: Number(attr(body, "start") ?? "1"),
        format: attr(body, "numFmt") ?? "decimal",
        text: decode(attr(body, "lvlText") ?? ""),
      });
    }
    abstracts.set(m[1] as string, levels);
  }
  const lists = new Map<string, Map<number, Level>>();
  for (const m of numbering.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const body = m[2] as string;
    const levels = new Map(abstracts.get(attr(body, "abstractNumId") ?? "") ?? []);
    for (const o of body.matchAll(
      /<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g,
    )) {
      const level = levels.get(Number(o[1]));
      const start = attr(o[2] as string, "startOverride");
      if (level && start !== null) levels.set(Number(o[1]), { ...level, start: Number(start) });
    }
    lists.set(m[1] as string, levels);
  }
  return lists;
}

/** styleId → the numbering its paragraph style gives ({numId, ilvl}). */
function styleNumbering(styles: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const m of styles.matchAll(
    /<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g,
  )) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2] as string)?.[1];
    const numId = numPr ? attr(numPr, "numId") : null;
    if (numPr && numId !== null)
      out.set(m[1] as string, { numId, ilvl: Number(attr(numPr, "ilvl") ?? "0") });
  }
  return out;
}

/**
 * The label Word prints before each numbered paragraph, in document order ("" for a bullet), or
 * null when the document numbers nothing.
 */
export function listLabels(entries: ReadonlyMap<string, Uint8Array>): string[] | null {
  const text = (name: string) => {
    const bytes = entries.get(name);
    return bytes ? new TextDecoder().decode(bytes) : "";
  };
  const numbering = text("word/numbering.xml");
  if (numbering === "") return null;
  const lists = listDefinitions(numbering);
  const byStyle = styleNumbering(text("word/styles.xml"));
  const counters = new Map<string, number[]>();
  const labels: string[] = [];
  for (const p of text("word/document.xml").matchAll(
    /<w:p(?:\s[^>]*)?(?<!\/)>([\s\S]*?)<\/w:p>/g,
  )) {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p[1] as string)?.[1] ?? "";
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
    const styled = byStyle.get(attr(pPr, "pStyle") ?? "");
    const numId = numPr ? attr(numPr, "numId") : (styled?.numId ?? null);
    if (numId === null || numId === "0") continue;
    const ilvl = numPr ? Number(attr(numPr, "ilvl") ?? styled?.ilvl ?? 0) : (styled?.ilvl ?? 0);
    const levels = lists.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level) {
      labels.push("");
      continue;
    }
    const count = counters.get(numId) ?? [];
    count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
    count.length = ilvl + 1; // deeper levels restart
    counters.set(numId, count);
    labels.push(
      level.text.replace(/%(\d)/g, (_, k: string) => {
        const i = Number(k) - 1;
        const at = levels.get(i);
        return at ? formatNumber(count[i] ?? at.start, at.format) : "";
      }),
    );
  }
  return labels.length > 0 ? labels : null;
}

/**
 * The HTML mammoth wrote with each list item's label put back before its text, when there is one
 * label per item; the HTML as it was otherwise.
 */
export async function labelListItems(
  html: string,
  labels: readonly string[] | null,
): Promise<string> {
  if (!labels) return html;
  // Loaded with the first Word file, as the HTML reader does.
  const { load } = await import("cheerio");
  const $ = load(html, null, false);
  const items = $("li").toArray();
  if (items.length !== labels.length) return html;
  items.forEach((item, i) => {
    const label = labels[i] as string;
    if (label !== "") $(item).prepend(escapeText(label));
  });
  return $.html();
}

function escapeText(label: string): string {
  return label.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
