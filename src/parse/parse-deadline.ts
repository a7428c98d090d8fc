/**
 * Deadlines read from a task's text or a table cell: dates, periods, recurrence, mandates and
 * ongoing work (patterns in deadline-patterns.ts).
 */
import { type Deadline, NO_DEADLINE } from "../model/deadline.js";
import { foldKeepingOffsets } from "../text/fold-offsets.js";
import { LEXICON, PATTERNS } from "./deadline-patterns.js";
import { isPlausibleYear } from "./text-shapes.js";

/** Context for reading a deadline phrase. */
export interface DeadlineOptions {
  /** Year of the document, used for phrases that name no year ("6月底前"); null when unknown. */
  year: number | null;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic.

/** ISO date of `day` in 1-based `month`; day 0 is the last day of the previous month. */
function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

const monthEnd = (year: number, month: number): string => isoDate(year, month + 1, 0);

function daysIn(year: number | null, month: number): number {
  // Without a year, allow 29 February: the phrase is well-formed, only its year is unknown.
  return new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

/** A damaged year (到4549年 for 到2025年) is no deadline: see PLAUSIBLE_YEARS. */
const validYear = isPlausibleYear;

/** The document's year, or null when it is unknown or implausible (then yearless phrases stay undated). */
const documentYear = (options: DeadlineOptions): number | null =>
  options.year !== null && validYear(options.year) ? options.year : null;

// ---------------------------------------------------------------------------------------------
// Date mentions.

type Groups = Record<string, string | undefined>;
type Mode = "cell" | "text";

interface Span {
  start: number;
  end: number;
}

interface Hit extends Span {
  deadline: Omit<Deadline, "raw">;
}

interface DateHit extends Span {
  due: string | null;
  /** False when the mention is a start ("2018年起", "自…起") or an as-of date, never a deadline. */
  canBeDue: boolean;
  /** Whether the wording marks a deadline (…前, 2018年底, 年内, 到…, …完成); needed in free text. */
  cued: boolean;
}

/** How a time point's own wording marks an end: "within" (年内), "end" (…底, …旬) or neither. */
type EndCue = "within" | "end" | null;

interface TimePoint {
  /** Last day of the point, or null when the year is unknown. */
  due: string | null;
  cue: EndCue;
}

function parseMonth(text: string): number {
  return LEXICON.monthNumerals[text] ?? Number(text);
}

function mentionYear(g: Groups, year: number | null): number | null {
  if (g.year !== undefined) return Number(g.year);
  const relative = g.relYear === undefined ? undefined : LEXICON.relativeYears[g.relYear];
  if (relative !== undefined) return year === null ? null : year + relative;
  return year;
}

/** Day of month a phrase points at: a number, "end", or "previous" for a bare "M月前". */
function dayWithinMonth(g: Groups, before: boolean): number | "end" | "previous" {
  const day = g.day ?? g.day2;
  if (day !== undefined) return Number(day);
  const part = g.monthPart ?? g.monthPart2;
  if (part !== undefined) return LEXICON.monthParts[part] ?? "end";
  // "2018年3月前" literally means before March: the deadline is the end of February.
  return before ? "previous" : "end";
}

function monthPoint(g: Groups, year: number | null, month: number): TimePoint | null {
  const day = dayWithinMonth(g, g.before !== undefined);
  if (typeof day === "number" && day > daysIn(year, month)) return null;
  const cue: EndCue = (g.monthPart ?? g.monthPart2) === undefined ? null : "end";
  if (year === null) return { due: null, cue };
  if (day === "previous") return { due: isoDate(year, month, 0), cue };
  return { due: day === "end" ? monthEnd(year, month) : isoDate(year, month, day), cue };
}

function yearPartPoint(part: string, year: number | null): TimePoint {
  const within = LEXICON.withinYear.includes(part);
  const end = within || LEXICON.yearEnds.includes(part);
  const month = end ? 12 : (LEXICON.yearParts[part] ?? 12);
  const cue: EndCue = within ? "within" : end ? "end" : null;
  return { due: year === null ? null : monthEnd(year, month), cue };
}

function yearPoint(g: Groups, year: number | null): TimePoint {
  const part = g.yearPart ?? g.yearPart2 ?? g.yearPart3;
  if (part !== undefined) return yearPartPoint(part, year);
  if (year === null) return { due: null, cue: null };
  // "2019年前" is read like "3月前": before 2019, i.e. by the end of 2018.
  return { due: g.before !== undefined ? isoDate(year, 1, 0) : monthEnd(year, 12), cue: null };
}

function timePoint(g: Groups, year: number | null): TimePoint | null {
  if (year !== null && !validYear(year)) return null;
  const month = g.month ?? g.month2;
  return month === undefined ? yearPoint(g, year) : monthPoint(g, year, parseMonth(month));
}

const RECURRENCE_WORDS = [...PATTERNS.recurring.text.table.keys()];

/** "每年12月底清理" repeats every year: its "12月底" is not a one-off due date. */
function precededByRecurrence(text: string, index: number): boolean {
  return RECURRENCE_WORDS.some((phrase) => text.endsWith(phrase, index));
}

function followedByCompletion(text: string, index: number): boolean {
  PATTERNS.completion.lastIndex = index;
  return PATTERNS.completion.test(text);
}

function toDateHit(
  match: RegExpMatchArray,
  text: string,
  year: number | null,
): DateHit | undefined {
  const g: Groups = match.groups ?? {};
  const point = timePoint(g, mentionYear(g, year));
  if (point === null) return undefined;
  const start = match.index ?? 0;
  const end = start + match[0].length;
  const prefix = g.prefix;
  const isStart = prefix !== undefined && !LEXICON.deadlinePrefixes.includes(prefix);
  const canBeDue = !isStart && g.tail === undefined && !precededByRecurrence(text, start);
  // A bare "年底"/"年末" in prose is usually a point in a yearly cycle ("年末有考评"); with a
  // year ("2018年底实现…") it is a target.
  const namesYear = g.year !== undefined || g.relYear !== undefined;
  const cued =
    g.before !== undefined ||
    point.cue === "within" ||
    (point.cue === "end" && namesYear) ||
    (prefix !== undefined && LEXICON.deadlinePrefixes.includes(prefix)) ||
    followedByCompletion(text, end);
  return { start, end, due: point.due, canBeDue, cued };
}

const overlaps = (a: Span, spans: Span[]): boolean =>
  spans.some((b) => a.start < b.end && b.start < a.end);

function spansOf(pattern: RegExp, text: string): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

function dateHits(text: string, year: number | null, masked: Span[]): DateHit[] {
  const hits: DateHit[] = [];
  for (const match of text.matchAll(PATTERNS.date)) {
    const hit = toDateHit(match, text, year);
    if (hit?.canBeDue && !overlaps(hit, masked)) hits.push(hit);
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Periods ("2018—2022年", "2018年4月至2019年10月").

function periodStart(g: Groups, year: number): string | null {
  if (g.startMonth === undefined) return isoDate(year, 1, 1);
  const month = Number(g.startMonth);
  const day = g.startDay === undefined ? 1 : Number(g.startDay);
  return day > daysIn(year, month) ? null : isoDate(year, month, day);
}

function periodEnd(g: Groups, year: number): string | null {
  if (g.endMonth === undefined) return monthEnd(year, 12);
  const month = Number(g.endMonth);
  const part = g.endMonthPart === undefined ? undefined : LEXICON.monthParts[g.endMonthPart];
  const day = g.endDay === undefined ? (part ?? "end") : Number(g.endDay);
  if (day === "end") return monthEnd(year, month);
  return day > daysIn(year, month) ? null : isoDate(year, month, day);
}

function toPeriodHit(match: RegExpMatchArray): Hit | undefined {
  const g: Groups = match.groups ?? {};
  const startYear = Number(g.startYear);
  const endYear = g.endYear === undefined ? startYear : Number(g.endYear);
  const hasEnd = g.endYear !== undefined || g.endMonth !== undefined || g.endYearPart !== undefined;
  // A bare "2018" only starts a period when the end names its year ("2018-2022年").
  const bareStartOk =
    g.startY !== undefined || (g.endYear !== undefined && g.endMonth === undefined);
  if (!hasEnd || !bareStartOk || !validYear(startYear) || !validYear(endYear)) return undefined;
  const start = periodStart(g, startYear);
  const due = periodEnd(g, endYear);
  if (start === null || due === null || due < start) return undefined;
  const index = match.index ?? 0;
  return {
    start: index,
    end: index + match[0].length,
    deadline: { kind: "period", due, start, every: null },
  };
}

function periodHits(text: string, masked: Span[]): Hit[] {
  const hits: Hit[] = [];
  for (const match of text.matchAll(PATTERNS.period)) {
    const hit = toPeriodHit(match);
    if (hit !== undefined && !overlaps(hit, masked)) hits.push(hit);
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Words: recurrence, mandate, ongoing.

function wordHit(pattern: RegExp, text: string, deadline: Omit<Deadline, "raw">): Hit | undefined {
  const match = pattern.exec(text);
  if (match === null) return undefined;
  return { start: match.index, end: match.index + match[0].length, deadline };
}

function recurrenceHit(text: string, mode: Mode): Hit | undefined {
  const { table, pattern } = PATTERNS.recurring[mode];
  const match = pattern.exec(text);
  const every = match === null ? undefined : table.get(match[0]);
  if (match === null || every === undefined) return undefined;
  const deadline = { kind: "recurring", due: null, start: null, every } as const;
  return { start: match.index, end: match.index + match[0].length, deadline };
}

const WORD_DEADLINE = { due: null, start: null, every: null } as const;

function mandateHit(text: string): Hit | undefined {
  return wordHit(PATTERNS.mandate, text, { ...WORD_DEADLINE, kind: "mandate" });
}

function ongoingHit(text: string, mode: Mode): Hit | undefined {
  return wordHit(PATTERNS.ongoing[mode], text, { ...WORD_DEADLINE, kind: "ongoing" });
}

function dateHit(date: DateHit | undefined): Hit | undefined {
  if (date === undefined) return undefined;
  return {
    start: date.start,
    end: date.end,
    deadline: { ...WORD_DEADLINE, kind: "date", due: date.due },
  };
}

/** The hit whose due date is latest; an unknown (null) due loses to any known one. */
function latest<T extends { due: string | null }>(hits: T[]): T | undefined {
  let best: T | undefined;
  for (const hit of hits) {
    if (best === undefined || (hit.due !== null && (best.due === null || hit.due > best.due))) {
      best = hit;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Entry points.

/** Builds the result with its keys in the model's order, so serialised output is stable. */
function withRaw(raw: string, d: Omit<Deadline, "raw">): Deadline {
  return { raw, kind: d.kind, due: d.due, start: d.start, every: d.every };
}

/**
 * Reads a whole 时间要求 cell, such as "2018年12月底前完成", "2018—2022年", "每年推进", "持续推进"
 * or "执行党中央和省委规定". Preference: a due date, then a period, a recurrence, a mandate, an
 * ongoing phrase. When a cell has two parts ("2018年3月前取得阶段性成果，2018年4月至2019年10月持续推进")
 * the first due date wins: it is the commitment the cell leads with.
 *
 * @param phrase the cell text, full- or half-width, spaces allowed.
 * @param options `year` resolves phrases without a year ("6月底前"); when null their `due` is null.
 * @returns the deadline, with `raw` = the trimmed phrase; kind "none" when nothing is recognised.
 */
export function parseDeadline(phrase: string, options: DeadlineOptions): Deadline {
  const raw = phrase.trim();
  if (raw === "") return NO_DEADLINE;
  const text = foldKeepingOffsets(raw).text;
  const masked = spansOf(PATTERNS.title, text);
  const periods = periodHits(text, masked);
  const date = dateHits(text, documentYear(options), [...masked, ...periods])[0];
  const hit =
    dateHit(date) ??
    periods[0] ??
    recurrenceHit(text, "cell") ??
    mandateHit(text) ??
    ongoingHit(text, "cell");
  return withRaw(raw, hit?.deadline ?? NO_DEADLINE);
}

/**
 * Finds the deadline written inside a task's free text, e.g. "2018年底" in
 * "…全面推广政务钉钉，2018年底实现政务钉钉全覆盖。". Preference: a date phrased as a deadline
 * (…前, …底, 到…, …年内, or followed by 完成/实现…), then a period, a recurrence, an ongoing
 * phrase. Starts ("2018年起", "自2017年1月1日起") and bare dates of events are never due dates.
 * Mandates are not looked for: prose such as "落实国家要求" is not a time requirement.
 *
 * When several deadlines appear ("港区2018年底前完成，产业园2019年底前完成") the latest one is
 * taken, because the task as a whole is only done when its last part is.
 *
 * @param text a body paragraph or sentence, full- or half-width, spaces allowed.
 * @param options `year` resolves phrases without a year ("6月底前"); when null their `due` is null.
 * @returns the deadline with `raw` = the matched phrase as printed, or NO_DEADLINE.
 */
export function findDeadline(text: string, options: DeadlineOptions): Deadline {
  const folded = foldKeepingOffsets(text);
  const masked = spansOf(PATTERNS.title, folded.text);
  const periods = periodHits(folded.text, masked);
  const dates = dateHits(folded.text, documentYear(options), [...masked, ...periods]).filter(
    (d) => d.cued,
  );
  const hit =
    dateHit(latest(dates)) ??
    latest(periods.map((p) => ({ ...p, due: p.deadline.due }))) ??
    recurrenceHit(folded.text, "text") ??
    ongoingHit(folded.text, "text");
  if (hit === undefined) return NO_DEADLINE;
  return withRaw(text.slice(folded.from[hit.start], folded.to[hit.end - 1]), hit.deadline);
}
