import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, relative, resolve } from "node:path";
import type { CandidateOptions } from "../align/options.js";
import { loadConfig } from "../config/load-config.js";
import type { RunConfig } from "../config/schema.js";
import { loadUnitAliases } from "../config/unit-aliases.js";
import { say } from "../diff/context.js";
import { LEVEL_RANK } from "../model/document.js";
import type { Lang } from "../model/lang.js";
import type { PairRun, RunInput, RunRecord } from "../model/run.js";
import { LEVEL_LABELS, label } from "../report/shared/labels.js";
import { PlandiffError } from "../util/errors.js";
import { buildChains, type PairLinks } from "./chains.js";
import { ConfigError } from "./config-error.js";
import { compareRuns } from "./history.js";
import type { DocumentCard, FileJob, JobSettings, PairOutcome, ParentRef } from "./jobs.js";
import { WorkerPool } from "./pool.js";
import {
  expandEntries,
  firstDocuments,
  RESOLUTION_WORDS,
  resolveParents,
} from "./resolve-inputs.js";
import { readReview } from "./review.js";
import { previousRun, storeRun } from "./store.js";
import { crossedThresholds } from "./thresholds.js";

export { ConfigError };

/** Options of a batch run. */
export interface RunOptions {
  configPath: string;
  /** Reports progress (the CLI draws a bar on a TTY). */
  onProgress?: (done: number, total: number, label: string) => void;
  /** Thresholds on top of the config's (from the command line). */
  thresholds?: RunConfig["thresholds"];
  /** Test hook: fail after this many pairs, as a crash would. */
  failAfterPairs?: number;
  /** The clock, for run ids (tests pin it). */
  now?: () => Date;
  /** Worker threads (overrides the config's `jobs`; 1: everything in this thread). */
  jobs?: number;
  /** Output folder instead of the config's `output` (e.g. one per shard). */
  output?: string;
  /**
   * Compare only the K-th of N slices of the files holding children (1-based; files dealt out in
   * config order), for running one configuration on several machines.
   */
  shard?: { index: number; count: number };
  /** Which pairs the matcher scores (`all`: the naive variant of `npm run bench`). */
  candidates?: CandidateOptions["mode"];
  /**
   * Stops the run: its work folder is removed and the lock released at once, and nothing is
   * published (the CLI aborts on SIGINT and SIGTERM; the library installs no signal handlers).
   */
  signal?: AbortSignal;
}

/** The outcome of a run: its record, where it is stored, thresholds crossed, config warnings. */
export interface RunOutcome {
  record: RunRecord;
  runDir: string;
  crossed: string[];
  warnings: string[];
  /** The reports' language (the config's `lang`). */
  lang: Lang;
}

/**
 * `plandiff run`: compares every configured child with its parent, follows chains, compares with
 * the previous run, and stores everything under <output>/runs/<id>/ — published only when
 * complete, under a lock, so a failed run leaves the previous runs and `latest` as they were.
 */
export async function runBatch(options: RunOptions): Promise<RunOutcome> {
  const configPath = resolve(options.configPath);
  const loaded = loadConfig(configPath);
  if (!loaded.ok) throw new ConfigError(loaded.errors);
  const { config, warnings } = loaded;
  const configDir = dirname(configPath);
  // Read once here so that a broken review file stops the run before any work.
  if (config.review) readReview(resolve(configDir, config.review));

  const outputDir = options.output ? resolve(options.output) : resolve(configDir, config.output);
  const now = (options.now ?? (() => new Date()))();
  // Before the store takes its lock and makes folders: a missing or refused document stops the
  // run with nothing created.
  const files = expandEntries(configDir, config);
  const { record, runDir } = await storeRun(
    outputDir,
    now,
    config.lang,
    async (slot) => {
      const settings = jobSettings(configDir, config, slot.workDir, options);
      // Started first: the threads load the library while this one reads the previous run.
      const withParent = files.filter((f) => entryOf(config, f).parent !== undefined).length;
      const toCompare = Math.ceil(withParent / (options.shard?.count ?? 1));
      const pool = new WorkerPool(settings, workerCount(options.jobs ?? config.jobs, toCompare));
      let compared: ComparedPairs;
      let previous: RunRecord | null;
      try {
        previous = previousRun(slot.runsDir, relative(outputDir, configPath));
        compared = await comparePairs(files, config, pool, options);
      } finally {
        await pool.close();
      }
      const { inputs, pairs, links, parents, applied, stale } = compared;
      return {
        schemaVersion: 1,
        id: slot.id,
        config: { path: relative(outputDir, configPath), sha256: sha256(readFileSync(configPath)) },
        inputs,
        pairs,
        chains: buildChains(inputs, parents, links),
        notes: levelNotes(inputs, config.lang),
        changes: compareRuns(previous, pairs),
        review: { applied, stale },
        shard: options.shard ?? null,
        complete: true,
      };
    },
    options.signal,
  );
  const thresholds = {
    failOn: [...config.thresholds.failOn, ...(options.thresholds?.failOn ?? [])],
    failUnder: { ...config.thresholds.failUnder, ...(options.thresholds?.failUnder ?? {}) },
  };
  return {
    record,
    runDir,
    crossed: crossedThresholds(record, thresholds),
    warnings,
    lang: config.lang,
  };
}

