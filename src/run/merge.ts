import { copyFileSync, existsSync, mkdirSync, realpathSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Lang } from "../model/lang.js";
import type { RunRecord } from "../model/run.js";
import { PlandiffError } from "../util/errors.js";
import { compareIds } from "../util/task-ids.js";
import { compareRuns } from "./history.js";
import { previousRun, readRunRecord, storeRun } from "./store.js";

/** Options of `plandiff merge`. */
export interface MergeOptions {
  /** Run folders of the shards (`<output>/runs/<id>` or `<output>/latest`). */
  runs: string[];
  /** Where the merged run is stored (as `plandiff run` stores one). */
  output: string;
  lang: Lang;
  now?: () => Date;
  /** Stops the merge as it stops a run (RunOptions.signal). */
  signal?: AbortSignal;
}

/** A shard's run as read from its folder. */
interface ShardRun {
  dir: string;
  record: RunRecord;
  /** The configuration file, absolute (run.json keeps it relative to the shard's output). */
  config: string;
}

function readShard(path: string): ShardRun {
  if (!existsSync(path)) throw new PlandiffError("not-found", "no such run folder", path);
  // `<output>/latest` is a link: its real place, <output>/runs/<id>, tells where <output> is.
  const dir = realpathSync(path);
  const record = readRunRecord(join(dir, "run.json"));
  if (!record) throw new PlandiffError("bad-run", "holds no complete run.json of plandiff", path);
  // The config path in run.json is relative to <output>.
  return { dir, record, config: resolve(dir, "..", "..", record.config.path) };
}

/**
 * `plandiff merge`: the shards of one configuration (`plandiff run --shard K/N`) as one run —
 * inputs united by id, pairs, chains, notes and review outcomes put together, the pair reports
 * copied, history computed against the previous merged run in `output`, and the overview of the
 * whole. Stored like a run (lock, work folder, published by rename, `latest`).
 */
export async function mergeRuns(
  options: MergeOptions,
): Promise<{ record: RunRecord; runDir: string }> {
  if (options.runs.length === 0) throw new PlandiffError("usage", "no run folder to merge");
  const shards = options.runs.map((dir) => readShard(resolve(dir)));
  const first = shards[0] as ShardRun;
  for (const s of shards) {
    if (s.record.config.sha256 !== first.record.config.sha256)
      throw new PlandiffError(
        "mismatch",
        `comes from another configuration than ${first.dir} (config SHA-256 differs)`,
        s.dir,
      );
  }
  checkShards(shards);
  const seenPairs = new Set<string>();
  for (const s of shards) {
    for (const p of s.record.pairs) {
      if (seenPairs.has(p.child))
        throw new PlandiffError("mismatch", `child "${p.child}" is in two of the shards`, s.dir);
      seenPairs.add(p.child);
    }
  }

  const outputDir = resolve(options.output);
  const now = (options.now ?? (() => new Date()))();
  return storeRun(
    outputDir,
    now,
    options.lang,
    ({ id, workDir, runsDir }) => {
      const configPath = relative(outputDir, first.config);
      const inputs = new Map<string, RunRecord["inputs"][number]>();
      for (const s of shards)
        for (const i of s.record.inputs) if (!inputs.has(i.id)) inputs.set(i.id, i);
      const pairs = shards
        .flatMap((s) => s.record.pairs)
        .sort((a, b) => compareIds(a.child, b.child));
      for (const s of shards) {
        for (const p of s.record.pairs) {
          for (const report of p.reports) {
            const target = join(workDir, report);
            mkdirSync(dirname(target), { recursive: true });
            copyFileSync(join(s.dir, report), target);
          }
        }
      }
      const chains = new Map<string, RunRecord["chains"][number]>();
      for (const s of shards) for (const c of s.record.chains) chains.set(c.documents.join(" "), c);
      return {
        schemaVersion: 1,
        id,
        config: { path: configPath, sha256: first.record.config.sha256 },
        inputs: [...inputs.values()].sort((a, b) => compareIds(a.id, b.id)),
        pairs,
        chains: [...chains.entries()].sort(([a], [b]) => compareIds(a, b)).map(([, c]) => c),
        notes: [...new Set(shards.flatMap((s) => s.record.notes))].sort(),
        changes: compareRuns(previousRun(runsDir, configPath), pairs),
        review: {
          applied: shards.reduce((n, s) => n + s.record.review.applied, 0),
          stale: uniqueStale(shards.flatMap((s) => s.record.review.stale)),
        },
        shard: null,
        complete: true,
      };
    },
    options.signal,
  );
}

/**
 * The shards must be the whole set: one run per K of the same N (`--shard K/N`), none missing, none
 * twice. Runs made without --shard cannot be checked and are merged as given.
 */
function checkShards(shards: ShardRun[]): void {
  const marked = shards.filter((s) => s.record.shard !== null);
  if (marked.length === 0) return;
  const unmarked = shards.find((s) => s.record.shard === null);
  if (unmarked)
    throw new PlandiffError(
      "mismatch",
      "was not made with --shard, unlike the others",
      unmarked.dir,
    );
  const count = marked[0]?.record.shard?.count as number;
  const seen = new Map<number, string>();
  for (const s of marked) {
    const shard = s.record.shard as { index: number; count: number };
    if (shard.count !== count)
      throw new PlandiffError(
        "mismatch",
        `is shard ${shard.index}/${shard.count}, the others are of ${count}`,
        s.dir,
      );
    const other = seen.get(shard.index);
    if (other !== undefined)
      throw new PlandiffError("mismatch", `is shard ${shard.index}/${count} as ${other} is`, s.dir);
    seen.set(shard.index, s.dir);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length > 0)
    throw new PlandiffError(
      "mismatch",
      `shard ${missing.map((k) => `${k}/${count}`).join(", ")} missing: merge every shard of the run`,
    );
}

/** Stale review decisions, each once (every shard reports the decisions none of its pairs used). */
function uniqueStale(stale: RunRecord["review"]["stale"]): RunRecord["review"]["stale"] {
  const byKey = new Map(stale.map((s) => [`${s.index} ${s.reason}`, s]));
  return [...byKey.values()].sort((a, b) => a.index - b.index || (a.reason < b.reason ? -1 : 1));
}
