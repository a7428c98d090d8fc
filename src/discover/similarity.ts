/**
 * Step 3 of parent resolution (see resolve.ts): candidates scored by content, the sibling rule,
 * near ties, and the proposal with its evidence and alternatives.
 */
import type { Lang } from "../model/lang.js";
import { dice } from "../text/bigrams.js";
import { partnersOf, sharedContent, sharedNames, sharedPassages } from "./content.js";
import { matchTasks } from "./features.js";
import {
  ancestors,
  compareIds,
  levelName,
  type Node,
  nearness,
  type ParentProposal,
  type Pile,
  type ResolveOptions,
  round,
  type Scored,
  say,
} from "./nodes.js";
import { placeRelation } from "./place.js";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export interface Similarity {
  /** Candidates compared task by task, best score first. */
  scored: Scored[];
  /** Candidates left out before scoring, with the reason. */
  excluded: { place: Node[]; later: Node[] };
}

/**
 * The score shared passages give a candidate of a strictly higher known level: 0 below the
 * thresholds, else from 0.35 rising with the share of the smaller document's fingerprints.
 */
function passageScore(child: Node, node: Node, share: number, prints: number, o: ResolveOptions) {
  if (!child.known || !node.known || node.rank >= child.rank) return 0;
  if (prints < o.passagePrints || share < o.passageShare) return 0;
  return Math.min(0.95, 0.35 + 3 * share);
}

export function scoreCandidates(
  pile: Pile,
  child: Node,
  candidates: Node[],
  cited: Node | null,
  parentOf: Map<string, string | null>,
  byId: Map<string, Node>,
): Similarity {
  const { options, content } = pile;
  const excluded = { place: [] as Node[], later: [] as Node[] };
  const pool: { node: Node; dice: number }[] = [];
  for (const node of candidates) {
    if (node !== cited) {
      if (child.doc.date && node.doc.date && node.doc.date > child.doc.date) {
        excluded.later.push(node);
        continue;
      }
      if (placeRelation(child.place, node.place, node.doc.level) === "conflicts") {
        excluded.place.push(node);
        continue;
      }
    }
    pool.push({ node, dice: dice(child.features.titles, node.features.titles) });
  }
  pool.sort((a, b) => b.dice - a.dice || compareIds(a.node, b.node));
  const shortlist = new Set(pool.slice(0, options.shortlist).map((p) => p.node));
  if (cited) shortlist.add(cited);
  // Candidates sharing passages with the child, whatever their task titles.
  const partners = new Set(partnersOf(content, child.at, options.passagePrints));
  if (partners.size > 0) for (const p of pool) if (partners.has(p.node.at)) shortlist.add(p.node);
  for (const node of [...shortlist]) {
    for (const up of ancestors(node.item.id, parentOf)) {
      const a = byId.get(up);
      if (a && pool.some((p) => p.node === a)) shortlist.add(a);
    }
  }
  const n = child.features.tasks.length;
  const scored: Scored[] = pool
    .filter((p) => shortlist.has(p.node))
    .map(({ node, dice }) => {
      const matches = n > 0 ? matchTasks(child.features, node.features) : null;
      let matched = 0;
      if (matches) for (const b of matches.best) if (b >= options.taskMatch) matched++;
      const share = n > 0 ? matched / n : 0;
      const passages = sharedContent(content, child.at, node.at);
      const score = Math.max(
        (dice + share) / 2,
        passageScore(child, node, passages.share, passages.prints, options),
      );
      return { node, dice, matches, share, score, passages };
    })
    .sort((a, b) => b.score - a.score || compareIds(a.node, b.node));
  return { scored, excluded };
}

