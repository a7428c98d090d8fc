/**
 * The real pairs (test/fixtures/real-gold, documents in data/real): how many gold tasks plandiff's
 * parser finds, and how its alignment scores against the hand-made links, measured as
 * data/real/README.md and the gold's README describe (copied in test/fixtures/real-gold/README.md).
 *
 * Only the public model is read (PlanDocument, Task: source, title, text, label, id), so the
 * figures stay comparable whatever the parser does inside.
 *
 * Gold tasks are keyed `<scope>:<key>` ("tasks:P1", "safeguards:P1"): the two scope files of a
 * pair reuse keys. A parsed task that no gold task matched keeps its own key `~<id>`, so a link to
 * or from it is a false positive and, left unlinked, it counts as predicted missing / added.
 *
 *   npx tsx bench/eval/real.ts      prints the section alone
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AlignOptions } from "../../src/align/options.js";
import { compareDocuments } from "../../src/compare.js";
import type { PlanDocument } from "../../src/model/document.js";
import type { Task, TaskSource } from "../../src/model/task.js";
import { parseDocument } from "../../src/pipeline.js";
import { containment, contentBigrams } from "../../src/text/bigrams.js";
import { ROOT } from "./datasets.js";
import { greedyCandidates } from "./naive.js";
import { type GoldFile, type PredictedLink, type ScopeScore, scoreScope } from "./scorer.js";

export const REAL_GOLD_DIR = join(ROOT, "test", "fixtures", "real-gold");
export const REAL_DATA_DIR = join(ROOT, "data", "real");
export const REAL_COUNTS = join(ROOT, "test", "fixtures", "real-counts.json");
/**
 * Authored pairs: children written for the evaluation under real parents of data/real (see
 * test/fixtures/authored/README.md). Never fitted on: they say how the matcher does on a pair
 * it has not seen, of the kinds the project is judged on.
 */
export const AUTHORED_GOLD_DIR = join(ROOT, "test", "fixtures", "authored-gold");
export const AUTHORED_DATA_DIR = join(ROOT, "test", "fixtures", "authored");

export type RealScope = "tasks" | "safeguards";
export const REAL_SCOPES: readonly RealScope[] = ["tasks", "safeguards"];

/** The parsed task source a gold scope is looked for in. */
export const SOURCE_OF: Record<RealScope, TaskSource> = { tasks: "body", safeguards: "safeguards" };

export interface RealGoldTask {
  key: string;
  label: string;
  section: string;
  title: string;
}

export interface RealGoldLink {
  parent: string;
  child: string;
  relation: string;
  /** The child's sentence that carries the parent task, as the gold's maker quoted it. */
  evidence?: string;
}

export interface CrossScopeLink extends RealGoldLink {
  parentScope: RealScope;
  childScope: RealScope;
}

/** One gold file (pair × scope), the fields this module reads. */
export interface RealGoldFile {
  pair: string;
  scope: RealScope;
  parent: string;
  child: string;
  parentTasks: RealGoldTask[];
  childTasks: RealGoldTask[];
  links: RealGoldLink[];
  crossScopeLinks?: CrossScopeLink[];
}

/** A pair with both scope files. */
export interface RealPair {
  pair: string;
  parent: string;
  child: string;
  gold: Record<RealScope, RealGoldFile>;
  /** Folders its documents are looked up in, in order (the first that has the file). */
  dirs: string[];
  /** A child written for the evaluation (held out), not a published document. */
  authored: boolean;
}

/** The path of one of a pair's documents: the first of its folders that has it. */
export function documentPath(pair: RealPair, file: string): string {
  for (const dir of pair.dirs) if (existsSync(join(dir, file))) return join(dir, file);
  throw new Error(`gold ${pair.pair}: ${file} is in none of ${pair.dirs.join(", ")}`);
}

/** The authored pairs (see AUTHORED_GOLD_DIR); their parents are real documents. */
export function readAuthoredPairs(): RealPair[] {
  return readRealPairs(AUTHORED_GOLD_DIR, [AUTHORED_DATA_DIR, REAL_DATA_DIR], true);
}

