/**
 * `npm run eval`: scores plandiff's matcher and the naive baseline on the public gold and on
 * synthetic children (bench/eval/datasets.ts), per scope, and prints a Markdown table of macro
 * averages over children.
 *
 *   npm run eval -- [--split tune|holdout|all] [--profiles realistic,hard,regrouped] [--json FILE] [--quiet]
 *                   [--jobs N]
 *
 * Children are parsed and aligned in worker threads (--jobs, default: one per core, at most 4);
 * this file is also the worker's entry point. The naive baseline's thresholds are always tuned on
 * the TUNE children of every profile, whatever --split and --profiles say, so its rows do not
 * move with the options.
 *
 * Scopes: a predicted link belongs to a scope by its parent id (B body, A appendix). Where a child's
 * truth lists safeguards (S ids: the regrouped profile), its body scope is "body and safeguards"
 * (`body+S` in the table): S ids count on both sides, links may join any B/S with any B/S, and the
 * naive baseline pairs safeguards too, with a threshold of its own. Elsewhere (public gold, realistic,
 * hard) links from a parent safeguard are left out, as before.
 *
 * With the held-out split (the default, or --split holdout|all) a "Real pairs" section follows:
 * the real pairs' gold tasks found by the parser and their link scores, and the unpaired real
 * documents' hand counts against the parsed ones (bench/eval/real.ts); --json adds them under
 * `real`.
 */
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { compareDocuments } from "../src/compare.js";
import type { PlanDocument } from "../src/model/document.js";
import { parseDocument } from "../src/pipeline.js";
import {
  type EvalChild,
  type EvalSet,
  PROFILES,
  type Profile,
  publicGoldSet,
  ROOT,
  readGold,
  SCOPES,
  type Scope,
  type Split,
  syntheticChildren,
  synthSet,
  TUNE_SEEDS,
} from "./eval/datasets.js";
import { findingChecks } from "./eval/findings.js";
import {
  applyThreshold,
  NAIVE_THRESHOLDS,
  naiveCandidates,
  type ScoredLink,
  type TuneExample,
  tuneThreshold,
} from "./eval/naive.js";
import { type RealReport, realReport, realTable } from "./eval/real.js";
import {
  type GoldFile,
  macroAverage,
  microAverage,
  type PredictedLink,
  type ScopeScore,
  scoreScope,
} from "./eval/scorer.js";

const WORKER_ROLE = "plandiff-eval-worker" as const;

interface Options {
  splits: Split[];
  profiles: Profile[];
  json: string | null;
  quiet: boolean;
  jobs: number;
}

/** One child to parse and align. */
interface Job {
  index: number;
  parent: string;
  text: string;
  runMatcher: boolean;
}

/** What a worker hands back for one scope of one child. */
interface ScopeRun {
  parentIds: string[];
  childIds: string[];
  matcher: PredictedLink[];
  naive: ScoredLink[];
}

interface ChildRun {
  scopes: Record<Scope, ScopeRun>;
  /**
   * The body scope with the safeguards (S ids) on both sides: used when the truth lists safeguards
   * (the regrouped synthetic children); otherwise S links stay out of every scope.
   */
  bodyWithSafeguards: ScopeRun;
  error: string | null;
}

interface Reply {
  index: number;
  run: ChildRun;
}

const METHODS = ["plandiff", "naive"] as const;
type Method = (typeof METHODS)[number];

function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    splits: ["tune", "holdout"],
    profiles: [...PROFILES],
    json: null,
    quiet: false,
    jobs: Math.min(availableParallelism(), 4),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--split") {
      const v = value();
      if (v !== "tune" && v !== "holdout" && v !== "all")
        throw new Error("--split: tune, holdout or all");
      o.splits = v === "all" ? ["tune", "holdout"] : [v];
    } else if (arg === "--profiles") {
      const names = value().split(",").filter(Boolean);
      const bad = names.filter((n) => !(PROFILES as readonly string[]).includes(n));
      if (bad.length > 0 || names.length === 0)
        throw new Error(`--profiles: any of ${PROFILES.join(",")}`);
      o.profiles = PROFILES.filter((p) => names.includes(p));
    } else if (arg === "--json") o.json = value();
    else if (arg === "--quiet") o.quiet = true;
    else if (arg === "--jobs") {
      o.jobs = Number(value());
      if (!Number.isInteger(o.jobs) || o.jobs < 1) throw new Error("--jobs: a positive integer");
    } else throw new Error(`unknown argument "${arg}"`);
  }
  return o;
}

