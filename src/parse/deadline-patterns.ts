/**
 * The regular expressions that read deadline phrases (dates, periods, recurrence, mandates,
 * ongoing work), built once from data/lexicon/deadlines.json.
 */
import { type Recurrence, RecurrenceSchema } from "../model/deadline.js";
import { type DeadlinesLexicon, deadlinesLexicon } from "../text/lexicons.js";
import { escapeRegExp } from "../text/regexp.js";

type Lexicon = DeadlinesLexicon;

/** data/lexicon/deadlines.json. */
export const LEXICON: Lexicon = deadlinesLexicon();

const MONTH = "1[0-2]|0?[1-9]";
const DAY = String.raw`3[01]|[12]\d|0?[1-9]`;

/** Alternation of phrases, longest first so that "每半年" is not read as a shorter phrase. */
function alt(phrases: Iterable<string>): string {
  const sorted = [...phrases].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // An empty list must match nothing, not the empty string.
  return sorted.length > 0 ? sorted.join("|") : "(?!)";
}

function recurrenceTable(...sources: Lexicon["recurring"][]): Map<string, Recurrence> {
  const table = new Map<string, Recurrence>();
  for (const source of sources) {
    for (const every of RecurrenceSchema.options) {
      for (const phrase of source[every] ?? []) table.set(phrase, every);
    }
  }
  return table;
}

function buildPatterns(lex: Lexicon) {
  const y = escapeRegExp(lex.yearSuffix);
  const m = escapeRegExp(lex.monthSuffix);
  const d = `(?:${alt(lex.daySuffixes)})`;
  const monthPart = alt(Object.keys(lex.monthParts));
  const numerals = Object.keys(lex.monthNumerals);
  const yearEnds = [...lex.yearEnds, ...lex.withinYear];
  const blockers = [...lex.yearlessBlockers, ...numerals.filter((n) => n.length === 1)]
    .map(escapeRegExp)
    .join("");

  const withYear =
    `(?:(?<!\\d)(?<year>\\d{4})${y}|(?<relYear>${alt(Object.keys(lex.relativeYears))}))` +
    `(?:(?<month>${MONTH}|${alt(numerals)})${m}(?:(?<day>${DAY})${d}|(?<monthPart>${monthPart}))?` +
    `|(?<yearPart>${alt([...yearEnds, ...Object.keys(lex.yearParts)])}))?`;
  // A date without a year; the look-behind keeps "三年内" or "每年底" from reading as "年内"/"年底".
  const yearless =
    `(?<![\\d${blockers}])` +
    `(?:(?<month2>${MONTH})${m}(?:(?<day2>${DAY})${d}|(?<monthPart2>${monthPart}))?` +
    `|${y}(?<yearPart2>${alt(yearEnds)})|(?<yearPart3>${alt(Object.keys(lex.yearParts))}))`;
  const prefixes = [...lex.deadlinePrefixes, ...lex.startPrefixes, ...lex.notDuePrefixes];
  const date = new RegExp(
    `(?<prefix>${alt(prefixes)})?(?:${withYear}|${yearless})` +
      `(?<before>${alt(lex.beforeMarkers)})?(?<tail>${alt(lex.notDueSuffixes)})?`,
    "g",
  );

  const period = new RegExp(
    `(?<!\\d)(?<startYear>\\d{4})(?:(?<startY>${y})(?:(?<startMonth>${MONTH})${m}(?:(?<startDay>${DAY})${d})?)?)?` +
      `(?:${alt(lex.rangeSeparators)}){1,2}` +
      `(?:(?<endYear>\\d{4})${y})?` +
      `(?:(?<endMonth>${MONTH})${m}(?:(?<endDay>${DAY})${d}|(?<endMonthPart>${monthPart}))?` +
      `|(?:${y})?(?<endYearPart>${alt(yearEnds)}))?`,
    "g",
  );

  const { verbs, authorities, connectors, qualifiers, objects } = lex.mandate;
  const mandate = new RegExp(
    `(?:${alt(verbs)})(?:(?:${alt(authorities)})(?:${alt(connectors)})?)+` +
      `(?:${alt(qualifiers)})*(?:${alt(objects)})`,
  );

  const { open, close } = lex.quotedTitle;
  const recurringText = recurrenceTable(lex.recurring);
  const recurringCell = recurrenceTable(lex.recurring, lex.recurringInCells);
  return {
    date,
    period,
    mandate,
    title: new RegExp(`${escapeRegExp(open)}[^${escapeRegExp(close)}]*${escapeRegExp(close)}`, "g"),
    // Sticky: tested right where a date mention ends, without slicing the text.
    completion: new RegExp(
      `,?(?:${alt(lex.completionAdverbs)}){0,2}(?:${alt(lex.completionVerbs)})`,
      "y",
    ),
    recurring: {
      text: { table: recurringText, pattern: new RegExp(alt(recurringText.keys())) },
      cell: { table: recurringCell, pattern: new RegExp(alt(recurringCell.keys())) },
    },
    ongoing: {
      text: new RegExp(alt(lex.ongoing)),
      cell: new RegExp(alt([...lex.ongoing, ...lex.ongoingInCells])),
    },
  };
}

/** The patterns of a deadline phrase. */
export const PATTERNS = buildPatterns(LEXICON);
