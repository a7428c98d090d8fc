/**
 * Parent (body) tasks a child names in a list. A child that merges several parent tasks often
 * carries some of them as a name in an enumeration of fields — 「重点引进工业机器人、服务机器人、
 * 无人机等领域的…企业」 carries the parent's tasks 工业机器人 and 服务机器人 — with too few words for
 * any similarity to see. A parent task that found no link at all and whose title is a short name
 * (NAME_MIN–NAME_MAX characters) printed inside such a list (next to 、, 和 or 及, or before 等) in
 * at most MAX_CARRIERS child tasks is linked to them as `partial`, with that sentence as evidence.
 * A title that opens with verbs (推广新能源汽车) names its subject without them (新能源汽车,
 * at least STRIPPED_MIN characters; the verbs are data/lexicon/structure.json `titleVerbs`). A
 * name of SPECIFIC_NAME characters or more (推行环境污染责任保险) counts wherever a child sentence
 * prints it (…全面推行环境污染责任保险，投保率达到90%), not only in a list.
 * A name the child uses more widely is a word of the field, not a task carried.
 */
import type { Alignment } from "../model/alignment.js";
import { structureLexicon, unitsLexicon } from "../text/lexicons.js";
import type { TaskFeatures } from "./task-features.js";

const NAME_MIN = 3;
const NAME_MAX = 8;
/** A name left by stripping verbs is shorter and more general: it must say a little more. */
const STRIPPED_MIN = 4;
const MAX_CARRIERS = 2;
/** A name this long is specific enough to count wherever a child sentence prints it. */
const SPECIFIC_NAME = 6;
const SPECIFIC_MAX = 16;
/** The score of such a link: evidence of a mention, not of a restatement. */
const NAMED_SCORE = 0.5;
/** What joins the items of a list: 、 and the conjunctions and 等 of data/lexicon/units.json. */
function listMarks(): { before: string[]; after: string[] } {
  const { conjunctions, etcMarker } = unitsLexicon();
  return { before: ["、", ...conjunctions], after: ["、", ...conjunctions, etcMarker] };
}

/** Partial links of the unlinked parent tasks the child names in a list (see above). */
export function namedInListLinks(
  parents: readonly TaskFeatures[],
  children: readonly TaskFeatures[],
  linked: ReadonlySet<string>,
): Alignment[] {
  const out: Alignment[] = [];
  const marks = listMarks();
  const verbs = [...structureLexicon().titleVerbs].sort((a, b) => b.length - a.length);
  for (const p of parents) {
    if (p.task.source !== "body" || linked.has(p.task.id)) continue;
    // The title as printed first; what follows its verbs when the child lists no such name.
    let name = "";
    let carriers: { c: TaskFeatures; sentence: string }[] = [];
    for (const candidate of taskNames(p.task.title, verbs)) {
      name = candidate;
      const anywhere = candidate.length >= SPECIFIC_NAME;
      carriers = children.flatMap((c) => {
        const sentence = c.sentences.find((s) =>
          anywhere ? s.text.includes(candidate) : inList(s.text, candidate, marks),
        );
        return sentence ? [{ c, sentence: sentence.text }] : [];
      });
      if (carriers.length > 0) break;
    }
    if (carriers.length === 0 || carriers.length > MAX_CARRIERS) continue;
    for (const { c, sentence } of carriers) {
      out.push({
        parent: p.task.id,
        child: c.task.id,
        relation: "partial",
        score: NAMED_SCORE,
        evidence: {
          signals: { namedInList: 1 },
          sharedTerms: [name],
          // The parent's title stands in the child's sentence word for word.
          sentences: [{ parent: p.sentences[0]?.text ?? p.task.title, child: sentence, score: 1 }],
        },
      });
    }
  }
  return out;
}

/** The names a title gives its task: the title itself, short, and what follows its verbs. */
function taskNames(title: string, verbs: readonly string[]): string[] {
  const whole = title.replace(/[\p{P}\s]/gu, "");
  const fits = (n: string, min: number) =>
    n.length >= min &&
    (n.length <= NAME_MAX || (n.length >= SPECIFIC_NAME && n.length <= SPECIFIC_MAX));
  const names = fits(whole, NAME_MIN) ? [whole] : [];
  let rest = whole;
  for (let v = verbs.find((x) => rest.startsWith(x)); v; v = verbs.find((x) => rest.startsWith(x)))
    rest = rest.slice(v.length);
  if (rest !== whole && fits(rest, STRIPPED_MIN)) names.push(rest);
  return names;
}

/** Whether `name` is printed in `text` as an item of a list. */
function inList(text: string, name: string, marks: ReturnType<typeof listMarks>): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text.slice(0, at);
    const after = text.slice(at + name.length);
    if (
      marks.before.some((m) => before.endsWith(m)) ||
      marks.after.some((m) => after.startsWith(m))
    )
      return true;
  }
  return false;
}