/**
 * Files × cores from which workers pay for their start (each loads the dictionary and parses the
 * parents): measured on two cores, two workers beat one thread from a few hundred children (see
 * docs/performance.md).
 */
const WORKERS_WORTH = 600;

/** How many worker threads: as asked, else one per core when there is enough to do. */
function workerCount(asked: number | undefined, jobs: number): number {
  if (asked !== undefined) return asked;
  const cores = availableParallelism();
  return cores > 1 && jobs * cores >= WORKERS_WORTH ? cores : 1;
}

interface ComparedPairs {
  inputs: RunInput[];
  pairs: PairRun[];
  links: PairLinks[];
  /** Documents that have children, by id: their tasks (for chains). */
  parents: Map<string, DocumentCard>;
  applied: number;
  stale: RunRecord["review"]["stale"];
}

/**
 * Reads the configured documents and compares each child with its parent, in worker threads.
 * Documents that are parents, have no configured parent, or look for one (`auto`) are described
 * first (parsed for their card); then every file holding a child is compared — its documents
 * parsed again in a worker, each compared with its parent there, reports written to the work
 * folder. Only cards, summaries and links come back to this thread.
 */
async function comparePairs(
  files: FileJob[],
  config: RunConfig,
  pool: WorkerPool,
  options: RunOptions,
): Promise<ComparedPairs> {
  const parentEntries = new Set(config.documents.flatMap((e) => (e.parent ? [e.parent] : [])));
  const anyAuto = parentEntries.has("auto");
  const described = files.map(
    (f) => anyAuto || parentEntries.has(f.entryId) || entryOf(config, f).parent === undefined,
  );

  const cards: (DocumentCard[] | null)[] = files.map(() => null);
  const toDescribe = files.flatMap((_, k) => (described[k] ? [k] : []));
  await pool.run(
    toDescribe.map((k) => ({ kind: "describe", file: files[k] as FileJob })),
    (n, result) => {
      cards[toDescribe[n] as number] = result.cards;
    },
  );
  const known = cards.flatMap((c) => c ?? []);
  const byId = new Map(known.map((c) => [c.id, c]));
  const firstOfEntry = firstDocuments(files, cards);
  const resolved = resolveParents(files, cards, config);

  // What to compare: every file with a configured parent (all its documents), and the
  // documents whose parent `auto` found.
  const found: { file: number; parents: Record<string, ParentRef> }[] = [];
  files.forEach((f, k) => {
    const wanted = entryOf(config, f).parent;
    if (wanted === undefined) return;
    const parents: Record<string, ParentRef> = {};
    if (wanted !== "auto" && !described[k]) {
      const parent = firstOfEntry.get(wanted);
      if (!parent)
        throw new PlandiffError("config", `${f.entryId}: parent "${wanted}" was not loaded`);
      parents["*"] = refOf(parent);
    } else {
      for (const card of cards[k] ?? []) {
        const parent = byId.get(resolved.get(card.id)?.parent ?? "");
        if (parent) parents[card.id] = refOf(parent);
      }
      if (Object.keys(parents).length === 0) return;
    }
    found.push({ file: k, parents });
  });
  const shard = options.shard;
  const jobs = shard ? found.filter((_, n) => n % shard.count === shard.index - 1) : found;
  if (options.failAfterPairs === 0)
    throw new PlandiffError("injected", "failure injected after 0 pair(s)");

  const outcomes: (PairOutcome | null)[][] = files.map(() => []);
  let done = 0;
  options.onProgress?.(0, jobs.length, files[jobs[0]?.file ?? 0]?.spec ?? "");
  await pool.run(
    jobs.map((j) => ({ kind: "compare", file: files[j.file] as FileJob, parents: j.parents })),
    (n, result) => {
      if (result.kind !== "compare") return;
      const k = (jobs[n] as { file: number }).file;
      cards[k] = result.cards;
      outcomes[k] = result.outcomes;
      done++;
      if (options.failAfterPairs !== undefined && done >= options.failAfterPairs)
        throw new PlandiffError("injected", `failure injected after ${done} pair(s)`);
      options.onProgress?.(done, jobs.length, files[k]?.spec ?? "");
    },
  );

  const inputs: RunInput[] = [];
  const pairs: PairRun[] = [];
  const links: PairLinks[] = [];
  const stale: RunRecord["review"]["stale"] = [];
  let applied = 0;
  files.forEach((f, k) => {
    const wanted = entryOf(config, f).parent;
    (cards[k] ?? []).forEach((card, n) => {
      const outcome = outcomes[k]?.[n] ?? null;
      const resolution = resolved.get(card.id)?.resolution ?? {
        method: "configured",
        detail: `${RESOLUTION_WORDS[config.lang].parent}${wanted}`,
      };
      inputs.push({
        id: card.id,
        file: card.file,
        index: card.index,
        sha256: card.sha256,
        level: card.level,
        title: card.title,
        docNumber: card.docNumber,
        parent: outcome?.pair.parent ?? null,
        parentResolution: resolution,
      });
      if (!outcome) return;
      pairs.push(outcome.pair);
      links.push({ parent: outcome.pair.parent, child: card.id, alignments: outcome.links });
      applied += outcome.applied;
      stale.push(...outcome.stale);
    });
  });
  const parentIds = new Set(pairs.map((p) => p.parent));
  return {
    inputs,
    pairs,
    links,
    parents: new Map(known.filter((c) => parentIds.has(c.id)).map((c) => [c.id, c])),
    applied,
    stale: stale.sort((a, b) => a.index - b.index),
  };
}

