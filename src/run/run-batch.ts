import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { compareDocuments } from "../compare.js";
import { loadConfig } from "../config/load-config.js";
import type { RunConfig } from "../config/schema.js";
import { say } from "../diff/context.js";
import { DEFAULT_DIFF_OPTIONS, type RuleId } from "../diff/index.js";
import type { PlanDocument } from "../model/document.js";
import type { Lang } from "../model/lang.js";
import type { PairRun, RunRecord } from "../model/run.js";
import { LEVEL_RANK } from "../parse/level.js";
import { extensionOf, formatters } from "../report/index.js";
import { LEVEL_LABELS, label } from "../report/shared/labels.js";
import { PlandiffError } from "../util/errors.js";
import { stableStringify } from "../util/stable-json.js";
import { writeFileAtomic } from "../util/write-atomic.js";
import { buildChains, type PairLinks } from "./chains.js";
import { ConfigError } from "./config-error.js";
import { findingRef } from "./finding-key.js";
import { compareRuns } from "./history.js";
import { writeOverview } from "./overview.js";
import { type LoadedDocument, loadDocuments } from "./resolve-inputs.js";
import { pairReview, readReview } from "./review.js";
import { acquireLock, newRunId, previousRun, publishRun } from "./store.js";
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
}

/** The outcome of a run: its record, where it is stored, thresholds crossed, config warnings. */
export interface RunOutcome {
  record: RunRecord;
  runDir: string;
  crossed: string[];
  warnings: string[];
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
  const review = config.review ? readReview(resolve(configDir, config.review)) : null;
  const documents = await loadDocuments(configDir, config.documents, config);

  const outputDir = resolve(configDir, config.output);
  const runsDir = join(outputDir, "runs");
  const release = acquireLock(outputDir);
  const id = newRunId(runsDir, (options.now ?? (() => new Date()))());
  const workDir = join(runsDir, `.${id}.partial`);
  try {
    mkdirSync(join(workDir, "pairs"), { recursive: true });
    const previous = previousRun(runsDir, relative(outputDir, configPath));
    const { pairs, links, applied, stale } = await comparePairs(
      documents,
      config,
      workDir,
      review,
      options,
    );
    const byId = new Map(documents.map((d) => [d.input.id, d.document]));
    const inputs = documents.map((d) => d.input);
    const record: RunRecord = {
      schemaVersion: 1,
      id,
      config: { path: relative(outputDir, configPath), sha256: sha256(readFileSync(configPath)) },
      inputs,
      pairs,
      chains: buildChains(inputs, byId, links),
      notes: levelNotes(documents, byId, config.lang),
      changes: compareRuns(previous, pairs),
      review: { applied, stale },
      complete: true,
    };
    writeOverview(workDir, record, config.lang);
    writeFileAtomic(join(workDir, "run.json"), `${stableStringify(record)}\n`);
    const runDir = join(runsDir, id);
    publishRun(outputDir, workDir, runDir, id);
    const thresholds = {
      failOn: [...config.thresholds.failOn, ...(options.thresholds?.failOn ?? [])],
      failUnder: { ...config.thresholds.failUnder, ...(options.thresholds?.failUnder ?? {}) },
    };
    return { record, runDir, crossed: crossedThresholds(record, thresholds), warnings };
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}

async function comparePairs(
  documents: LoadedDocument[],
  config: RunConfig,
  workDir: string,
  review: ReturnType<typeof readReview> | null,
  options: RunOptions,
): Promise<{
  pairs: PairRun[];
  links: PairLinks[];
  applied: number;
  stale: RunRecord["review"]["stale"];
}> {
  const byId = new Map(documents.map((d) => [d.input.id, d.document]));
  const children = documents.filter((d) => d.input.parent !== null);
  const pairs: PairRun[] = [];
  const links: PairLinks[] = [];
  let applied = 0;
  const stale: RunRecord["review"]["stale"] = [];
  for (const [n, item] of children.entries()) {
    if (options.failAfterPairs !== undefined && n >= options.failAfterPairs) {
      throw new PlandiffError("injected", `failure injected after ${n} pair(s)`);
    }
    const parentId = item.input.parent as string;
    const parent = byId.get(parentId);
    if (!parent)
      throw new PlandiffError("config", `${item.input.id}: parent "${parentId}" was not loaded`);
    options.onProgress?.(n, children.length, item.input.id);
    const decisions = review ? pairReview(review, parentId, item.input.id) : null;
    const result = compareDocuments(parent, item.document, {
      diff: {
        ...DEFAULT_DIFF_OPTIONS,
        lang: config.lang,
        minSeverity: config.minSeverity,
        disabled: config.rules.disable as RuleId[],
      },
      ...(decisions ? decisions.options : {}),
    });
    if (decisions) {
      applied += decisions.applied();
      stale.push(...decisions.stale());
    }
    const reports: string[] = [];
    for (const format of config.formats) {
      const name = `pairs/${item.input.id}.${extensionOf(format)}`;
      writeFileAtomic(
        join(workDir, name),
        await formatters[format](result, { color: false, lang: config.lang }),
      );
      reports.push(name);
    }
    pairs.push({
      parent: parentId,
      child: item.input.id,
      reports,
      summary: result.summary,
      findings: result.findings.map((f) => findingRef(f, parent, item.document)),
    });
    links.push({ parent: parentId, child: item.input.id, alignments: result.alignments });
  }
  options.onProgress?.(children.length, children.length, "");
  return { pairs, links, applied, stale: stale.sort((a, b) => a.index - b.index) };
}

/** Says when a child is compared with a parent more than one level up (its middle plan is absent). */
function levelNotes(
  documents: LoadedDocument[],
  byId: Map<string, PlanDocument>,
  lang: Lang,
): string[] {
  return documents.flatMap(({ input }) => {
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
