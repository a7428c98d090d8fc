/**
 * Step 1 of parent resolution (see resolve.ts): which documents of the pile a child cites.
 *
 * - by 文号: issuer code, year and number compared (鲁工信技〔2020〕1号 = 鲁工信技[2020]01号); a
 *   year that differs still matches when code and number agree and the cited title fits the
 *   document (a year mistyped in the source: 〔2121〕);
 * - by title: the cited title's core (`text/titles.ts`: no notice wrapper, quotes, brackets or
 *   dashes) equal to the document's title or plan title;
 * - by fit: a document without that title (most crawled texts have no cover) whose opening holds
 *   most of the cited title's rarer bigrams — taken only when the two also share content, since
 *   a title names a subject that other documents of the pile may name too.
 *
 * A fit with little shared content is taken only from a document of a higher level that alone
 * fits the cited title (a loose child in its own words). Not the parent whatever it is cited as:
 * a document dated after the child (for a fit), one titled as another edition of the cited plan
 * (another year), one that cites the child itself, one that cites the same title (a sibling
 * implementing the same plan).
 */
import { levelOf } from "../parse/index.js";
import { dice } from "../text/bigrams.js";
import {
  type DocNumberParts,
  docNumberParts,
  MIN_CORE,
  titleCore,
  yearless,
} from "../text/titles.js";
import { mayFit, sharedContent, type TitleQuery, titleFit, titleQuery } from "./content.js";
import { compareIds, type Node, nearness, type Pile, say } from "./nodes.js";

export interface Cited {
  node: Node;
  detail: string;
  /** By 文号 or title as written (else by fit to the opening). */
  exact: boolean;
  /** How well the cited title fits the document (1 for an exact citation). */
  fit: number;
  /** Position of the reference in the child. */
  ref: number;
}

/** 文号 keys: with the year (an exact citation) and without it (a damaged year). */
export const numberKey = (p: DocNumberParts) => `${p.code}#${p.year}#${p.number}`;
export const looseNumberKey = (p: DocNumberParts) => `${p.code}#${p.number}`;

const sameNumber = (x: DocNumberParts | null, y: DocNumberParts | null) => {
  if (!x || !y || x.code !== y.code || x.number !== y.number) return null;
  return x.year === y.year ? "same" : "year-differs";
};

/**
 * The documents a cited title core may name — their title has that core, or the title may fit
 * their opening — leaving out those that cite the same core themselves (siblings), once per core.
 */
function titled(pile: Pile, core: string, query: TitleQuery): Node[] {
  const known = pile.titled.get(core);
  if (known) return known;
  const named = new Set((pile.byCore.get(core) ?? []).filter((n) => !n.refCores.has(core)));
  const bare = yearless(core);
  for (const at of mayFit(pile.content, query, pile.options.partialFit)) {
    const n = pile.nodes[at] as Node;
    if (!n.refCores.has(bare)) named.add(n);
  }
  const out = [...named];
  pile.titled.set(core, out);
  return out;
}

/** Whether a document's own title is another edition (another year) of the cited title core. */
function otherEdition(node: Node, core: string): boolean {
  const bare = yearless(core);
  return bare !== core && node.titleCores.some((t) => t !== core && yearless(t) === bare);
}

