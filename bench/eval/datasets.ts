/**
 * The evaluation sets: the public hand-made gold (002 → 000) and synthetic children made by the
 * vendored generator (bench/synth) with exact truth. Synthetic batches are generated once into a
 * cache under the OS temp dir and reused; the generator is deterministic, so a cached batch is the
 * batch it would make again.
 *
 * The split lives here only: tune on TUNE_SEEDS (thresholds, weights), report on HOLDOUT_SEEDS.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { GoldFile } from "./scorer.js";

/** The repository root (this file is bench/eval/datasets.ts). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The parent plan of every set (浙政发〔2018〕16号). */
export const PARENT = join(ROOT, "data", "002_2cdac00586eece9b.txt");

/** Synthetic profiles evaluated (bench/synth/src/profiles.mjs). */
export const PROFILES = ["realistic", "hard", "regrouped"] as const;
export type Profile = (typeof PROFILES)[number];

/** Seeds the matcher and the naive baseline may be tuned on. */
export const TUNE_SEEDS: readonly number[] = [1, 2];
/** Seeds nothing is tuned on: the figures to report. */
export const HOLDOUT_SEEDS: readonly number[] = [101, 102];
/** Children generated per seed. */
export const CHILDREN_PER_SEED = 12;
/** Generator level: city and district children mixed. */
export const SYNTH_LEVEL = "mixed";

export type Split = "tune" | "holdout";
export type Scope = "body" | "appendix";
export const SCOPES: readonly Scope[] = ["body", "appendix"];

/** One child plan with its truth files, one per scope. */
export interface EvalChild {
  /** Unique within the evaluation, e.g. `realistic/child-1-3` or `public/000`. */
  id: string;
  parent: string;
  /** Path of the child plan text. */
  text: string;
  /** Path of the body truth file. */
  body: string;
  /** Path of the appendix truth file. */
  appendix: string;
}

/** A named group of children scored together. */
export interface EvalSet {
  name: string;
  split: Split;
  children: EvalChild[];
}

const GOLD_DIR = join(ROOT, "test", "fixtures", "gold");
const SYNTH_CLI = join(ROOT, "bench", "synth", "src", "cli.mjs");

/**
 * The public gold: the Jiaxing city plan (000) against the province plan (002). It counts as
 * held out: nothing in the evaluation is tuned on it.
 */
export function publicGoldSet(): EvalSet {
  return {
    name: "public 002→000",
    split: "holdout",
    children: [
      {
        id: "public/002-000",
        parent: PARENT,
        text: join(ROOT, "data", "000_e50bc25d11ad62e1.txt"),
        body: join(GOLD_DIR, "002-000.body.json"),
        appendix: join(GOLD_DIR, "002-000.appendix.json"),
      },
    ],
  };
}

/** Changes whenever the generator or its inputs change, so a stale cache is never reused. */
function generatorFingerprint(): string {
  const hash = createHash("sha256");
  const src = dirname(SYNTH_CLI);
  for (const f of readdirSync(src).sort()) hash.update(f).update(readFileSync(join(src, f)));
  for (const f of [
    "002_2cdac00586eece9b.txt",
    "003_5a2e946dd2202fdb.txt",
    "004_cacee9cc2b827f38.txt",
  ]) {
    hash.update(f).update(readFileSync(join(ROOT, "data", f)));
  }
  return hash.digest("hex").slice(0, 10);
}

let fingerprint: string | undefined;

/**
 * The folder of one generated batch, generating it if missing. The generator writes into a
 * private folder that is then renamed into place, so an interrupted or concurrent run never
 * leaves a half-written batch behind (manifest.json is written last and marks completion).
 */
export function ensureSynthBatch(
  profile: Profile,
  seed: number,
  count: number,
  log: (line: string) => void = () => {},
): string {
  fingerprint ??= generatorFingerprint();
  const cache = process.env.PLANDIFF_SYNTH_CACHE ?? join(tmpdir(), "plandiff-eval");
  const dir = join(cache, `${profile}-${seed}-${count}-${fingerprint}`);
  if (existsSync(join(dir, "manifest.json"))) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  const started = performance.now();
  // The CLI rather than batch.mjs in-process: it is the generator's documented interface, and an
  // untyped .mjs import would need declarations outside this folder.
  execFileSync(
    process.execPath,
    [
      SYNTH_CLI,
      ...["--seed", String(seed), "--count", String(count), "--level", SYNTH_LEVEL],
      ...["--profile", profile, "--out", tmp, "--seeds", join(ROOT, "data"), "--quiet"],
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  log(
    `generated ${profile} seed ${seed} × ${count} in ${((performance.now() - started) / 1000).toFixed(1)} s → ${dir}`,
  );
  return dir;
}

/** The children of one generated batch, in generation order. */
function batchChildren(profile: Profile, seed: number, dir: string): EvalChild[] {
  return Array.from({ length: CHILDREN_PER_SEED }, (_, i) => {
    const name = `child-${seed}-${i}`;
    return {
      id: `${profile}/${name}`,
      parent: PARENT,
      text: join(dir, `${name}.txt`),
      body: join(dir, `${name}.body.json`),
      appendix: join(dir, `${name}.appendix.json`),
    };
  });
}

/** Synthetic children of the given profiles and seeds (generated on first use). */
export async function syntheticChildren(
  profiles: readonly Profile[],
  seeds: readonly number[],
  log?: (line: string) => void,
): Promise<EvalChild[]> {
  return profiles.flatMap((profile) =>
    seeds.flatMap((seed) =>
      batchChildren(profile, seed, ensureSynthBatch(profile, seed, CHILDREN_PER_SEED, log)),
    ),
  );
}

/** The synthetic set of one profile and split. */
export async function synthSet(
  profile: Profile,
  split: Split,
  log?: (line: string) => void,
): Promise<EvalSet> {
  const seeds = split === "tune" ? TUNE_SEEDS : HOLDOUT_SEEDS;
  return {
    name: `${profile} ${split}`,
    split,
    children: await syntheticChildren([profile], seeds, log),
  };
}

const GoldTaskSchema = z.object({ id: z.string(), title: z.string() });
const GoldFileSchema = z.object({
  parent: z.string(),
  child: z.string(),
  scope: z.string(),
  parentTasks: z.array(GoldTaskSchema),
  childTasks: z.array(GoldTaskSchema),
  links: z.array(z.object({ parent: z.string(), child: z.string(), relation: z.string() })),
});

/** Reads and checks a gold (or synthetic truth) file. */
export function readGold(path: string): GoldFile {
  return GoldFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}
