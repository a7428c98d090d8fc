import type { FieldSource, Level, PlanDocument } from "../model/document.js";
import type { Line } from "../model/source.js";
import { levelsLexicon, structureLexicon } from "../text/lexicons.js";
import { OUTLINE_START } from "../text/patterns.js";
import { YEAR_NOTE } from "../text/titles.js";
import { type DocumentHeader, isTitleShaped } from "./header.js";
import type { EvidenceKind, LevelEvidence } from "./level-evidence.js";
import { dateOfLine, endsLikeTitle, isOrganLine, isPlausibleYear } from "./text-shapes.js";

/** The header fields of a document and how each was found (see FieldSource). */
export interface Found {
  title: string | null;
  issuer: string | null;
  date: string | null;
  level: Level;
  found: PlanDocument["found"];
}

/** A title standing alone on the first or a closing line is short (数字山东2021行动方案). */
const MAX_BARE_TITLE = 40;
/** Lines a title may take at the start of a document without a cover. */
const FIRST_TITLE_LINES = 2;
/** Sentence punctuation a bare title never holds (folded: ，→, ；→; ：→:). */
const SENTENCE_MARK = /[。,;:!?、]/;

const NONE: FieldSource = { from: "none", line: null, confidence: "none" };

/**
 * Decides the title, issuer, date and level of one document and says how each was found, after
 * `readHeader` (the cover and the signature before the body) and, when the cover gives no level,
 * `inferLevel` (addressee, signature, self-references). What they read is kept as it is; this only
 * adds what a document without a cover still shows, each with a lower confidence:
 *
 * - title: the cover's (high); else a title-like first line standing alone (数字山东2021行动方案,
 *   medium); else a title-like line right above the closing signature (low). A title cited by the
 *   text (为贯彻落实《…》) names the parent, never this document, and is not used.
 * - issuer: the cover's or its signature's (high); else a signature at the end (high). A printed-by
 *   line names the printing office, not the issuer: it gives none.
 * - date: the 成文日期 under the cover's or signature's organ (high; a cover's year and month
 *   only, 二〇二一年十一月: the first of the month, low); else the date of a signature
 *   at the end (high); else, only when there is no other, the 印发 date of the closing block
 *   (…办公厅2020年12月10日印发, from "printed", low).
 * - level: the cover's issuer or title (high); else the most trusted evidence that agrees with the
 *   level decided: addressee or signature (high), printed-by line or self-references (medium),
 *   the bracket of a cited basis document (citation, low).
 *
 * A field not found is null with from "none", confidence "none": nothing is guessed silently.
 * `headerLevel` is `levelOf(header.issuer ?? header.title)`; `evidence` is null when it is known.
 */
export function readFound(
  lines: Line[],
  header: DocumentHeader,
  evidence: LevelEvidence | null,
  headerLevel: Level,
): Found {
  const title = findTitle(lines, header);
  const issuer = findIssuer(lines, header, evidence);
  const date = findDate(lines, header, evidence);
  const level = findLevel(lines, header, evidence, headerLevel);
  return {
    title: title.value,
    issuer: issuer.value,
    date: date.value,
    level: level.value,
    found: { title: title.source, issuer: issuer.source, level: level.source, date: date.source },
  };
}

/**
 * The year of a document: that of its date, else the first plausible year of its title (a year
 * written with 年 first, as parse-plan reads it today: …(2018-2022年) → 2022; then a bare one:
 * 数字山东2021行动方案 → 2021); else null. Implausible years (see PLAUSIBLE_YEARS) never count.
 */
export function documentYear(date: string | null, title: string | null): number | null {
  const fromDate = date ? Number(date.slice(0, 4)) : null;
  if (fromDate !== null && isPlausibleYear(fromDate)) return fromDate;
  for (const pattern of [/(\d{4})年/g, /(?<!\d)(\d{4})(?!\d)/g]) {
    for (const m of title?.matchAll(pattern) ?? []) {
      const year = Number(m[1]);
      if (isPlausibleYear(year)) return year;
    }
  }
  return null;
}

interface Field<T> {
  value: T;
  source: FieldSource;
}

const none = <T>(value: T): Field<T> => ({ value, source: NONE });

function source(
  from: FieldSource["from"],
  line: number | null,
  confidence: FieldSource["confidence"],
): FieldSource {
  return { from, line, confidence };
}

/** "cover" for a line before the body, "signature" for the organ and date lines after it. */
function headOrTail(lines: Line[], header: DocumentHeader, line: number): "cover" | "signature" {
  const index = lines.findIndex((l) => l.line === line);
  return index >= 0 && index >= header.bodyStart ? "signature" : "cover";
}

function findTitle(lines: Line[], header: DocumentHeader): Field<string | null> {
  if (header.title !== null) {
    return { value: header.title, source: source("cover", header.lineOf.title, "high") };
  }
  const first = firstLineTitle(lines, header);
  if (first) return { value: first.text, source: source("first-line", first.line, "medium") };
  const closing = closingLineTitle(lines, header);
  if (closing) return { value: closing.text, source: source("signature", closing.line, "low") };
  return none(null);
}