/** Candidates the child's references name, preferred first, and notes on citations set aside. */
export function citedAmong(
  pile: Pile,
  child: Node,
  allows: (candidate: Node) => boolean,
): { cited: Cited[]; notes: string[] } {
  const { lang, options, content } = pile;
  const cited: Cited[] = [];
  const notes: string[] = [];
  const childCores = child.titleCores;
  const childNumber = child.parts ? numberKey(child.parts) : null;
  child.doc.references.forEach((ref, r) => {
    const core = ref.title ? titleCore(ref.title) : null;
    const parts = ref.docNumber ? docNumberParts(ref.docNumber) : null;
    const shown = ref.title ? `《${ref.title}》` : "";
    const query = core && core.length >= MIN_CORE ? titleQuery(content, core) : null;
    // Only the documents the reference could name: same code and number, same core, or a fit.
    const named = new Set<Node>(parts ? (pile.byNumber.get(looseNumberKey(parts)) ?? []) : []);
    if (core && query) for (const n of titled(pile, core, query)) named.add(n);
    const exactly = (n: Node) =>
      sameNumber(parts, n.parts) === "same" ||
      (core !== null && core.length >= MIN_CORE && n.titleCores.includes(core));
    // Exact matches first: once one is found, documents the title only fits are not looked at.
    const pool = [...named]
      .filter((n) => n !== child && allows(n))
      .map((n) => ({ n, exact: exactly(n) }))
      .sort((a, b) => Number(b.exact) - Number(a.exact) || a.n.at - b.n.at);
    let found = false;
    for (const { n: node, exact } of pool) {
      if (found && !exact) break;
      if (cited.some((c) => c.node === node)) continue;
      // A document that cites the child, or cites the same title as the child, is not its parent.
      if (childCores.some((c) => node.refCores.has(c))) continue;
      if (childNumber && node.refNumbers.has(childNumber)) continue;
      if (core && core.length >= MIN_CORE && node.refCores.has(core)) continue;
      const exactTitle = core !== null && core.length >= MIN_CORE && node.titleCores.includes(core);
      const number = sameNumber(parts, node.parts);
      if (number === "same") {
        found = true;
        cited.push({
          node,
          detail: say(lang, `引用${ref.docNumber}`, `cites ${ref.docNumber}`),
          exact: true,
          fit: 1,
          ref: r,
        });
        continue;
      }
      if (exactTitle) {
        found = true;
        cited.push({
          node,
          detail: say(lang, `引用${shown}`, `cites ${shown}`),
          exact: true,
          fit: 1,
          ref: r,
        });
        continue;
      }
      if (!core || !query || node.refCores.has(yearless(core))) continue;
      // A document titled as another edition of the cited plan (X省数字经济2021年行动方案 for a
      // cited X省数字经济2019年行动方案) is not the one cited, however well the title fits its opening.
      if (otherEdition(node, core)) continue;
      // A title naming an issuer of another level before its 关于 (国务院办公厅关于… for a
      // province's plan that carries it out and echoes its words) is not this document, however
      // well it fits. (Places in the subject, 济南-青岛人工智能…方案, name no issuer.)
      const issuer = /^(.+?)关于/.exec(ref.title ?? "")?.[1] ?? null;
      const named = levelOf(issuer);
      if (named !== "unknown" && node.known && named !== node.doc.level) continue;
      const fit = titleFit(content, query, node.at);
      if (fit < options.partialFit) continue;
      const shared = sharedContent(content, child.at, node.at);
      const passages =
        shared.prints >= options.passagePrints && shared.share >= options.passageShare;
      if (fit < options.titleFit && !passages) continue;
      if (number === "year-differs" && fit >= options.titleFit) {
        cited.push({
          node,
          detail: say(
            lang,
            `引用${shown}（${ref.docNumber}）：发文机关代字与序号相符、年份不符，标题与其相符（${fit.toFixed(2)}）`,
            `cites ${shown} (${ref.docNumber}): the issuer code and number agree, the year differs, and the title fits it (${fit.toFixed(2)})`,
          ),
          exact: true,
          fit: 1,
          ref: r,
        });
        continue;
      }
      // A title that only partly fits, and fits the child's own opening as well, names a
      // subject both treat rather than this document.
      if (fit < options.titleFit && fit <= titleFit(content, query, child.at) + options.fitMargin)
        continue;
      if (child.doc.date && node.doc.date && node.doc.date > child.doc.date) continue;
      const titles = dice(child.features.titles, node.features.titles);
      const supported = shared.share >= options.supportShare || titles >= options.minScore;
      const how =
        fit >= options.titleFit
          ? say(lang, "相符", "fits")
          : say(
              lang,
              "部分相符，且两者有大段共同文字",
              "partly fits, and the two share long passages,",
            );
      const fitText = say(
        lang,
        `引用${shown}${ref.docNumber ? `（${ref.docNumber}）` : ""}，与 ${node.item.id} 的标题和开头${how}（${fit.toFixed(2)}）`,
        `cites ${shown}${ref.docNumber ? ` (${ref.docNumber})` : ""}, which ${how} the title and opening of ${node.item.id} (${fit.toFixed(2)})`,
      );
      // A loose child (its own words) shares little text with its parent: a cited title that
      // fits one document of the pile alone, of a higher level, still names it.
      const alone =
        fit >= options.titleFit &&
        node.known &&
        child.known &&
        node.rank < child.rank &&
        !pool.some(
          (o) =>
            o.n !== node &&
            o.n !== child &&
            !otherEdition(o.n, core) &&
            !o.n.refCores.has(yearless(core)) &&
            titleFit(content, query, o.n.at) >= options.partialFit,
        );
      if (!supported && alone) {
        cited.push({
          node,
          detail: say(
            lang,
            `${fitText}；只有该文件与所引标题相符，且层级更高（两者共有文字很少：共有指纹 ${Math.round(shared.share * 100)}%）`,
            `${fitText}; no other document fits the cited title, and it is of a higher level (they share little text: ${Math.round(shared.share * 100)}% of fingerprints)`,
          ),
          exact: false,
          fit,
          ref: r,
        });
        continue;
      }
      if (!supported) {
        notes.push(
          say(
            lang,
            `${fitText}，但两者几乎没有共同内容（共有指纹 ${Math.round(shared.share * 100)}%，任务标题相似度 ${titles.toFixed(2)}），不作为上级`,
            `${fitText}, but the two share almost no content (${Math.round(shared.share * 100)}% of fingerprints, task titles dice ${titles.toFixed(2)}): not taken as the parent`,
          ),
        );
        continue;
      }
      cited.push({ node, detail: fitText, exact: false, fit, ref: r });
    }
  });
  cited.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      nearness(b.node) - nearness(a.node) ||
      a.ref - b.ref ||
      compareIds(a.node, b.node),
  );
  return { cited, notes };
}