/** Reads every gold file and groups them by pair (the pair list comes from their parent/child). */
export function readRealPairs(
  dir: string = REAL_GOLD_DIR,
  dirs: string[] = [REAL_DATA_DIR],
  authored = false,
): RealPair[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as RealGoldFile);
  const byPair = new Map<string, Partial<Record<RealScope, RealGoldFile>>>();
  for (const g of files) {
    if (!REAL_SCOPES.includes(g.scope)) throw new Error(`gold ${g.pair}: unknown scope ${g.scope}`);
    const entry = byPair.get(g.pair) ?? {};
    entry[g.scope] = g;
    byPair.set(g.pair, entry);
  }
  return [...byPair].map(([pair, scopes]) => {
    const { tasks, safeguards } = scopes;
    if (!tasks || !safeguards) throw new Error(`gold ${pair}: needs a tasks and a safeguards file`);
    if (tasks.parent !== safeguards.parent || tasks.child !== safeguards.child)
      throw new Error(`gold ${pair}: the scope files name different documents`);
    return {
      pair,
      parent: tasks.parent,
      child: tasks.child,
      gold: { tasks, safeguards },
      dirs,
      authored,
    };
  });
}

// ---- the title rule ----

/** Drops punctuation, symbols and spaces (the README's "equal after dropping punctuation and spaces"). */
export function normalizeTitle(s: string): string {
  return s.normalize("NFKC").replace(/[\p{P}\p{S}\p{Z}\s]/gu, "");
}