/** "content like X: score 0.72 (task titles 0.67, 52 of 68 tasks 76% matched)". */
export function contentLine(s: Scored, lang: Lang): string {
  const n = s.matches?.best.length ?? 0;
  const m = Math.round(s.share * n);
  const passages =
    s.passages.prints > 0
      ? say(
          lang,
          `；共有罕见文本指纹 ${s.passages.prints} 个（占较小文件的 ${pct(s.passages.share)}）`,
          `; ${s.passages.prints} rare text fingerprints shared, ${pct(s.passages.share)} of the smaller document's`,
        )
      : "";
  return say(
    lang,
    `内容与 ${s.node.item.id} 相近：得分 ${s.score.toFixed(2)}（全部任务标题相似度 ${s.dice.toFixed(2)}；${n} 项任务中 ${m} 项（${pct(s.share)}）有标题相近的任务${passages}）`,
    `content like ${s.node.item.id}: score ${s.score.toFixed(2)} (all task titles dice ${s.dice.toFixed(2)}; ${m} of ${n} tasks, ${pct(s.share)}, have a task titled alike${passages})`,
  );
}

/** The passages and names the child shares with a document, or null when none. */
export function passagesLine(pile: Pile, child: Node, parent: Node): string | null {
  const { content, lang } = pile;
  if (!content.letters[child.at]) return null;
  const passages = sharedPassages(content, child.at, parent.at);
  const names = sharedNames(content, child.at, parent.at).slice(0, 5);
  if (passages.length === 0 && names.length === 0) return null;
  const chars = passages.reduce((n, p) => n + p.length, 0);
  const shown = passages
    .slice(0, 2)
    .map((p) => `「${p.length > 40 ? `${p.slice(0, 40)}…` : p}」`)
    .join("");
  const parts: string[] = [];
  if (passages.length > 0)
    parts.push(
      say(
        lang,
        `共有段落 ${passages.length} 段、${chars} 字，如${shown}`,
        `${passages.length} shared passages, ${chars} characters, e.g. ${shown}`,
      ),
    );
  if (names.length > 0)
    parts.push(
      say(
        lang,
        `共用名称：${names.map((n) => `“${n}”`).join("、")}`,
        `shared names: ${names.map((n) => `“${n}”`).join(", ")}`,
      ),
    );
  return parts.join(say(lang, "；", "; "));
}

/** "levels: province (P) → city (this document); dates: 2020-04-28 → 2020-12-10". */
export function levelsLine(child: Node, parent: Node, lang: Lang): string {
  const date = (n: Node) => n.doc.date ?? say(lang, "无日期", "no date");
  return say(
    lang,
    `层级：${levelName(parent.doc.level, lang)}（${parent.item.id}）→ ${levelName(child.doc.level, lang)}（本文件）；日期：${date(parent)} → ${date(child)}`,
    `levels: ${levelName(parent.doc.level, lang)} (${parent.item.id}) → ${levelName(child.doc.level, lang)} (this document); dates: ${date(parent)} → ${date(child)}`,
  );
}

/** Does the child follow C's own wording rather than that of C's parent P? */
function follows(
  c: Scored,
  p: Scored,
  options: ResolveOptions,
): { yes: boolean; toC: number; toP: number } {
  let toC = 0;
  let toP = 0;
  const bc = c.matches?.best;
  const bp = p.matches?.best;
  if (!bc || !bp) return { yes: true, toC, toP };
  for (let t = 0; t < bc.length; t++) {
    const x = bc[t] as number;
    const y = bp[t] as number;
    if (x > y + options.closer) toC++;
    else if (y > x + options.closer) toP++;
  }
  const need = Math.max(2, options.follow * bc.length);
  return { yes: toC - toP >= need, toC, toP };
}