// ---- worker side: parse, align, naive candidates ----

/** Parsed parents by path: parsed once by the main thread and cloned into each worker. */
type Parents = ReadonlyMap<string, PlanDocument>;

interface WorkerData {
  role: typeof WORKER_ROLE;
  parents: Record<string, PlanDocument>;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const scopeOfId = (id: string): Scope | null =>
  id.startsWith("B") ? "body" : id.startsWith("A") ? "appendix" : null;

/** A document whose safeguards count as body tasks (the naive baseline then pairs them too). */
const safeguardsAsBody = (doc: PlanDocument): PlanDocument => ({
  ...doc,
  tasks: doc.tasks.map((t) => (t.source === "safeguards" ? { ...t, source: "body" } : t)),
});

/** True when a truth file lists safeguards (S ids): its body scope is "body and safeguards". */
const listsSafeguards = (gold: GoldFile): boolean =>
  [...gold.parentTasks, ...gold.childTasks].some((t) => t.id.startsWith("S"));

async function runChild(job: Job, parents: Parents): Promise<ChildRun> {
  const p = parents.get(job.parent);
  if (!p) throw new Error(`parent not parsed: ${job.parent}`);
  let child: PlanDocument | null = null;
  let links: PredictedLink[] = [];
  let error: string | null = null;
  try {
    child = await parseDocument(job.text);
    if (job.runMatcher) {
      links = compareDocuments(p, child).alignments.map((a) => ({
        parent: a.parent,
        child: a.child,
        relation: a.relation,
      }));
    }
  } catch (e) {
    // A failing child is scored as "nothing found" and reported, rather than ending the run.
    error = `${child ? "compareDocuments" : "parseDocument"}: ${message(e)}`;
  }
  const ids = (doc: PlanDocument | null, scope: Scope) =>
    (doc?.tasks ?? []).filter((t) => t.source === scope).map((t) => t.id);
  const scopeRun = (scope: Scope): ScopeRun => ({
    parentIds: ids(p, scope),
    childIds: ids(child, scope),
    matcher: links.filter((l) => scopeOfId(l.parent) === scope),
    naive: child ? naiveCandidates(p, child, scope) : [],
  });
  const withS = (doc: PlanDocument | null) =>
    (doc?.tasks ?? [])
      .filter((t) => t.source === "body" || t.source === "safeguards")
      .map((t) => t.id);
  const bodyWithSafeguards: ScopeRun = {
    parentIds: withS(p),
    childIds: withS(child),
    matcher: links.filter((l) => l.parent.startsWith("B") || l.parent.startsWith("S")),
    naive: child ? naiveCandidates(safeguardsAsBody(p), safeguardsAsBody(child), "body") : [],
  };
  return {
    scopes: { body: scopeRun("body"), appendix: scopeRun("appendix") },
    bodyWithSafeguards,
    error,
  };
}

/** The run of one scope as its truth needs it: body with safeguards when the truth lists them. */
function scopeView(run: ChildRun, gold: Record<Scope, GoldFile>, scope: Scope): ScopeRun {
  return scope === "body" && listsSafeguards(gold.body)
    ? run.bodyWithSafeguards
    : run.scopes[scope];
}

function serveWorker(data: WorkerData): void {
  const parents: Parents = new Map(Object.entries(data.parents));
  parentPort?.on("message", (job: Job) => {
    // A rejection crashes the worker, which fails the run.
    void runChild(job, parents).then((run) =>
      parentPort?.postMessage({ index: job.index, run } satisfies Reply),
    );
  });
}

/** Runs the jobs on `count` worker threads (in this thread when count is 1). */
async function runJobs(jobs: readonly Job[], parents: Parents, count: number): Promise<ChildRun[]> {
  const runs: ChildRun[] = new Array(jobs.length);
  if (count <= 1) {
    for (const job of jobs) runs[job.index] = await runChild(job, parents);
    return runs;
  }
  // tsx's hooks do not reach worker threads by themselves: the worker registers them first.
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const data: WorkerData = { role: WORKER_ROLE, parents: Object.fromEntries(parents) };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(count, jobs.length) }, () => {
      const worker = new Worker(boot, { eval: true, workerData: data });
      return new Promise<void>((resolve, reject) => {
        // Jobs posted before the worker listens are queued by its port.
        const feed = () => {
          const job = jobs[next++];
          if (job) worker.postMessage(job);
          else void worker.terminate().then(() => resolve());
        };
        worker.on("message", (reply: Reply) => {
          runs[reply.index] = reply.run;
          feed();
        });
        worker.on("error", reject);
        feed();
      });
    }),
  );
  return runs;
}

