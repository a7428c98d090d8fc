/**
 * Line structure lost on the way to us, put back before anything reads lines:
 *
 * - **Run-together text.** A plan stored in one spreadsheet cell, or scraped from a page whose
 *   paragraph breaks were lost, arrives as one long line: "…制定本方案。一、总体要求（一）指导思想。…".
 *   In such text (see `splitRunTogether` for when text counts as such) every outline marker that
 *   begins a sentence (after 。！？； or a closing bracket) starts a line again, as does a top-level
 *   marker after a colon (通知如下：一、…), a deeper marker right after a short heading
 *   ("一、总体要求（一）…") and the first paragraph after a part heading ("四、保障措施加强…");
 *   so do the parts of a notice's head (title, masthead, 文号, addressee) and its signature
 *   (issuer, date, 此件公开发布). A marker inside a sentence (第（一）项, 1.5倍, an inline list after
 *   a comma) is left where it is. Documents that kept their line breaks are not touched.
 * - **Hard-wrapped text** (a PDF converted to text elsewhere, an e-mail): most long lines have the
 *   same printed length. A full line there was cut by the width, not by its writer, so the next
 *   line goes on with it unless it starts a unit (see `normalizeText`).
 */

import { levelsLexicon, structureLexicon, unitsLexicon } from "../text/lexicons.js";
import { DECIMAL_UNITS, deadlineLabelWord, YEAR_CLOSE, YEAR_OPEN } from "../text/patterns.js";
import { escapeRegExp } from "../text/regexp.js";

const CN = "一二三四五六七八九十";
/** A digit, half- or full-width (Word leaves １．). */
const DIGIT = "[0-9０-９]";
/** A decimal item number (1.1, 2.3.1) before a word, not a quantity (1.5倍: see DECIMAL_UNITS). */
const DECIMAL = `\\d{1,2}(?:[.．]\\d{1,2}){1,2}(?![\\d.．%％])[\\s\u3000]*(?![${DECIMAL_UNITS}])(?=[\\u4e00-\\u9fa5“《（(A-Za-z])`;
/** Outline markers, full- or half-width, as they begin a unit. */
const MARKER = `(?:[${CN}]{1,3}、|[（(][${CN}]{1,3}[）)]|${DECIMAL}|${DIGIT}{1,2}[.．、](?![\\d.．])|[（(]${DIGIT}{1,2}[）)]|${DIGIT}{1,2}[）)](?!\\d)|[①-⑳]|第[${CN}百零〇\\d]{1,4}[章条节])`;
/** Markers of the two top levels (一、 and （一）): they follow a colon too (通知如下：一、…). */
const TOP_MARKER = `(?:[${CN}]{1,3}、|[（(][${CN}]{1,3}[）)])`;
const GAP = "[\\s\u3000]*";
/** A short unpunctuated line (a theme heading, 丰富体育消费供给) run onto its neighbours. */
const THEME = "[^。，,；;：:、！？!?（）()“”《》\\d]{2,20}";
/** What follows a theme line: a top-level number, or a number of a list (推动技术改造1.…). */
const THEME_NEXT = `(?:${TOP_MARKER}|${DIGIT}{1,2}[.．、](?![\\d.．])|${DIGIT}{1,2}[）)](?!\\d))`;
const DOC_NUMBER = `\\p{Script=Han}{1,8}${YEAR_OPEN}\\d{4}${YEAR_CLOSE}\\d{1,4}号`;
const ADDRESSEE = "各[^：:。]{1,80}[：:]";
const DATE = "\\d{4}年\\d{1,2}月\\d{1,2}日";
/**
 * A heading (a marker and up to 30 characters without punctuation) followed by a deeper marker,
 * or by a paragraph that counts its points (一是…二是…).
 */
const HEADING_THEN_MARKER = new RegExp(
  `^(${GAP}${MARKER}[^。；;：:、！？!?（）()]{1,30}?${GAP})(?=${MARKER}|一是)`,
  "u",
);

/** Words, longest first, as one alternation. */
const anyOf = (words: readonly string[]) =>
  `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})`;

/**
 * The patterns of run-together text, from the lexicons' words: document types, masthead, closing
 * block, publication notes and 印发 (data/lexicon/structure.json), the organs that sign
 * (levels.json; at the very end of a text also a department: units.json).
 */
