import type { Line } from "../model/source.js";
import { fold } from "../text/fold.js";
import { structureLexicon, unitsLexicon } from "../text/lexicons.js";
import {
  DOC_NUMBER,
  isBarePartHeading,
  isDocNumberLine,
  OUTLINE_START,
  PRINTED_DATE,
  YEAR_CLOSE,
  YEAR_OPEN,
} from "../text/patterns.js";
import { withoutPageQuotes, withoutYearNote, YEAR_NOTE } from "../text/titles.js";
import { dateOfLine, endsLikeTitle, isOrganLine, isoDate, monthOfLine } from "./text-shapes.js";

/** The document's head and tail: who issued it, when, under which number and title. */
export interface DocumentHeader {
  title: string | null;
  planTitle: string | null;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  /** The date is a cover's year and month only (二〇二一年十一月): `date` is its first day. */
  monthOnly: boolean;
  printedDate: string | null;
  /** Index of the first line of the body (the first outline heading), or lines.length. */
  bodyStart: number;
  /** Index one past the last line of content (the closing 抄送/印发 block starts there). */
  contentEnd: number;
  /** The file line each field was read from (the first line of a title over several), else null. */
  lineOf: {
    title: number | null;
    issuer: number | null;
    date: number | null;
    printedDate: number | null;
  };
}

const HEAD_SCAN = 12;
const MAX_TITLE_LINES = 3;
const MAX_TITLE_LENGTH = 80;

/** Reads the header fields of one document. */
export function readHeader(lines: Line[]): DocumentHeader {
  const contentEnd = closingBlockStart(lines);
  const bodyStart = firstOutlineLine(lines, contentEnd);
  const fullDate = lines.findIndex((l, i) => i < contentEnd && dateOfLine(l.norm) !== null);
  // A printed plan's cover: title, organ, year and month (某省发展和改革委员会 / 二〇二一年十一月).
  const coverMonth =
    fullDate < 0
      ? lines.findIndex(
          (l, i) =>
            i > 0 &&
            i < Math.min(bodyStart, HEAD_SCAN) &&
            monthOfLine(l.norm) !== null &&
            isOrganLine((lines[i - 1] as Line).norm),
        )
      : -1;
  const monthOnly = coverMonth >= 0;
  const dateIndex = monthOnly ? coverMonth : fullDate;
  const issuerLine = dateIndex > 0 ? lines[dateIndex - 1] : undefined;
  const numberLine = lines.slice(0, HEAD_SCAN).find((l) => isDocNumberLine(l.norm));
  const docNumber = numberLine?.text ?? organsThenNumber(lines.slice(0, HEAD_SCAN));
  const notice = findNoticeTitle(lines, Math.min(bodyStart, HEAD_SCAN));
  const plan =
    dateIndex >= 0 && dateIndex < bodyStart ? findPlanTitle(lines, dateIndex + 1, bodyStart) : null;
  const title = notice ?? plan;
  const signed =
    issuerLine && isOrganLine(issuerLine.norm)
      ? { text: issuerLine.text, line: issuerLine.line }
      : null;
  // Several organs signing one above the other: the title names them all (…等七部门关于…).
  const jointly =
    signed !== null && dateIndex > 1 && isOrganLine((lines[dateIndex - 2] as Line).norm);
  const issuer = jointly
    ? (mastheadIssuer(lines, notice) ?? signed)
    : (signed ?? mastheadIssuer(lines, notice));
  const printed = printedDate(lines);
  const dateLine = dateIndex >= 0 ? (lines[dateIndex] as Line) : undefined;
  return {
    title: title?.text ?? null,
    planTitle: plan?.text ?? null,
    docNumber,
    issuer: issuer?.text ?? null,
    date: dateLine ? (monthOnly ? monthOfLine(dateLine.norm) : dateOfLine(dateLine.norm)) : null,
    monthOnly,
    printedDate: printed?.date ?? null,
    bodyStart,
    contentEnd,
    lineOf: {
      title: title?.line ?? null,
      issuer: issuer?.line ?? null,
      date: dateLine?.line ?? null,
      printedDate: printed?.line ?? null,
    },
  };
}