// ---- main side: sets, scoring, output ----

/** A child with its run and its truth. */
interface Evaluated {
  run: ChildRun;
  gold: Record<Scope, GoldFile>;
}

type ScoreRow = Record<Method, ScopeScore>;

interface SetResult {
  set: EvalSet;
  perChild: Map<string, Record<Scope, ScoreRow>>;
  /** The set's truth lists safeguards: its body scope is body tasks and safeguards (S ids). */
  withSafeguards: boolean;
}

/**
 * Naive thresholds: one per scope, and one for "body and safeguards" (the body scope of children
 * whose truth lists safeguards), tuned on those children only, so the body threshold stays what
 * the children without safeguards give.
 */
type Tuned = Record<Scope | "bodyWithSafeguards", { threshold: number; f1: number }>;

const fmt = (x: number): string => x.toFixed(2);

function need<T>(map: ReadonlyMap<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`internal: no entry for ${key}`);
  return value;
}

/** Parses the parents once, then parses and aligns every distinct child. */
async function evaluate(
  sets: readonly EvalSet[],
  tuneChildren: readonly EvalChild[],
  o: Options,
  log: (line: string) => void,
): Promise<{ evaluated: Map<string, Evaluated>; workers: number }> {
  // One job per distinct child; the matcher only runs on children of a reported set.
  const byId = new Map<string, { child: EvalChild; job: Job }>();
  const add = (child: EvalChild, runMatcher: boolean) => {
    const seen = byId.get(child.id);
    if (seen) seen.job.runMatcher ||= runMatcher;
    else {
      const job = { index: byId.size, parent: child.parent, text: child.text, runMatcher };
      byId.set(child.id, { child, job });
    }
  };
  for (const set of sets) for (const child of set.children) add(child, true);
  for (const child of tuneChildren) add(child, false);
  const entries = [...byId.values()];

  const parents = new Map<string, PlanDocument>();
  for (const { job } of entries) {
    if (!parents.has(job.parent)) parents.set(job.parent, await parseDocument(job.parent));
  }
  const workers = Math.min(o.jobs, entries.length);
  const scored = sets.reduce((n, s) => n + s.children.length, 0);
  log(`${entries.length} children (${scored} scored) on ${workers} worker(s)`);
  const runs = await runJobs(
    entries.map((e) => e.job),
    parents,
    workers,
  );
  const evaluated = new Map<string, Evaluated>();
  entries.forEach(({ child }, i) => {
    const gold = { body: readGold(child.body), appendix: readGold(child.appendix) };
    evaluated.set(child.id, { run: runs[i] as ChildRun, gold });
  });
  return { evaluated, workers };
}