function patterns(): { breaks: RegExp; part: RegExp; trailing: RegExp; boxHeading: RegExp } {
  const lex = structureLexicon();
  const docType = anyOf(lex.documentTypeEndings);
  const printed = escapeRegExp(lex.printedSuffix);
  const note = `[（(]${anyOf(lex.publicationNotes)}[）)]`;
  const { national, organSuffixes } = levelsLexicon();
  const issuer = `\\p{Script=Han}{0,30}${anyOf([...national, ...organSuffixes])}`;
  const signature = `${issuer}${GAP}${DATE}(?:${printed})?${GAP}(?:${note})?`;
  // A title at the start of run-together text: up to its last document-type word (and period).
  const leadingTitle = `^${GAP}[^。，,；;：:！？!?《》]{4,60}${docType}(?:[（(]\\d{4}[^）)]{0,12}[）)])?`;
  // A 专栏 box heading, and the label lines after a task (责任单位：…, 完成时限：…).
  const box = anyOf(lex.boxPrefixes);
  const { lead, responsible, support } = unitsLexicon().labels;
  const labelWord = `(?:${anyOf([...lead, ...responsible, ...support])}|${deadlineLabelWord()})`;
  // 责任单位：… or 【责任单位】…
  const label = `(?:${labelWord}${GAP}[：:]|【${labelWord}】)`;
  // A part heading printed without a number (保障措施) over its first item.
  const bareHeading = anyOf([...lex.safeguardHeadings, ...lex.nonTaskHeadings]);
  // 行动一：… 任务1：… (structure.json labelledParts, labelledItems).
  const labelled = `(?:${anyOf(lex.labelledParts)}[${CN}]+|${anyOf(lex.labelledItems)}${DIGIT}{1,3})[：:]`;
  const breaks = new RegExp(
    [
      `(?<=[。！？!?）)〕\\]]${GAP})(?=${MARKER}|${labelled})`,
      // After ；, not before （1）, 1） or ②: 主要包括：（1）…；（2）… is a list inside one task's sentence.
      `(?<=[；;]${GAP})(?=${MARKER})(?![（(]\\d|${DIGIT}{1,2}[）)]|[①-⑳])`,
      `(?<=[。！？!?；;）)〕\\]]${GAP})(?=${box})`,
      `(?<=[。！？!?；;）)]${GAP})(?=${label})`,
      // After a label's value (a list of units, a deadline): the next label or the next unit.
      `(?<=${label}[^。：:]{1,80}?)(?<!\\d)(?=${label}|${MARKER}\\p{Script=Han}|(?<!${MARKER}${GAP})${bareHeading}${GAP}${MARKER})`,
      `(?<=[：:]${GAP})(?=${TOP_MARKER})`,
      // A bare part heading with a colon (工作目标：) between sentences, over its numbered items.
      `(?<=[。！？!?）)]${GAP})(?=${bareHeading}[：:]${GAP}${MARKER})`,
      `(?<=[。！？!?）)]${GAP}${bareHeading}[：:])(?=${GAP}${MARKER})`,
      // An unnumbered theme line between two sentences, over the next numbered item (a top-level
      // one, or one of a list: 推动技术改造1.…).
      `(?<=[。！？!?）)]${GAP})(?=${THEME}${GAP}${THEME_NEXT})`,
      `(?<=[。！？!?）)]${GAP}${THEME}${GAP})(?=${THEME_NEXT})`,
      // The 文号 after the title (its code holds no document-type word: …方案的通知国办发〔…〕).
      `(?<=(?:${docType}|${escapeRegExp(lex.mastheadEnding)})${GAP})(?=(?:(?!的|${docType})\\p{Script=Han}){1,8}${YEAR_OPEN}\\d{4})`,
      `(?<=${DOC_NUMBER})(?=${GAP}\\p{Script=Han})`,
      `(?<=(?:号|${docType})${GAP})(?=${ADDRESSEE})`,
      `(?<=(?:号|${docType})${GAP}${ADDRESSEE})`,
      `(?<=[。）)〕\\]]${GAP})(?=${anyOf(lex.closingBlockStart)}[：:])`,
      `(?<=[。）)]${GAP})(?=${signature}.)`,
      `(?<=[。）)]${GAP}${signature})(?=.)`,
      `(?<=[。）)]${GAP}${issuer})(?=${GAP}${DATE})`,
      `(?<=[。）)]${GAP}${issuer}${GAP}${DATE}(?:${printed})?)(?=${GAP}${note})`,
      `(?<=${leadingTitle})(?=${GAP}(?:为|根据|按照|依据|近年来|当前|各)\\p{Script=Han})`,
    ].join("|"),
    "gu",
  );
  // A part heading (一、保障措施) run onto its first paragraph: the paragraph starts after its words.
  const headings = anyOf([
    ...lex.taskPartHeadings,
    ...lex.nonTaskHeadings,
    ...lex.safeguardHeadings,
    ...lex.contextHeadingWords,
  ]);
  const part = new RegExp(
    `^(${GAP}${TOP_MARKER}${GAP}${headings}${GAP})(?=[^和与及、，,。：:\\s\u3000])`,
    "u",
  );
  // The signature at the very end of the text, where a department may sign too (…厅, …局).
  const organs = anyOf([...national, ...organSuffixes, ...unitsLexicon().organSuffixes]);
  const trailing = new RegExp(
    `(?<=[。）)]${GAP})(\\p{Script=Han}{0,30}${organs}${GAP})?(${DATE}(?:${printed})?${GAP})(${note}${GAP})?$`,
    "u",
  );
  // A box heading (专栏1 重点工程) run onto its first numbered item.
  const boxHeading = new RegExp(
    `^(${GAP}${box}[^。，,；;：:、！？!?（）()“”《》]{0,30}?${GAP})(?=${MARKER})`,
    "u",
  );
  return { breaks, part, trailing, boxHeading };
}