/**
 * A 文号 printed at the end of the issuing organs' line (某省教育厅…某省体育局某教〔2023〕5号):
 * its code is the shortest that leaves the line ending like an organ (data/lexicon/units.json
 * `organSuffixes`), and what comes before holds no punctuation.
 */
function organsThenNumber(lines: Line[]): string | null {
  const { organSuffixes } = unitsLexicon();
  for (const line of lines) {
    const text = line.text.trim();
    const m = TRAILING_NUMBER.exec(text);
    if (!m || text.length > MAX_ORGANS_LINE) continue;
    for (let code = 1; code <= MAX_CODE && code < m.index + (m[1] as string).length; code++) {
      const start = m.index + (m[1] as string).length - code;
      const organs = text.slice(0, start);
      if (/[\p{P}\s]/u.test(organs.replace(/[（）()]/g, ""))) break;
      if (organSuffixes.some((s) => organs.endsWith(s) && organs.length > s.length))
        return text.slice(start);
    }
  }
  return null;
}

/** A 文号 ending a line: Han characters (organs, then the code), 〔year〕, number, 号. */
const TRAILING_NUMBER = new RegExp(
  `(\\p{Script=Han}+)${YEAR_OPEN}\\d{4}${YEAR_CLOSE}\\d{1,4}号$`,
  "u",
);
const MAX_CODE = 6;
const MAX_ORGANS_LINE = 160;

/** Text read from a line, with the line's number in the file. */
interface Read {
  text: string;
  line: number;
}

function closingBlockStart(lines: Line[]): number {
  const { closingBlockStart: words } = structureLexicon();
  const cc = lines.findIndex((l) => words.some((w) => l.norm.startsWith(w)));
  if (cc >= 0) return cc;
  const printed = lines.findIndex((l) => printedOn(l.norm) !== null);
  if (printed < 0) return lines.length;
  const before = lines[printed - 1];
  return before && isOrganLine(before.norm) ? printed - 1 : printed;
}

function firstOutlineLine(lines: Line[], end: number): number {
  const { attachmentHeadings } = structureLexicon();
  let inList = false;
  for (let i = 0; i < end; i++) {
    const norm = (lines[i] as Line).norm;
    // A notice's list of attachments (附件：1.…方案 / 2.…分工表) names documents; it is no outline.
    if (attachmentHeadings.some((w) => norm.startsWith(w))) inList = true;
    else if (!(inList && namesAttachment(norm))) inList = false;
    if (inList) continue;
    // A bare 工作目标 line over its numbered goals opens the outline as a part of its own.
    if (OUTLINE_START.test(norm) || isBarePartHeading(norm)) return i;
  }
  return end;
}

/** An item of an attachment list: a number and a document's name (…方案, …分工表), no sentence. */
function namesAttachment(norm: string): boolean {
  return (
    /^\d{1,2}[.、]/.test(norm) &&
    !/[。;]/.test(norm) &&
    (endsLikeTitle(norm.replace(/\(.*\)$/, "")) || /(?:表|清单|目录|名单)$/.test(norm))
  );
}

function printedDate(lines: Line[]): { date: string | null; line: number } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as Line;
    const printed = printedOn(line.norm);
    if (printed) return { date: printed.date, line: line.line };
  }
  return null;
}

/**
 * The 印发 line of the closing block: 2018年5月10日印发 alone, or after the printing office on the
 * same line (山东省人民政府办公厅2020年12月10日印发, as a web page or spreadsheet cell has it).
 */