/** A numbering label at the start of a task's text ("（一）", "1.", "第三条", "一、"), if any. */
const LEADING_LABEL =
  /^\s*(?:[（(][一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十百零〇]+、|\d+[.．、]|第[一二三四五六七八九十百零〇\d]+[条章])\s*/u;

/** How a parsed task matches a gold title: 0 equal … 3 text begins with it; null: no match. */
export function titleMatchRank(
  goldTitle: string,
  task: Pick<Task, "title" | "text">,
): 0 | 1 | 2 | 3 | null {
  const gold = normalizeTitle(goldTitle);
  if (gold === "") return null;
  const title = normalizeTitle(task.title);
  if (title === gold) return 0;
  if (title !== "" && title.includes(gold)) return 1;
  if (title !== "" && gold.includes(title)) return 2;
  if (normalizeTitle(task.text.replace(LEADING_LABEL, "")).startsWith(gold)) return 3;
  return null;
}

/**
 * The gold's title rule: a gold task is found in a parsed task when their titles are equal after
 * dropping punctuation and spaces, or one contains the other, or the parsed task's text (without a
 * leading numbering label) begins with the gold title. Empty titles match nothing.
 */
export function matchGoldTitle(goldTitle: string, task: Pick<Task, "title" | "text">): boolean {
  return titleMatchRank(goldTitle, task) !== null;
}

/** The parsed task a gold task is found in: best rank first, then document order; else null. */
export function findGoldTask(goldTitle: string, tasks: readonly Task[]): Task | null {
  let best: Task | null = null;
  let bestRank = 4;
  for (const t of tasks) {
    const rank = titleMatchRank(goldTitle, t);
    if (rank !== null && rank < bestRank) {
      best = t;
      bestRank = rank;
    }
  }
  return best;
}

// ---- parsing figures ----

export interface ScopeParse {
  gold: number;
  found: number;
  /** Gold titles found in no parsed task of the scope's source. */
  notFound: string[];
  parsed: number;
  /** Parsed tasks of the source that no gold task was found in. */
  extra: number;
}

export interface DocumentParse {
  file: string;
  side: "parent" | "child";
  scopes: Record<RealScope | "union", ScopeParse>;
  /** Every parsed task (any source) / (gold tasks + gold safeguards). */
  ratio: number;
  /** Parsed tasks by source. */
  bySource: Record<TaskSource, number>;
}

/** Gold key → parsed task id, for one document. */
type KeyMap = Map<string, string>;

const goldKey = (scope: RealScope, key: string): string => `${scope}:${key}`;

function countBySource(doc: PlanDocument): Record<TaskSource, number> {
  const n: Record<TaskSource, number> = { body: 0, appendix: 0, safeguards: 0 };
  for (const t of doc.tasks) n[t.source]++;
  return n;
}

/** Matches one side's gold tasks of both scopes in a parsed document. */
export function matchDocument(
  doc: PlanDocument,
  gold: Record<RealScope, RealGoldTask[]>,
  file: string,
  side: "parent" | "child",
): { figures: DocumentParse; keys: KeyMap } {
  const keys: KeyMap = new Map();
  const scopeParse = {} as Record<RealScope | "union", ScopeParse>;
  for (const scope of REAL_SCOPES) {
    const pool = doc.tasks.filter((t) => t.source === SOURCE_OF[scope]);
    const matched = new Set<string>();
    const notFound: string[] = [];
    for (const g of gold[scope]) {
      const t = findGoldTask(g.title, pool);
      if (t) {
        keys.set(goldKey(scope, g.key), t.id);
        matched.add(t.id);
      } else notFound.push(g.title);
    }
    scopeParse[scope] = {
      gold: gold[scope].length,
      found: gold[scope].length - notFound.length,
      notFound,
      parsed: pool.length,
      extra: pool.length - matched.size,
    };
  }
  const matchedAll = new Set(keys.values());
  const totalGold = gold.tasks.length + gold.safeguards.length;
  scopeParse.union = {
    gold: totalGold,
    found: scopeParse.tasks.found + scopeParse.safeguards.found,
    notFound: [...scopeParse.tasks.notFound, ...scopeParse.safeguards.notFound],
    parsed: doc.tasks.length,
    extra: doc.tasks.length - matchedAll.size,
  };
  const figures: DocumentParse = {
    file,
    side,
    scopes: scopeParse,
    ratio: totalGold > 0 ? doc.tasks.length / totalGold : 0,
    bySource: countBySource(doc),
  };
  return { figures, keys };
}

// ---- pair scores ----

export interface PairScopeScore {
  link: ScopeScore["link"];
  missing: ScopeScore["missing"];
  added: ScopeScore["added"];
  /** Share of the links found whose relation (equivalent / reworded / partial) is the gold's. */
  relationAccuracy: number;
  goldLinks: number;
  predictedLinks: number;
}

export interface PairResult {
  pair: string;
  /** A child written for the evaluation (see AUTHORED_GOLD_DIR). */
  authored: boolean;
  parent: DocumentParse;
  child: DocumentParse;
  scores: Record<RealScope | "all", PairScopeScore>;
  /** The naive reference: bigram Dice on titles, greedy one to one, threshold 0.35. */
  naive: Record<RealScope | "all", PairScopeScore>;
}

/** The naive matcher's threshold on real pairs, as data/real/README.md states it. */
const NAIVE_REAL_THRESHOLD = 0.35;

/** Parsed task id → the gold keys found in it (several when it swallowed them), or `~<id>`. */
function keysOfTasks(keys: KeyMap, tasks: readonly Task[]): Map<string, string[]> {
  const out = new Map<string, string[]>(tasks.map((t) => [t.id, []]));
  for (const [key, id] of keys) out.get(id)?.push(key);
  for (const [id, list] of out) if (list.length === 0) list.push(`~${id}`);
  return out;
}

/**
 * Scores predicted links (parsed ids) against gold links (gold keys) within the parsed tasks
 * `parentTasks` / `childTasks`: links are mapped through the title match (cross product of the
 * gold keys on each side), then scored with scorer.ts's scoreScope in the gold key space.
 */
export function scoreMapped(
  predicted: readonly PredictedLink[],
  parentTasks: readonly Task[],
  childTasks: readonly Task[],
  parentKeys: KeyMap,
  childKeys: KeyMap,
  gold: { parents: string[]; children: string[]; links: RealGoldLink[] },
): PairScopeScore {
  const pk = keysOfTasks(parentKeys, parentTasks);
  const ck = keysOfTasks(childKeys, childTasks);
  const mapped: PredictedLink[] = [];
  for (const l of predicted) {
    const ps = pk.get(l.parent);
    const cs = ck.get(l.child);
    if (!ps || !cs) continue; // a link outside these tasks belongs to another scope
    for (const p of ps)
      for (const c of cs) mapped.push({ parent: p, child: c, relation: l.relation });
  }
  const goldFile: GoldFile = {
    parent: "",
    child: "",
    scope: "",
    parentTasks: gold.parents.map((id) => ({ id, title: "" })),
    childTasks: gold.children.map((id) => ({ id, title: "" })),
    links: gold.links,
  };
  const s = scoreScope(mapped, goldFile, [...pk.values()].flat(), [...ck.values()].flat());
  const distinct = new Set(mapped.map((l) => `${l.parent}\t${l.child}`)).size;
  return {
    link: s.link,
    missing: s.missing,
    added: s.added,
    relationAccuracy: s.relationAccuracy,
    goldLinks: gold.links.length,
    predictedLinks: distinct,
  };
}

const dedupeCross = (pair: RealPair): CrossScopeLink[] => {
  const seen = new Map<string, CrossScopeLink>();
  for (const scope of REAL_SCOPES) {
    for (const l of pair.gold[scope].crossScopeLinks ?? []) {
      seen.set(`${l.parentScope}:${l.parent}\t${l.childScope}:${l.child}`, l);
    }
  }
  return [...seen.values()];
};

/** One side's gold tasks of both scopes. */
function goldSide(pair: RealPair, side: "parent" | "child"): Record<RealScope, RealGoldTask[]> {
  const key = side === "parent" ? "parentTasks" : "childTasks";
  return { tasks: pair.gold.tasks[key], safeguards: pair.gold.safeguards[key] };
}

/** Parses both documents of a pair, aligns them and scores parsing and links. */
export async function evaluatePair(pair: RealPair, align?: AlignOptions): Promise<PairResult> {
  const [p, c] = await Promise.all([
    parseDocument(documentPath(pair, pair.parent)),
    parseDocument(documentPath(pair, pair.child)),
  ]);
  const pm = matchDocument(p, goldSide(pair, "parent"), pair.parent, "parent");
  const cm = matchDocument(c, goldSide(pair, "child"), pair.child, "child");
  const predicted: PredictedLink[] = compareDocuments(p, c, align ? { align } : {}).alignments.map(
    (a) => ({
      parent: a.parent,
      child: a.child,
      relation: a.relation,
    }),
  );

  const naive: PredictedLink[] = greedyCandidates(
    p.tasks.filter((t) => t.source !== "appendix"),
    c.tasks.filter((t) => t.source !== "appendix"),
  ).filter((l) => l.score >= NAIVE_REAL_THRESHOLD);
  const scoresOf = (links: PredictedLink[]) => {
    const scores = {} as Record<RealScope | "all", PairScopeScore>;
    for (const scope of REAL_SCOPES) {
      const g = pair.gold[scope];
      const keyed = (k: string) => goldKey(scope, k);
      scores[scope] = scoreMapped(
        links,
        p.tasks.filter((t) => t.source === SOURCE_OF[scope]),
        c.tasks.filter((t) => t.source === SOURCE_OF[scope]),
        pm.keys,
        cm.keys,
        {
          parents: g.parentTasks.map((t) => keyed(t.key)),
          children: g.childTasks.map((t) => keyed(t.key)),
          links: g.links.map((l) => ({ ...l, parent: keyed(l.parent), child: keyed(l.child) })),
        },
      );
    }
    const allLinks: RealGoldLink[] = REAL_SCOPES.flatMap((scope) =>
      pair.gold[scope].links.map((l) => ({
        ...l,
        parent: goldKey(scope, l.parent),
        child: goldKey(scope, l.child),
      })),
    );
    for (const l of dedupeCross(pair)) {
      allLinks.push({
        parent: goldKey(l.parentScope, l.parent),
        child: goldKey(l.childScope, l.child),
        relation: l.relation,
      });
    }
    // The gold's scopes are the tasks and the safeguards: table rows are not scored.
    const scored = (d: PlanDocument) => d.tasks.filter((t) => t.source !== "appendix");
    scores.all = scoreMapped(links, scored(p), scored(c), pm.keys, cm.keys, {
      parents: REAL_SCOPES.flatMap((s) => pair.gold[s].parentTasks.map((t) => goldKey(s, t.key))),
      children: REAL_SCOPES.flatMap((s) => pair.gold[s].childTasks.map((t) => goldKey(s, t.key))),
      links: allLinks,
    });
    return scores;
  };
  return {
    pair: pair.pair,
    authored: pair.authored,
    parent: pm.figures,
    child: cm.figures,
    scores: scoresOf(predicted),
    naive: scoresOf(naive),
  };
}

// ---- unpaired documents: counts a careful reader makes ----

export interface RealCount {
  file: string;
  body: number;
  safeguards: number;
  appendix: number;
  reasoning: string;
}

export interface CountResult {
  expected: RealCount;
  parsed: Record<TaskSource, number>;
}

export function readRealCounts(file: string = REAL_COUNTS): RealCount[] {
  return JSON.parse(readFileSync(file, "utf8")) as RealCount[];
}

export async function evaluateCounts(
  counts: readonly RealCount[] = readRealCounts(),
  dataDir: string = REAL_DATA_DIR,
): Promise<CountResult[]> {
  const out: CountResult[] = [];
  for (const expected of counts) {
    const doc = await parseDocument(join(dataDir, expected.file));
    out.push({ expected, parsed: countBySource(doc) });
  }
  return out;
}

// ---- the whole section ----

export interface RealReport {
  pairs: PairResult[];
  counts: CountResult[];
  /** By pair: how the evidence shown for gold links agrees with the gold's quoted sentence. */
  evidence: Record<string, EvidenceAgreement>;
}

export async function realReport(): Promise<RealReport> {
  const pairs: PairResult[] = [];
  const evidence: Record<string, EvidenceAgreement> = {};
  for (const pair of [...readRealPairs(), ...readAuthoredPairs()]) {
    pairs.push(await evaluatePair(pair));
    evidence[pair.pair] = await evidenceAgreement(pair);
  }
  return { pairs, counts: await evaluateCounts(), evidence };
}

const fmt = (x: number): string => x.toFixed(2);
/** A pair's name in the tables; authored pairs are marked. */
const pairName = (pr: PairResult): string => (pr.authored ? `${pr.pair} (authored)` : pr.pair);

/** The "Real pairs" section of `npm run eval`: Markdown tables. */
export function realTable(r: RealReport): string {
  const lines: string[] = ["## Real pairs", ""];
  if (r.pairs.some((pr) => pr.authored))
    lines.push(
      "Pairs marked (authored) were written for the evaluation (test/fixtures/authored/README.md); the weights are fitted on them too, so these figures are in-fit (cross-validated ones: `npm run fit -- --cv 2`), except AQ–AT, kept out of every fit as a blind test.",
      "",
    );
  lines.push("Parsing: gold tasks found by title / gold; parsed tasks of the scope's source.");
  lines.push("");
  lines.push("| pair | side | file | scope | found | parsed | extra | parsed/gold |");
  lines.push("|---|---|---|---|---|---|---|---|");
  for (const pr of r.pairs) {
    for (const d of [pr.parent, pr.child]) {
      for (const scope of [...REAL_SCOPES, "union"] as const) {
        const s = d.scopes[scope];
        const ratio = scope === "union" ? fmt(d.ratio) : "";
        const cells = [
          pairName(pr),
          d.side,
          d.file,
          scope,
          `${s.found}/${s.gold}`,
          s.parsed,
          s.extra,
        ];
        lines.push(`| ${[...cells, ratio].join(" | ")} |`);
      }
    }
  }
  const missed = r.pairs.flatMap((pr) =>
    [pr.parent, pr.child].flatMap((d) =>
      d.scopes.union.notFound.length > 0
        ? [`- ${pairName(pr)} ${d.side}: ${d.scopes.union.notFound.join("；")}`]
        : [],
    ),
  );
  if (missed.length > 0) lines.push("", "Gold titles not found:", ...missed);
  lines.push("");
  lines.push(
    "| pair | scope | method | gold links | predicted | link P | link R | link F1 | missing F1 | added F1 | relation acc |",
  );
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const pr of r.pairs) {
    for (const scope of [...REAL_SCOPES, "all"] as const) {
      for (const [method, all] of [
        ["plandiff", pr.scores],
        ["naive", pr.naive],
      ] as const) {
        const s = all[scope];
        const label = scope === "all" ? "all scopes (+ cross-scope links)" : scope;
        const ratios = [
          s.link.precision,
          s.link.recall,
          s.link.f1,
          s.missing.f1,
          s.added.f1,
          s.relationAccuracy,
        ];
        const cells = [
          pairName(pr),
          label,
          method,
          s.goldLinks,
          s.predictedLinks,
          ...ratios.map(fmt),
        ];
        lines.push(`| ${cells.join(" | ")} |`);
      }
    }
  }
  lines.push("");
  lines.push(
    "Evidence: of the gold links plandiff makes whose gold quotes the carrying sentence, those whose shown sentence pairs hold it (and those showing none).",
  );
  lines.push("");
  for (const [name, e] of Object.entries(r.evidence)) {
    lines.push(`- ${name}: ${e.agreeing} / ${e.links} agree, ${e.empty} without sentences`);
  }
  lines.push("");
  lines.push(
    "Unpaired documents, counted by hand (test/fixtures/real-counts.json): expected / parsed.",
  );
  lines.push("");
  lines.push("| file | body | safeguards | appendix |");
  lines.push("|---|---|---|---|");
  for (const c of r.counts) {
    const cell = (s: TaskSource) =>
      `${c.expected[s]} / ${c.parsed[s]}${c.expected[s] === c.parsed[s] ? "" : " ✗"}`;
    lines.push(
      `| ${c.expected.file} | ${cell("body")} | ${cell("safeguards")} | ${cell("appendix")} |`,
    );
  }
  return lines.join("\n");
}

