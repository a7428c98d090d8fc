import type { Reference } from "../model/document.js";
import type { Line } from "../model/source.js";
import { structureLexicon } from "../text/lexicons.js";
import { DOC_NUMBER } from "../text/patterns.js";
import { titleCore } from "../text/titles.js";

const CITATION = new RegExp(`《([^》]+)》(?:\\((${DOC_NUMBER.source})\\))?`, "g");
const BARE_NUMBER = new RegExp(`\\((${DOC_NUMBER.source})\\)`, "g");

/**
 * Parent documents the preamble cites: 根据《…通知》（浙政发〔2018〕16号）. Only titles after a
 * citing verb count, or a title the sentence says this plan carries on (《…规划》实施以来), and not
 * in the sentence that issues the plan itself (…印发给你们), nor the plan its own title names
 * (关于印发《…》的通知).
 */
export function findReferences(
  lines: Line[],
  ownNumber: string | null,
  ownTitle: string | null = null,
): Reference[] {
  const { citingVerbs, citingAfter, ownPlanMarkers } = structureLexicon();
  const refs: Reference[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    for (const sentence of sentencesOf(line)) {
      const { norm, text } = sentence;
      // The sentence that issues the plan (…制定了《…》，现印发给你们) may cite its basis first
      // (根据《…》，…): with the plan's own title known it is told apart; without, skipped.
      if (ownTitle === null && ownPlanMarkers.some((w) => norm.includes(w))) continue;
      const firstVerb = Math.min(...citingVerbs.map((v) => indexOr(norm, v)));
      // 《…规划》实施以来: the plan this one carries on, named without a citing verb.
      const carriedOn = (m: RegExpMatchArray) =>
        citingAfter.some((w) => norm.startsWith(w, (m.index ?? 0) + m[0].length));
      for (const m of norm.matchAll(CITATION)) {
        if ((m.index ?? 0) < firstVerb && !carriedOn(m)) continue;
        const start = (m.index ?? 0) + 1;
        const title = text.slice(start, start + (m[1] as string).length);
        // The plan the notice issues (关于印发《…》的通知: 我们制定了《…》。现印发给你们) is no parent.
        if (ownTitle !== null && isOwnPlan(title, ownTitle)) continue;
        addRef(refs, seen, title, numberAt(text, m, 2), line.line, ownNumber);
      }
      for (const m of norm.matchAll(BARE_NUMBER)) {
        if ((m.index ?? 0) < firstVerb || norm[(m.index ?? 1) - 1] === "》") continue;
        addRef(refs, seen, null, numberAt(text, m, 1), line.line, ownNumber);
      }
    }
  }
  return refs;
}

/**
 * Whether a cited title is the plan's own: quoted in its title (关于印发《X》的通知), or its title
 * once the notice's wrapper is set aside (关于印发X的通知). A plan carrying out X (X实施方案) cites X.
 */
function isOwnPlan(title: string, ownTitle: string): boolean {
  return ownTitle.includes(`《${title}》`) || titleCore(ownTitle) === titleCore(title);
}

function addRef(
  refs: Reference[],
  seen: Set<string>,
  title: string | null,
  docNumber: string | null,
  line: number,
  ownNumber: string | null,
): void {
  if (docNumber && docNumber === ownNumber) return;
  const key = `${title ?? ""}|${docNumber ?? ""}`;
  if (seen.has(key)) return;
  seen.add(key);
  refs.push({ title, docNumber, line });
}

/** The display text of capture group `group` of a match found in the folded text. */
function numberAt(text: string, m: RegExpMatchArray, group: number): string | null {
  const value = m[group];
  if (!value) return null;
  const at = (m.index ?? 0) + m[0].indexOf(value);
  return text.slice(at, at + value.length);
}

function indexOr(s: string, word: string): number {
  const at = s.indexOf(word);
  return at < 0 ? Number.POSITIVE_INFINITY : at;
}

function sentencesOf(line: Line): { norm: string; text: string }[] {
  const out: { norm: string; text: string }[] = [];
  let start = 0;
  for (let i = 0; i <= line.norm.length; i++) {
    if (i === line.norm.length || line.norm[i] === "。") {
      if (i > start) out.push({ norm: line.norm.slice(start, i), text: line.text.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}