/** A bare title: short, one sentence-less phrase that ends like a document type. */
function isBareTitle(norm: string): boolean {
  const { attachmentHeadings } = structureLexicon();
  return (
    norm.length <= MAX_BARE_TITLE &&
    isTitleShaped(norm) &&
    endsLikeTitle(norm) &&
    !SENTENCE_MARK.test(norm) &&
    !/[《》]/.test(norm) &&
    // A quoted word inside (某省“十四五”…规划), never a line that quotes or is quoted.
    !/^[“”]|[“”]$/.test(norm) &&
    !OUTLINE_START.test(norm) &&
    !isOrganLine(norm) &&
    !attachmentHeadings.some((w) => norm.startsWith(w))
  );
}

/**
 * 数字山东2021行动方案 standing alone on the first line of a document without a cover, or broken
 * over its first two lines (…关于加快推进 / …的实施意见).
 */
function firstLineTitle(
  lines: Line[],
  header: DocumentHeader,
): { text: string; line: number } | null {
  const [first, second] = lines;
  if (!first || header.bodyStart === 0) return null;
  if (isBareTitle(first.norm)) {
    // Its period on the next line, as a printed cover sets it: …规划 / （2021—2030年）.
    const years = second && header.bodyStart > 1 && YEAR_NOTE.test(second.norm);
    return { text: years ? first.text + second.text : first.text, line: first.line };
  }
  if (!second || header.bodyStart < FIRST_TITLE_LINES || SENTENCE_MARK.test(first.norm))
    return null;
  if (endsLikeTitle(first.norm) || !isBareTitle(first.norm + second.norm)) return null;
  return { text: first.text + second.text, line: first.line };
}

/** A signature's organ: 某某市人民政府, 工业和信息化部 (short, no punctuation, an organ's ending). */
function isSigningOrgan(norm: string): boolean {
  if (isOrganLine(norm)) return true;
  if (norm.length > MAX_BARE_TITLE || /[\p{P}\d]/u.test(norm)) return false;
  return levelsLexicon().evidence.signatureEndings.some((w) => norm.endsWith(w));
}

/** A title standing alone right above the closing signature (organ and date lines). */
function closingLineTitle(
  lines: Line[],
  header: DocumentHeader,
): { text: string; line: number } | null {
  let i = Math.min(header.contentEnd, lines.length) - 1;
  let signature = 0;
  while (i > 0 && signature < 2) {
    const norm = (lines[i] as Line).norm;
    if (dateOfLine(norm) === null && !isSigningOrgan(norm)) break;
    signature++;
    i--;
  }
  const line = lines[i];
  if (signature === 0 || !line || i < header.bodyStart || !isBareTitle(line.norm)) return null;
  return { text: line.text, line: line.line };
}

function findIssuer(
  lines: Line[],
  header: DocumentHeader,
  evidence: LevelEvidence | null,
): Field<string | null> {
  if (header.issuer !== null) {
    const line = header.lineOf.issuer;
    const from = line === null ? "cover" : headOrTail(lines, header, line);
    return { value: header.issuer, source: source(from, line, "high") };
  }
  if (evidence?.issuer) {
    return { value: evidence.issuer, source: source("signature", evidence.issuerLine, "high") };
  }
  return none(null);
}

function findDate(
  lines: Line[],
  header: DocumentHeader,
  evidence: LevelEvidence | null,
): Field<string | null> {
  if (header.date !== null) {
    const line = header.lineOf.date;
    const from = line === null ? "cover" : headOrTail(lines, header, line);
    // A cover's year and month give no day: the first of the month, said with low confidence.
    return { value: header.date, source: source(from, line, header.monthOnly ? "low" : "high") };
  }
  if (evidence?.date) {
    return { value: evidence.date, source: source("signature", evidence.dateLine, "high") };
  }
  if (header.printedDate !== null) {
    return {
      value: header.printedDate,
      source: source("printed", header.lineOf.printedDate, "low"),
    };
  }
  return none(null);
}

const EVIDENCE_SOURCE: Record<EvidenceKind, [FieldSource["from"], FieldSource["confidence"]]> = {
  addressee: ["addressee", "high"],
  signature: ["signature", "high"],
  printed: ["printed", "medium"],
  "self-reference": ["self-reference", "medium"],
  citation: ["citation", "low"],
};

function findLevel(
  lines: Line[],
  header: DocumentHeader,
  evidence: LevelEvidence | null,
  headerLevel: Level,
): Field<Level> {
  if (!evidence) {
    if (headerLevel === "unknown") return none(headerLevel);
    // levelOf read header.issuer ?? header.title.
    const line = header.issuer !== null ? header.lineOf.issuer : header.lineOf.title;
    const from = line === null ? "cover" : headOrTail(lines, header, line);
    return { value: headerLevel, source: source(from, line, "high") };
  }
  if (evidence.level === "unknown" || !evidence.basis) return none(evidence.level);
  const [from, confidence] = EVIDENCE_SOURCE[evidence.basis.kind];
  return { value: evidence.level, source: source(from, evidence.basis.line, confidence) };
}