/**
 * Text counts as run together when its lines are this long on average (the bundled plans: at
 * most 285 characters), or a line when it is this long by itself (the bundled plans: at most 900).
 */
const RUN_TOGETHER_AVERAGE = 400;
const RUN_TOGETHER_LINE = 2000;
/** Lines shorter than this are left as they are. */
const MIN_RUN_LENGTH = 200;

/** Splits run-together lines (see above; `split`: a piece of a split line); others come back as they are. */
export function splitRunTogether(
  lines: readonly string[],
): { text: string; from: number; split: boolean }[] {
  const filled = lines.filter((l) => l.trim() !== "");
  const chars = filled.reduce((sum, l) => sum + l.length, 0);
  const runTogether = filled.length > 0 && chars / filled.length >= RUN_TOGETHER_AVERAGE;
  const out: { text: string; from: number; split: boolean }[] = [];
  let found: ReturnType<typeof patterns> | undefined;
  lines.forEach((line, i) => {
    const long = line.length >= RUN_TOGETHER_LINE || (runTogether && line.length >= MIN_RUN_LENGTH);
    if (long) found ??= patterns();
    const pieces = found && long ? splitLine(line, found) : [line];
    for (const piece of pieces) out.push({ text: piece, from: i, split: pieces.length > 1 });
  });
  return out;
}

function splitLine(
  line: string,
  { breaks, part, trailing, boxHeading }: ReturnType<typeof patterns>,
): string[] {
  const pieces: string[] = [];
  let rest = line;
  const signature = trailing.exec(rest);
  const tail: string[] = [];
  if (signature && signature.index > 0) {
    rest = rest.slice(0, signature.index);
    for (const piece of signature.slice(1)) if (piece) tail.push(piece);
  }
  for (const sentence of rest.split(breaks)) {
    let s = sentence;
    const heading = part.exec(s);
    if (heading) {
      pieces.push(heading[1] as string);
      s = s.slice((heading[1] as string).length);
    }
    const boxed = boxHeading.exec(s);
    if (boxed) {
      pieces.push(boxed[1] as string);
      s = s.slice((boxed[1] as string).length);
    }
    for (let m = HEADING_THEN_MARKER.exec(s); m; m = HEADING_THEN_MARKER.exec(s)) {
      pieces.push(m[1] as string);
      s = s.slice((m[1] as string).length);
    }
    pieces.push(s);
  }
  return [...pieces, ...tail];
}

/** Lines at least this long count when the wrap width is looked for. */
const MIN_WRAPPED = 16;
/**
 * Share of those lines that must sit at the width (±1) for text to count as hard-wrapped (the
 * bundled plans, with natural lines: at most 0.17).
 */
const WRAPPED_SHARE = 0.25;
const MIN_WRAPPED_LINES = 8;
/** Share of the longer lines that may exceed the width (a table row, a line a converter kept whole). */
const MAX_LONGER_SHARE = 0.2;

/**
 * The width text was hard-wrapped at, or null: the most common length of the longer lines, when
 * at least WRAPPED_SHARE of them have it (or one less: a closing mark may not start a line).
 */
export function wrapWidth(lengths: readonly number[]): number | null {
  const long = lengths.filter((n) => n >= MIN_WRAPPED);
  if (long.length < MIN_WRAPPED_LINES) return null;
  const count = new Map<number, number>();
  for (const n of long) count.set(n, (count.get(n) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [n, c] of count) {
    const near = c + (count.get(n - 1) ?? 0);
    if (near > best || (near === best && n > width)) {
      width = n;
      best = near;
    }
  }
  if (best < Math.max(MIN_WRAPPED_LINES, WRAPPED_SHARE * long.length)) return null;
  // A wrap leaves no line much longer than its width: headings on lines of their own, of similar
  // lengths, between paragraphs printed whole are not a wrap.
  const longer = long.filter((n) => n > width + 2).length;
  return longer <= MAX_LONGER_SHARE * long.length ? width : null;
}
