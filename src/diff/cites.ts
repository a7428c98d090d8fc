import type { Level, PlanDocument } from "../model/document.js";
import { docNumberParts, MIN_CORE, openingFit, titleCore } from "../text/titles.js";

/**
 * Whether `citing` cites `cited` by its 文号 (issuer code, year and number alike, however
 * bracketed) or by its title or plan title (title cores equal: no notice wrapper, quotes, brackets
 * or dashes; see text/titles.ts). Whole titles only: a child's own title contains its parent's
 * (X实施方案 contains X).
 */
export function cites(citing: PlanDocument, cited: PlanDocument): boolean {
  const cores = new Set(
    [cited.title, cited.planTitle]
      .flatMap((t) => (t ? [titleCore(t)] : []))
      .filter((core) => core.length >= MIN_CORE),
  );
  const number = cited.docNumber ? docNumberParts(cited.docNumber) : null;
  return citing.references.some((r) => {
    const n = r.docNumber ? docNumberParts(r.docNumber) : null;
    if (
      n &&
      number &&
      n.code === number.code &&
      n.year === number.year &&
      n.number === number.number
    )
      return true;
    return r.title !== null && cores.has(titleCore(r.title));
  });
}

/** A cited title fits a cover-less document's opening from this share of its bigrams… */
const OPENING_FIT = 0.7;
/** …and better than the citing document's own opening by this much (else it names a subject). */
const OPENING_MARGIN = 0.2;

/**
 * Whether `citing` cites `cited`, a document without a cover title, by a title that fits what
 * `cited` says of itself before its first heading (为…，制定本行动方案) — and fits it clearly
 * better than the citing document's own opening, so that a title naming the subject both treat
 * does not count (text/titles.ts `openingFit`).
 */
export function citesByOpening(citing: PlanDocument, cited: PlanDocument): boolean {
  if (cited.title !== null || cited.planTitle !== null || cited.opening === "") return false;
  return citing.references.some((r) => {
    if (r.title === null) return false;
    // A title that opens with a place of another level (X市… for a province plan) is another's.
    const named = titlePlaceLevel(r.title);
    if (named !== null && cited.level !== "unknown" && named !== cited.level) return false;
    const fit = openingFit(r.title, cited.opening);
    return fit >= OPENING_FIT && fit - openingFit(r.title, citing.opening) >= OPENING_MARGIN;
  });
}

/**
 * A place name opening a title, with the level its suffix says: 杭州市… → city, 浙江省… → province
 * (not 全市, 城市, 都市, 本省, 我县…: the character before the suffix rules those out).
 */
const TITLE_PLACE: [RegExp, Level][] = [
  [/^(?:关于)?\p{Script=Han}{2,4}?(?<![城都全各本我超股门])省/u, "province"],
  [/^(?:关于)?\p{Script=Han}{2,4}?(?<![城都全各本我超股门])市/u, "city"],
  [/^(?:关于)?\p{Script=Han}{2,4}?(?<![城都全各本我超股门])县/u, "county"],
];

/** The level a cited title's opening place name says, or null when it opens with none. */
function titlePlaceLevel(title: string): Level | null {
  for (const [re, level] of TITLE_PLACE) if (re.test(title)) return level;
  return null;
}
