import type { PlanDocument } from "../model/document.js";
import { docNumberParts, MIN_CORE, titleCore } from "../text/titles.js";

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
