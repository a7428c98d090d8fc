/**
 * Document titles and 文号 as citations name them, reduced to what two spellings of the same
 * document share: `titleCore` drops quotes, brackets, dashes and spaces (so 《…（2018-2022年）》 and
 * …(2018—2022年) agree) and the notice wrapper (XX关于印发…的通知 → …) or, without one, the issuer
 * (XX关于… → 关于…), and `docNumberParts` reads a
 * 文号 as issuer code, year and number (鲁工信技〔2020〕1号 ≈ 鲁工信技[2020]01号). The wrapper words
 * are in data/lexicon/citations.json.
 */

import { containment, contentBigrams } from "./bigrams.js";
import { lettersOf } from "./fingerprints.js";
import { fold } from "./fold.js";
import { citationsLexicon, deadlinesLexicon } from "./lexicons.js";
import { withoutBracketed } from "./names.js";
import { YEAR_CLOSE, YEAR_OPEN } from "./patterns.js";

/** A title core shorter than this (实施方案, 工作要点) names no one document. */
export const MIN_CORE = 6;

/** A title reduced to its letters and digits, without the notice wrapper (see the module). */
export function titleCore(title: string): string {
  const { about, issuing, noticeEndings } = citationsLexicon().wrapper;
  let s = lettersOf(fold(title));
  for (const verb of issuing) {
    for (const a of about) {
      const at = s.indexOf(a + verb);
      if (at >= 0) {
        s = s.slice(at + a.length + verb.length);
        for (const end of noticeEndings) {
          if (s.endsWith(end) && s.length > end.length) {
            s = s.slice(0, -end.length);
            break;
          }
        }
        return s;
      }
    }
  }
  // Without a wrapper, the issuer before 关于 is left out: 《关于…的意见》 cites 国务院关于…的意见.
  for (const a of about) {
    const at = s.indexOf(a);
    if (at > 0) return s.slice(at);
  }
  return s;
}

/** A title core without its years (数字山东发展规划20182022年 → 数字山东发展规划). */
export function yearless(core: string): string {
  return core.replace(/\d+年?/g, "");
}

/** A title's period or edition in brackets on a line of its own (folded): (2021-2030年), (2023年修订). */
export const YEAR_NOTE = /^\([^)]*\d{4}[^)]*\)$/;

/** A title without a period or edition note at its end (folded): …规划(2021-2030年) → …规划. */
export function withoutYearNote(norm: string): string {
  return norm.replace(/\([^)]*\d{4}[^)]*\)$/, "");
}

/** A whole title a page prints in 《》 (《…关于印发《…》的通知》) without them; any other text as is. */
export function withoutPageQuotes(title: string): string {
  return /^《[^《》]*(?:《[^《》]*》[^《》]*)*》$/.test(title) ? title.slice(1, -1) : title;
}

/** The parts of a 文号: 鲁工信技〔2020〕1号 → code 鲁工信技, year 2020, number 1. */
export interface DocNumberParts {
  code: string;
  year: number;
  number: number;
}

const DOC_NUMBER = new RegExp(
  `^(.+?)${YEAR_OPEN}\\s*(\\d{4})\\s*${YEAR_CLOSE}\\s*第?\\s*(\\d+)\\s*号?$`,
  "u",
);

/** Reads a 文号 (folded or not); null when it does not have the code〔year〕number shape. */
export function docNumberParts(docNumber: string): DocNumberParts | null {
  const m = DOC_NUMBER.exec(fold(docNumber).replace(/\s+/g, ""));
  if (!m) return null;
  return { code: lettersOf(m[1] as string), year: Number(m[2]), number: Number(m[3]) };
}

/**
 * How well a cited title fits a document's opening (`opening`: what the document says before its
 * first heading, the titles it cites itself left out): the share of the title core's bigrams,
 * years aside, found there. A pile weighs the bigrams by rarity (discover/content.ts); a single
 * pair has no pile, so the fit is compared with the citing document's own opening instead (see
 * `citesByOpening` in diff/cites.ts).
 */
export function openingFit(citedTitle: string, opening: string): number {
  const core = yearless(titleCore(citedTitle));
  if (core.length < MIN_CORE) return 0;
  const { open, close } = deadlinesLexicon().quotedTitle;
  const own = withoutBracketed(fold(opening), fold(open), fold(close));
  return containment(contentBigrams(core), contentBigrams(lettersOf(own)));
}