/** Settings every job of a run shares. */
function jobSettings(
  configDir: string,
  config: RunConfig,
  workDir: string,
  options: RunOptions,
): JobSettings {
  return {
    workDir,
    formats: config.formats,
    lang: config.lang,
    minSeverity: config.minSeverity,
    disabledRules: config.rules.disable,
    review: config.review ? resolve(configDir, config.review) : null,
    unitAliases: unitAliasesOf(configDir, config),
    maxBytes: config.maxBytes,
    candidates: options.candidates ?? "index",
  };
}

/** The config's unit aliases (its file was validated with the config: a failure here is a race). */
function unitAliasesOf(configDir: string, config: RunConfig): [string, string][] {
  if (!config.units) return [];
  const loaded = loadUnitAliases(resolve(configDir, config.units));
  if (!loaded.ok) throw new ConfigError(loaded.errors);
  return loaded.aliases;
}

/** The configured entry a file comes from. */
function entryOf(config: RunConfig, file: FileJob): RunConfig["documents"][number] {
  return config.documents.find((e) => e.id === file.entryId) as RunConfig["documents"][number];
}

/** Where a described document is, for a worker to parse it as a parent. */
function refOf(card: DocumentCard): ParentRef {
  return { id: card.id, file: card.file, index: card.index, level: card.level };
}

/** Says when a child is compared with a parent more than one level up (its middle plan is absent). */
function levelNotes(inputs: RunInput[], lang: Lang): string[] {
  const byId = new Map(inputs.map((i) => [i.id, i]));
  return inputs.flatMap((input) => {
    const parent = input.parent ? byId.get(input.parent) : undefined;
    if (!parent || input.level === "unknown" || parent.level === "unknown") return [];
    const gap = LEVEL_RANK[input.level] - LEVEL_RANK[parent.level];
    if (gap <= 1) return [];
    const zh = `${input.id}（${label(LEVEL_LABELS, input.level, "zh")}）直接与 ${input.parent}（${label(LEVEL_LABELS, parent.level, "zh")}）比对：两者之间一级的实施方案不在本次比对范围内`;
    const en = `${input.id} (${input.level}) is compared with ${input.parent} (${parent.level}): the plan of the level between them is not in this run`;
    return [say(lang, zh, en)];
  });
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
