import type { ParentCoverage } from "../model/alignment.js";
import { type PairVerdict, VERDICT_NAMES } from "../model/compare.js";
import { LEVEL_LABELS, LEVEL_RANK, type PlanDocument } from "../model/document.js";
import type { Finding } from "../model/finding.js";
import type { Lang } from "../model/lang.js";
import { type Bigrams, charGrams, codeSet, containment } from "../text/bigrams.js";
import { normalizeForMatching } from "../text/segment.js";
import { weakCache } from "../util/caches.js";
import { cites, citesByOpening } from "./cites.js";
import { say } from "./context.js";

/**
 * Length of the runs of characters that count as text repeated word for word. Plans that
 * implement one another repeat whole phrases of eight characters and more; unrelated plans share
 * only a few set phrases at that length.
 */
const RUN = 8;

/**
 * Shares of repeated text (see `sharedText`) and of carried sentences (mean parent coverage) from
 * which two plans are related by content. Measured on all 342 ordered pairs of the 19 bundled plans
 * (docs/evaluation.md § Pair verdict): the five true parent/child pairs repeat 0.12–0.58 of the
 * smaller plan's runs, the pairs found unrelated at most 0.033; those carry at most 0.23 of the
 * parent's sentences, the ministry → province pair 0.44.
 */
const SHARED_RELATED = 0.05;
const CARRIED_RELATED = 0.3;

/** By plan: a parent plan's runs serve every child compared with it. */
const runsOfPlan = weakCache<PlanDocument, Bigrams>("planRuns");

/** The distinct 8-character runs of a plan's task texts (appendix rows are the body's summaries). */
function runsOf(doc: PlanDocument): Bigrams {
  let found = runsOfPlan.get(doc);
  if (!found) {
    found = codeSet(
      doc.tasks
        .filter((t) => t.source !== "appendix")
        .flatMap((t) => charGrams(normalizeForMatching(t.text), RUN).codes),
    );
    runsOfPlan.set(doc, found);
  }
  return found;
}

/**
 * Share of the smaller plan's distinct runs that the other repeats: how much text the two share
 * word for word, whichever is longer.
 */
export function sharedText(a: PlanDocument, b: PlanDocument): number {
  const ra = runsOf(a);
  const rb = runsOf(b);
  if (ra.size === 0 || rb.size === 0) return 0;
  return ra.size <= rb.size ? containment(ra, rb) : containment(rb, ra);
}

/** A level or date read with low confidence (a guess) orders nothing: a wrong order fails a run. */
const sure = (source: { confidence: string }) =>
  source.confidence === "high" || source.confidence === "medium";

function levelOrder(parent: PlanDocument, child: PlanDocument): PairVerdict["evidence"]["levels"] {
  if (parent.level === "unknown" || child.level === "unknown") return "unknown";
  if (!sure(parent.found.level) || !sure(child.found.level)) return "unknown";
  const p = LEVEL_RANK[parent.level];
  const c = LEVEL_RANK[child.level];
  return p < c ? "higher" : p === c ? "same" : "lower";
}