export function printedOn(norm: string): { organ: string | null; date: string | null } | null {
  const alone = PRINTED_DATE.exec(norm);
  if (alone)
    return {
      organ: null,
      date: isoDate(alone[1] as string, alone[2] as string, alone[3] as string),
    };
  const { printedSuffix } = structureLexicon();
  if (!norm.endsWith(printedSuffix)) return null;
  const m = /^(.+?)(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(
    norm.slice(0, -printedSuffix.length).trim(),
  );
  const organ = m?.[1]?.trim();
  if (!m || !organ || !isOrganLine(organ)) return null;
  return { organ, date: isoDate(m[2] as string, m[3] as string, m[4] as string) };
}

/** 浙江省人民政府关于印发…的通知, possibly broken over up to three lines. */
function findNoticeTitle(lines: Line[], end: number): Read | null {
  const { noticeTitleWords } = structureLexicon();
  for (let i = 0; i < end; i++) {
    const line = lines[i] as Line;
    if (!noticeTitleWords.some((w) => line.norm.includes(w)) || !isTitleShaped(line.norm)) continue;
    // The issuing organ on a line of its own above 关于印发… (某省人民政府办公厅 / 关于印发…).
    const organ = i > 0 && /^关于/.test(line.norm) ? (lines[i - 1] as Line) : null;
    if (organ && isOrganLine(organ.norm)) {
      return { text: organ.text + collectTitle(lines, i, end), line: organ.line };
    }
    return { text: collectTitle(lines, i, end), line: line.line };
  }
  return null;
}

/**
 * The plan's own title: the title-shaped lines after the date (and 此件公开发布), when they name a
 * document (…方案, …规划（2021—2025年）); a printed plan's cover date is followed by its 前言 or
 * 目录 instead, its title standing above the organ.
 */
function findPlanTitle(lines: Line[], from: number, end: number): Read | null {
  const { publicationNotes } = structureLexicon();
  let i = from;
  while (i < end && publicationNotes.some((w) => (lines[i] as Line).norm.includes(w))) i++;
  if (i >= end || !isTitleShaped((lines[i] as Line).norm)) return null;
  const text = collectTitle(lines, i, end);
  if (!endsLikeTitle(withoutYearNote(fold(text)))) return null;
  return { text, line: (lines[i] as Line).line };
}

/**
 * Joins a title that continues over the next lines until it ends like a title; a page's 《》
 * around the whole title (《…的通知》) are not part of it.
 */
function collectTitle(lines: Line[], start: number, end: number): string {
  return withoutPageQuotes(joinTitleLines(lines, start, end));
}

function joinTitleLines(lines: Line[], start: number, end: number): string {
  let title = (lines[start] as Line).text;
  let norm = (lines[start] as Line).norm;
  for (let i = start + 1; i < end && i < start + MAX_TITLE_LINES; i++) {
    const next = lines[i] as Line;
    // (2025-2027年) alone, or opening the title's last line: (2025-2027年)的通知.
    const yearNote =
      YEAR_NOTE.test(next.norm) || (/^\(\d{4}[^)]*\)/.test(next.norm) && endsLikeTitle(next.norm));
    if (endsLikeTitle(norm) && !yearNote) break;
    if (!isTitleShaped(next.norm) || (next.norm.startsWith("(") && !yearNote)) break;
    title += next.text;
    norm += next.norm;
  }
  return title;
}

export function isTitleShaped(norm: string): boolean {
  return (
    norm.length <= MAX_TITLE_LENGTH &&
    !/[。;:]$/.test(norm) &&
    !isDocNumberLine(norm) &&
    dateOfLine(norm) === null &&
    !OUTLINE_START.test(norm) &&
    !DOC_NUMBER_IN_PARENS.test(norm)
  );
}

const DOC_NUMBER_IN_PARENS = new RegExp(`^\\(${DOC_NUMBER.source}\\)`);

/** Falls back to the masthead (浙江省人民政府文件) or to the title's prefix (…关于). */
function mastheadIssuer(lines: Line[], title: Read | null): Read | null {
  const { mastheadEnding, noticeTitleWords } = structureLexicon();
  const masthead = lines.slice(0, 3).find((l) => l.norm.endsWith(mastheadEnding));
  if (masthead)
    return { text: masthead.text.slice(0, -mastheadEnding.length), line: masthead.line };
  for (const w of noticeTitleWords) {
    const at = title?.text.indexOf(w) ?? -1;
    if (title && at > 0) return { text: title.text.slice(0, at), line: title.line };
  }
  return null;
}