/** The naive baseline's threshold per scope, by macro link F1 on the TUNE children. */
function tuneNaive(
  tuneChildren: readonly EvalChild[],
  evaluated: ReadonlyMap<string, Evaluated>,
): Tuned {
  const tune = (scope: Scope, keep: (gold: Record<Scope, GoldFile>) => boolean) => {
    const examples: TuneExample[] = tuneChildren.flatMap((c) => {
      const { run, gold } = need(evaluated, c.id);
      if (!keep(gold)) return [];
      const { naive, parentIds, childIds } = scopeView(run, gold, scope);
      return [{ candidates: naive, gold: gold[scope], parentIds, childIds }];
    });
    return examples.length > 0
      ? tuneThreshold(examples)
      : { threshold: NAIVE_THRESHOLDS.body, f1: 0 };
  };
  return {
    body: tune("body", (g) => !listsSafeguards(g.body)),
    bodyWithSafeguards: tune("body", (g) => listsSafeguards(g.body)),
    appendix: tune("appendix", () => true),
  };
}

/** The naive threshold that applies to one scope of a child. */
const naiveThreshold = (tuned: Tuned, gold: Record<Scope, GoldFile>, scope: Scope): number =>
  scope === "body" && listsSafeguards(gold.body)
    ? tuned.bodyWithSafeguards.threshold
    : tuned[scope].threshold;

function scoreSet(
  set: EvalSet,
  evaluated: ReadonlyMap<string, Evaluated>,
  tuned: Tuned,
): SetResult {
  const perChild = new Map<string, Record<Scope, ScoreRow>>();
  let withSafeguards = set.children.length > 0;
  for (const child of set.children) {
    const { run, gold } = need(evaluated, child.id);
    const score = (scope: Scope): ScoreRow => {
      const { matcher, naive, parentIds, childIds } = scopeView(run, gold, scope);
      const naiveLinks = applyThreshold(naive, naiveThreshold(tuned, gold, scope));
      return {
        plandiff: scoreScope(matcher, gold[scope], parentIds, childIds),
        naive: scoreScope(naiveLinks, gold[scope], parentIds, childIds),
      };
    };
    perChild.set(child.id, { body: score("body"), appendix: score("appendix") });
    withSafeguards &&= listsSafeguards(gold.body);
  }
  return { set, perChild, withSafeguards };
}

const scoresOf = (r: SetResult, scope: Scope, method: Method): ScopeScore[] =>
  [...r.perChild.values()].map((x) => x[scope][method]);

const HEADER = [
  ...["set", "scope", "method", "children", "link P", "link R", "link F1", "primary R"],
  ...["missing P", "missing R", "missing F1", "added F1", "relation acc"],
];

/** The Markdown table of macro averages. */
function table(results: readonly SetResult[]): string {
  const lines = [`| ${HEADER.join(" | ")} |`, `|${HEADER.map(() => "---").join("|")}|`];
  for (const r of results) {
    for (const scope of SCOPES) {
      for (const method of METHODS) {
        const scores = scoresOf(r, scope, method);
        const m = macroAverage(scores);
        const label = scope === "body" && r.withSafeguards ? "body+S" : scope;
        const cells = [r.set.name, label, method, String(scores.length)];
        const ratios = [m.link.precision, m.link.recall, m.link.f1, m.primaryRecall];
        ratios.push(m.missing.precision, m.missing.recall, m.missing.f1, m.added.f1);
        ratios.push(m.relationAccuracy);
        lines.push(`| ${[...cells, ...ratios.map(fmt)].join(" | ")} |`);
      }
    }
  }
  if (results.some((r) => r.withSafeguards)) {
    lines.push(
      "",
      "body+S: body and safeguards. The truth of these sets lists the safeguards (S ids) of both plans, so S ids count in the body scope (links may join any B/S with any B/S). The other sets' truth lists no safeguards: their body scope is body tasks only and links from a parent safeguard are left out, as before.",
    );
  }
  return lines.join("\n");
}

/** JSON with object keys sorted at every level, so runs can be diffed. */
function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") {
      const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([k, x]) => [k, sort(x)]));
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