/**
 * A real pair as fitting data: both documents parsed, and the gold links of both scopes and across
 * them as (parent id, child id) pairs of the parsed tasks (gold tasks found by title).
 */
export async function realTruth(
  pair: RealPair,
): Promise<{ parent: PlanDocument; child: PlanDocument; links: RealGoldLink[] }> {
  const [parent, child] = await Promise.all([
    parseDocument(documentPath(pair, pair.parent)),
    parseDocument(documentPath(pair, pair.child)),
  ]);
  // Gold keys → parsed ids, by the same title match the scores use.
  const parentKeys = matchDocument(parent, goldSide(pair, "parent"), pair.parent, "parent").keys;
  const childKeys = matchDocument(child, goldSide(pair, "child"), pair.child, "child").keys;
  const links: RealGoldLink[] = [];
  const add = (
    ps: RealScope,
    p: string,
    cs: RealScope,
    c: string,
    relation: string,
    evidence?: string,
  ) => {
    const parentId = parentKeys.get(goldKey(ps, p));
    const childId = childKeys.get(goldKey(cs, c));
    if (parentId && childId)
      links.push({ parent: parentId, child: childId, relation, ...(evidence ? { evidence } : {}) });
  };
  for (const scope of REAL_SCOPES)
    for (const l of pair.gold[scope].links)
      add(scope, l.parent, scope, l.child, l.relation, l.evidence);
  for (const l of dedupeCross(pair))
    add(l.parentScope, l.parent, l.childScope, l.child, l.relation);
  return { parent, child, links };
}