function dateOrder(parent: PlanDocument, child: PlanDocument): PairVerdict["evidence"]["dates"] {
  if (!parent.date || !child.date) return "unknown";
  if (!sure(parent.found.date) || !sure(child.found.date)) return "unknown";
  return parent.date < child.date ? "earlier" : parent.date === child.date ? "same" : "later";
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Whether the two documents are a parent and its child, from what each says of the other
 * (citations either way), their levels and dates, and how much text they share compared with what
 * unrelated plans share. Deliberately conservative: `ok` needs a citation of the parent or real
 * shared content, with nothing saying the order is the other way round.
 */
export function pairVerdict(
  parent: PlanDocument,
  child: PlanDocument,
  coverage: readonly ParentCoverage[],
  lang: Lang,
): PairVerdict {
  const body = new Set(parent.tasks.filter((t) => t.source === "body").map((t) => t.id));
  const bodyCoverage = coverage.filter((c) => body.has(c.parent));
  const exactly = cites(child, parent);
  // A cover-less parent has no title to cite: a cited title that fits its opening names it.
  const byOpening = !exactly && citesByOpening(child, parent);
  const evidence: PairVerdict["evidence"] = {
    childCitesParent: exactly || byOpening,
    parentCitesChild: cites(parent, child),
    sharedText: round(sharedText(parent, child)),
    carried: round(
      bodyCoverage.reduce((sum, c) => sum + c.coverage, 0) / Math.max(1, bodyCoverage.length),
    ),
    levels: levelOrder(parent, child),
    dates: dateOrder(parent, child),
  };
  const e = evidence;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const content = e.sharedText >= SHARED_RELATED || e.carried >= CARRIED_RELATED;
  const measures = say(
    lang,
    `逐字相同的文字占 ${pct(e.sharedText)}，上级任务语句被承接 ${pct(e.carried)}`,
    `${pct(e.sharedText)} of the text is shared word for word; ${pct(e.carried)} of the parent's task sentences are carried`,
  );
  const reasons: string[] = [];
  if (e.childCitesParent && byOpening)
    reasons.push(
      say(
        lang,
        "下级文件所引标题与上级文件的开头相符（上级文件无标题）",
        "The title the child cites fits the opening of the parent (which has no title)",
      ),
    );
  else if (e.childCitesParent)
    reasons.push(say(lang, "下级文件引用了上级文件", "The child cites the parent"));
  if (e.parentCitesChild)
    reasons.push(say(lang, "“上级”文件引用了“下级”文件", "The “parent” cites the “child”"));
  reasons.push(measures);
  if (!e.childCitesParent && !e.parentCitesChild && !content) {
    reasons.unshift(
      say(
        lang,
        "两份文件互不引用，共有内容不超过无关文件之间的水平",
        "Neither document cites the other, and they share no more than unrelated plans do",
      ),
    );
    return { verdict: "unrelated", reasons, evidence };
  }
  const levelsReversed = e.levels === "lower";
  const datesReversed = e.dates === "later";
  if (e.parentCitesChild && !e.childCitesParent) return { verdict: "reversed", reasons, evidence };
  if (!e.childCitesParent && (levelsReversed || datesReversed)) {
    if (levelsReversed)
      reasons.unshift(
        say(
          lang,
          `“上级”文件的层级（${LEVEL_LABELS[parent.level].zh}）低于“下级”文件（${LEVEL_LABELS[child.level].zh}）`,
          `The “parent” (${parent.level}) is of a lower level than the “child” (${child.level})`,
        ),
      );
    if (datesReversed)
      reasons.unshift(
        say(
          lang,
          `“上级”文件（${parent.date}）晚于“下级”文件（${child.date}）`,
          `The “parent” (${parent.date}) is dated after the “child” (${child.date})`,
        ),
      );
    return { verdict: "reversed", reasons, evidence };
  }
  if (!content) {
    // The citation is the first reason here: say once that it carries little.
    reasons[0] += say(lang, "，但承接的内容很少", ", but the child carries little of it");
    return { verdict: "weak", reasons, evidence };
  }
  // Only a citation that could have named this parent says it names another: a cited title when
  // the parent has a title, a cited 文号 when it has one (a crawled parent often has neither).
  const titled = parent.title !== null || parent.planTitle !== null;
  const checkable = child.references.filter(
    (r) => (r.title !== null && titled) || (r.docNumber !== null && parent.docNumber !== null),
  );
  if (!e.childCitesParent && checkable.length > 0) {
    const cited = checkable.map((r) => r.docNumber ?? `《${r.title ?? ""}》`).join("、");
    reasons.unshift(
      say(
        lang,
        `下级文件引用的是${cited}，而非该上级文件：共有的文字可能来自共同的上级`,
        `The child cites ${cited}, not this parent: the shared text may come from a common parent`,
      ),
    );
    return { verdict: "weak", reasons, evidence };
  }
  return { verdict: "ok", reasons, evidence };
}

/**
 * Findings as rated under the verdict: when the documents may not be a parent and its child
 * (reversed, unrelated, or weak because the child cites another document), a parent task left out
 * says little about the child's fidelity: every `missing` finding is info, and its message says
 * why. A child that cites this parent is its child, however little of it it repeats (a child
 * written in its own words repeats little): its gaps keep their severity.
 */
export function rateUnderVerdict(findings: Finding[], pair: PairVerdict, lang: Lang): Finding[] {
  if (pair.verdict === "ok" || (pair.verdict === "weak" && pair.evidence.childCitesParent))
    return findings;
  const why = say(
    lang,
    `（两份文件的关系存疑：${VERDICT_NAMES[pair.verdict].zh}，仅供参考）`,
    ` (the pair is doubtful: ${VERDICT_NAMES[pair.verdict].en}; for information only)`,
  );
  return findings.map((f) =>
    f.kind === "missing" ? { ...f, severity: "info", message: `${f.message}${why}` } : f,
  );
}