/** Every per-child score, with macro and micro averages per set. */
function report(
  results: readonly SetResult[],
  tuned: Tuned,
  tuneChildren: number,
  errors: string[],
) {
  const byScope = (r: SetResult, pick: (scores: ScopeScore[]) => unknown) =>
    Object.fromEntries(
      SCOPES.map((scope) => [
        scope,
        Object.fromEntries(METHODS.map((m) => [m, pick(scoresOf(r, scope, m))])),
      ]),
    );
  return {
    naive: { tuned, tuneChildren },
    errors,
    sets: Object.fromEntries(
      results.map((r) => [
        r.set.name,
        {
          split: r.set.split,
          bodyScope: r.withSafeguards ? "body and safeguards" : "body",
          children: Object.fromEntries(r.perChild),
          macro: byScope(r, macroAverage),
          micro: byScope(r, microAverage),
        },
      ]),
    ),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  let o: Options;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`eval: ${message(e)}`);
    process.exit(2);
  }
  const log = o.quiet ? () => {} : (line: string) => console.error(`eval: ${line}`);

  // The public gold is held-out data: it only shows with --split holdout or all.
  const sets: EvalSet[] = o.splits.includes("holdout") ? [publicGoldSet()] : [];
  for (const split of o.splits) {
    for (const profile of o.profiles) sets.push(await synthSet(profile, split, log));
  }
  const tuneChildren = await syntheticChildren(PROFILES, TUNE_SEEDS, log);
  const runStarted = performance.now();
  const { evaluated, workers } = await evaluate(sets, tuneChildren, o, log);
  const runSeconds = (performance.now() - runStarted) / 1000;
  const tuned = tuneNaive(tuneChildren, evaluated);
  const results = sets.map((set) => scoreSet(set, evaluated, tuned));

  console.log(table(results));
  console.log("");
  const notes = (["body", "bodyWithSafeguards", "appendix"] as const).map(
    (s) =>
      `${s === "bodyWithSafeguards" ? "body+S" : s} ${fmt(tuned[s].threshold)} (tune link F1 ${tuned[s].f1.toFixed(3)})`,
  );
  console.log(
    `naive thresholds, tuned on ${tuneChildren.length} TUNE children: ${notes.join(", ")}`,
  );
  if (sets.some((set) => set.name.startsWith("public"))) {
    const [parent, child] = await Promise.all([
      parseDocument(join(ROOT, "data", "002_2cdac00586eece9b.txt")),
      parseDocument(join(ROOT, "data", "000_e50bc25d11ad62e1.txt")),
    ]);
    console.log("");
    console.log(findingChecks(parent, child).join("\n"));
  }
  // The real pairs are held out too: nothing is tuned on them.
  let real: RealReport | null = null;
  const realErrors: string[] = [];
  if (o.splits.includes("holdout")) {
    try {
      real = await realReport();
      console.log("");
      console.log(realTable(real));
    } catch (e) {
      realErrors.push(`real pairs: ${message(e)}`);
    }
  }
  const stale = SCOPES.filter((s) => tuned[s].threshold !== NAIVE_THRESHOLDS[s]);
  if (stale.length > 0) {
    console.log(
      `note: NAIVE_THRESHOLDS in bench/eval/naive.ts differ for ${stale.join(", ")}; update them`,
    );
  }
  const errors = [
    ...[...evaluated].flatMap(([id, e]) => (e.run.error ? [`${id}: ${e.run.error}`] : [])),
    ...realErrors,
  ];
  for (const error of errors) console.error(`eval: ${error}`);
  if (o.json) {
    const out = report(results, tuned, tuneChildren.length, errors);
    writeFileSync(o.json, sortedJson(real ? { ...out, real } : out));
  }

  const total = (performance.now() - started) / 1000;
  console.log(
    `wall time ${total.toFixed(1)} s (parse + align + naive on ${evaluated.size} children: ${runSeconds.toFixed(1)} s, ${workers} worker(s))`,
  );
  if (errors.length > 0) process.exitCode = 1;
}

const data = workerData as Partial<WorkerData> | null;
if (isMainThread) await main();
else if (data?.role === WORKER_ROLE) serveWorker(data as WorkerData);