/** How far the evidence plandiff shows for a link agrees with the sentence the gold quotes. */
export interface EvidenceAgreement {
  /** Gold links with a quoted sentence that plandiff also makes. */
  links: number;
  /** …whose evidence holds the quoted sentence (most of its characters' bigrams). */
  agreeing: number;
  /** …whose evidence lists no sentence pair at all. */
  empty: number;
}

/** Share of the quoted sentence's bigrams a shown sentence must hold to agree with it. */
const EVIDENCE_CONTAINED = 0.6;

export async function evidenceAgreement(
  pair: RealPair,
  align?: AlignOptions,
): Promise<EvidenceAgreement> {
  const { parent, child, links } = await realTruth(pair);
  const result = compareDocuments(parent, child, align ? { align } : {});
  const byPair = new Map(result.alignments.map((a) => [`${a.parent} ${a.child}`, a]));
  const out: EvidenceAgreement = { links: 0, agreeing: 0, empty: 0 };
  for (const l of links) {
    const a = byPair.get(`${l.parent} ${l.child}`);
    if (!a || !l.evidence) continue;
    out.links++;
    if (a.evidence.sentences.length === 0) out.empty++;
    const quoted = contentBigrams(l.evidence);
    const holds = a.evidence.sentences.some(
      (s) => containment(quoted, contentBigrams(s.child)) >= EVIDENCE_CONTAINED,
    );
    if (holds) out.agreeing++;
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(realTable(await realReport()));
}