export function chooseBySimilarity(
  pile: Pile,
  child: Node,
  { scored, excluded }: Similarity,
  parentOf: Map<string, string | null>,
): ParentProposal {
  const { options, lang } = pile;
  const notes: string[] = [];
  if (excluded.place.length > 0) {
    const names = [...new Set(excluded.place.map((n) => n.place.at(-1)?.name))].slice(0, 3);
    const list = `${names.join("、")}${excluded.place.length > names.length ? "…" : ""}`;
    notes.push(
      say(
        lang,
        `未考虑：其他地方的文件 ${excluded.place.length} 份（${list}）`,
        `not considered: ${excluded.place.length} document(s) of another place (${list})`,
      ),
    );
  }
  if (excluded.later.length > 0)
    notes.push(
      say(
        lang,
        `未考虑：日期晚于本文件的文件 ${excluded.later.length} 份`,
        `not considered: ${excluded.later.length} document(s) dated after this one`,
      ),
    );

  // A candidate that shares nothing (score 0.00 as printed) is no "closest": neither named nor listed.
  const sharesSomething = (s: Scored) => Math.round(s.score * 100) > 0;
  const best = scored[0] && sharesSomething(scored[0]) ? scored[0] : undefined;
  if (!best || best.score < options.minScore) {
    const confidence = best ? 0.5 + 0.5 * (1 - best.score / options.minScore) : 1;
    return {
      parent: null,
      confidence: round(confidence),
      method: "none",
      evidence: [
        best
          ? say(
              lang,
              `未发现被引用或内容足够相近的文件（最接近：${best.node.item.id}，得分 ${best.score.toFixed(2)} < ${options.minScore}）`,
              `no document is cited or similar enough (best: ${best.node.item.id}, score ${best.score.toFixed(2)} < ${options.minScore})`,
            )
          : scored.length > 0
            ? say(
                lang,
                "未发现被引用或内容相近的文件（候选文件得分均为 0.00）",
                "no document is cited or similar (every candidate scores 0.00)",
              )
            : excluded.place.length + excluded.later.length > 0
              ? say(lang, "没有可比较的候选文件", "no candidate left to compare with")
              : say(lang, "没有更高层级的候选文件", "no candidate of a higher level"),
        ...notes,
      ],
      alternatives: scored
        .filter(sharesSomething)
        .slice(0, 3)
        .map((s) => ({
          id: s.node.item.id,
          score: round(s.score),
          note: say(lang, "低于最低得分", "below the minimum score"),
        })),
      related: [],
    };
  }

  const usable = scored.filter((s) => s.score >= options.minScore);
  const find = (nodeId: string) => usable.find((s) => s.node.item.id === nodeId);
  // Sibling rule, applied to the near tie and to the ancestors it brings in.
  const setAside = new Map<Scored, string>();
  const eligible: Scored[] = [];
  const queue = usable.filter((s) => s.score >= best.score - options.tie);
  while (queue.length > 0) {
    const c = queue.shift() as Scored;
    if (eligible.includes(c) || setAside.has(c)) continue;
    const up = ancestors(c.node.item.id, parentOf)
      .map(find)
      .find((s) => s !== undefined);
    if (up) {
      const f = follows(c, up, options);
      if (!f.yes) {
        setAside.set(
          c,
          say(
            lang,
            `同级文件：其本身是 ${up.node.item.id} 的下级，本文件与它并不比与 ${up.node.item.id} 更接近（更接近 ${c.node.item.id} 的任务 ${f.toC} 项，更接近 ${up.node.item.id} 的 ${f.toP} 项）`,
            `a sibling: itself a child of ${up.node.item.id}, and this document is no closer to it than to ${up.node.item.id} (tasks closer to ${c.node.item.id}: ${f.toC}, to ${up.node.item.id}: ${f.toP})`,
          ),
        );
        queue.push(up);
        continue;
      }
      notes.push(
        say(
          lang,
          `${c.node.item.id} 是 ${up.node.item.id} 的下级，本文件沿用其表述（更接近 ${c.node.item.id} 的任务 ${f.toC} 项，更接近 ${up.node.item.id} 的 ${f.toP} 项）`,
          `${c.node.item.id} is a child of ${up.node.item.id}, and this document follows its wording (tasks closer to ${c.node.item.id}: ${f.toC}, to ${up.node.item.id}: ${f.toP})`,
        ),
      );
    }
    eligible.push(c);
  }
  const fitsPlace = (s: Scored) =>
    placeRelation(child.place, s.node.place, s.node.doc.level) === "fits" ? 1 : 0;
  eligible.sort(
    (a, b) =>
      fitsPlace(b) - fitsPlace(a) ||
      nearness(b.node) - nearness(a.node) ||
      b.score - a.score ||
      compareIds(a.node, b.node),
  );
  const chosen = eligible[0] as Scored;
  const evidence = [contentLine(chosen, lang), ...examples(child, chosen, options, lang)];
  const passages = passagesLine(pile, child, chosen.node);
  if (passages) evidence.push(passages);
  evidence.push(levelsLine(child, chosen.node, lang));
  if (fitsPlace(chosen)) {
    const own = chosen.node.place.at(-1)?.name;
    const where = child.place.map((p) => p.name).join("");
    evidence.push(say(lang, `地方：${where}位于${own}`, `place: ${where} lies in ${own}`));
  }
  const higherScored = eligible.filter((s) => s !== chosen && s.score > chosen.score);
  if (higherScored.length > 0) {
    const list = higherScored.map((s) => `${s.node.item.id} (${s.score.toFixed(2)})`).join(", ");
    evidence.push(
      say(
        lang,
        `得分接近时优先于 ${list}：${fitsPlace(chosen) ? "属于本地" : "层级最近"}`,
        `preferred to ${list}: ${fitsPlace(chosen) ? "its place" : "nearest level"} in a near tie`,
      ),
    );
  }
  for (const [s, why] of setAside)
    evidence.push(
      say(lang, `${s.node.item.id} 不采用：${why}`, `${s.node.item.id} set aside: ${why}`),
    );
  evidence.push(...notes);

  const rivals = eligible.filter((s) => s !== chosen);
  const margin = rivals.length > 0 ? chosen.score - Math.max(...rivals.map((s) => s.score)) : 1;
  const strength = Math.min(
    1,
    Math.max(0, (chosen.score - options.minScore) / (options.strongScore - options.minScore)),
  );
  const separation = Math.min(1, Math.max(0, margin / (2 * options.tie)));
  const confidence = 0.95 * (0.4 + 0.6 * strength) * (0.6 + 0.4 * separation);

  const alternatives = scored
    .filter((s) => s !== chosen)
    .slice(0, 3)
    .map((s) => ({
      id: s.node.item.id,
      score: round(s.score),
      note:
        setAside.get(s) ??
        (s.score < options.minScore
          ? say(lang, "低于最低得分", "below the minimum score")
          : eligible.includes(s)
            ? s.score > chosen.score
              ? say(
                  lang,
                  "得分接近：按地方或层级选择了建议的上级",
                  "near tie: place or level preferred the proposal",
                )
              : null
            : null),
    }));
  return {
    parent: chosen.node.item.id,
    confidence: round(confidence),
    method: "similarity",
    evidence,
    alternatives,
    related: [],
  };
}

/** Up to three child ↔ candidate task pairs, spread over the child's matched tasks. */
function examples(child: Node, s: Scored, options: ResolveOptions, lang: Lang): string[] {
  const m = s.matches;
  if (!m) return [];
  const matched: number[] = [];
  m.best.forEach((b, t) => {
    if (b >= options.taskMatch) matched.push(t);
  });
  const picks =
    matched.length <= 3
      ? matched
      : [0, 1, 2].map((k) => matched[Math.floor((k * (matched.length - 1)) / 2)] as number);
  return picks.map((t) => {
    const a = child.doc.tasks[t];
    const b = s.node.doc.tasks[m.index[t] as number];
    const d = (m.best[t] as number).toFixed(2);
    return say(
      lang,
      `任务 ${a?.id}「${a?.title}」↔ ${b?.id}「${b?.title}」（相似度 ${d}）`,
      `task ${a?.id} 「${a?.title}」 ↔ ${b?.id} 「${b?.title}」 (dice ${d})`,
    );
  });
}
