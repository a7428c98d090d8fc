import { type Level, LevelSchema, type PlanDocument } from "../model/document.js";
import { levelsLexicon } from "../text/lexicons.js";
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
 * The level a place name opening a cited title says (杭州市… → city, 浙江省… → province), from the
 * suffixes of data/lexicon/levels.json `titlePlace`; null when the title opens with no place.
 */
function titlePlaceLevel(title: string): Level | null {
  const { titlePlace, suffixLevels } = levelsLexicon();
  const name = title.startsWith("关于") ? title.slice(2) : title;
  for (let end = 2; end <= 4 && end < name.length; end++) {
    const suffix = titlePlace.suffixes.find((s) => name.startsWith(s, end));
    if (!suffix || titlePlace.notPlaceBefore.includes(name[end - 1] as string)) continue;
    const level = LevelSchema.safeParse(suffixLevels.find(([s]) => s === suffix)?.[1]);
    return level.success ? level.data : null;
  }
  return null;
}
