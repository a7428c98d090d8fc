import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { type CandidateOptions, defaultAlignOptions } from "../align/options.js";
import { compareDocuments } from "../compare.js";
import { DEFAULT_DIFF_OPTIONS, type RuleId } from "../diff/index.js";
import type { Alignment } from "../model/alignment.js";
import type { CompareResult } from "../model/compare.js";
import type { Level, PlanDocument, Reference } from "../model/document.js";
import type { Severity } from "../model/finding.js";
import type { Lang } from "../model/lang.js";
import type { PairRun, RunRecord } from "../model/run.js";
import type { Task } from "../model/task.js";
import { parseFile } from "../pipeline.js";
import { extensionOf, type FormatId, formatters } from "../report/index.js";
import type { ReviewFile } from "../review/schema.js";
import { StableJsonWriter } from "../util/stable-json.js";
import { findingRef } from "./finding-key.js";
import { pairReview, readReview } from "./review.js";

/**
 * The work of a batch run, cut into jobs that run in worker threads (or in-process for small
 * runs): each job reads one file, and either describes its documents or compares each with its
 * parent and writes the pair's reports. A job returns only what the run record needs (a card,
 * a summary, finding keys, the links without their evidence): everything else stays on disk, so
 * the memory of a run grows with the number of documents, not with their contents.
 */

/** Settings shared by every job of a run (sent once to each worker). */
export interface JobSettings {
  /** The run's work folder: reports go to <workDir>/pairs/. */
  workDir: string;
  formats: FormatId[];
  lang: Lang;
  minSeverity: Severity;
  disabledRules: string[];
  /** The review file, or null. */
  review: string | null;
  /** The unit aliases of the config's `units:` file, as [from, to] pairs (empty without one). */
  unitAliases: [string, string][];
  maxBytes: number;
  /** Which pairs the matcher scores (see CandidateOptions). */
  candidates: CandidateOptions["mode"];
}

/** One configured file: `FILE` or `FILE#N`, from entry `entryId`. */
export interface FileJob {
  spec: string;
  entryId: string;
  /** The entry's level override. */
  level?: Level;
  /** Position of the file among the files of its entry, and how many there are (for ids). */
  k: number;
  files: number;
}

/** Where a parent document is: its id, file, index in the file and level. */
export interface ParentRef {
  id: string;
  file: string;
  index: number;
  level: Level;
}

/** What the run keeps of a document: enough to resolve parents, build chains and list inputs. */
export interface DocumentCard {
  id: string;
  file: string;
  index: number;
  sha256: string;
  level: Level;
  title: string | null;
  planTitle: string | null;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  references: Reference[];
  /** What it says before its first heading (PlanDocument.opening): a cited title is fitted to it. */
  opening: string;
  tasks: Pick<Task, "id" | "title" | "source">[];
}

/** The outcome of comparing one document with its parent. */
export interface PairOutcome {
  pair: PairRun;
  /** Links without evidence (for chains). */
  links: Pick<Alignment, "parent" | "child" | "relation">[];
  applied: number;
  stale: RunRecord["review"]["stale"];
}

export type Job =
  | { kind: "describe"; file: FileJob }
  /**
   * `parents`: the parent of each document of the file by document id, or of every document
   * under "*" (a configured parent); a document with neither has none.
   */
  | { kind: "compare"; file: FileJob; parents: Record<string, ParentRef> };

export type JobResult =
  | { kind: "describe"; cards: DocumentCard[] }
  | { kind: "compare"; cards: DocumentCard[]; outcomes: (PairOutcome | null)[] };

/** Parses one configured file into its documents with their run ids and levels. */
async function loadFile(
  job: FileJob,
  maxBytes: number,
): Promise<{ cards: DocumentCard[]; documents: PlanDocument[] }> {
  const documents = await parseFile(job.spec, { maxBytes });
  const file = documents[0]?.file ?? job.spec;
  const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
  const levelled = documents.map((d) => ({ ...d, level: job.level ?? d.level }));
  const cards = levelled.map((d, n) => ({
    id: documentId(job, n, documents.length),
    file,
    index: d.index,
    sha256,
    level: d.level,
    title: d.title,
    planTitle: d.planTitle,
    docNumber: d.docNumber,
    issuer: d.issuer,
    date: d.date,
    references: d.references,
    opening: d.opening,
    tasks: d.tasks.map((t) => ({ id: t.id, title: t.title, source: t.source })),
  }));
  return { cards, documents: levelled };
}

/** `entry`, `entry-2` (second file of a glob), `entry-1.3` (third document of a bundle). */
function documentId(job: FileJob, n: number, count: number): string {
  if (job.files <= 1 && count <= 1) return job.entryId;
  return `${job.entryId}-${job.k + 1}${count > 1 ? `.${n + 1}` : ""}`;
}

/**
 * Caches of one run (keyed by its work folder, so a later run in the same process reads files
 * afresh): parents parsed once per worker, the review file read once, and the JSON writer of the
 * run's reports, which holds a snapshot of each parent (every child's report embeds it).
 */
interface RunCache {
  run: string;
  parents: Map<string, Promise<PlanDocument>>;
  json: StableJsonWriter;
  review?: ReviewFile;
}

let cache: RunCache | null = null;

function runCache(settings: JobSettings): RunCache {
  if (cache?.run !== settings.workDir)
    cache = { run: settings.workDir, parents: new Map(), json: new StableJsonWriter() };
  return cache;
}

function parentDocument(settings: JobSettings, ref: ParentRef): Promise<PlanDocument> {
  const { parents, json } = runCache(settings);
  const { maxBytes } = settings;
  const key = `${ref.file}\u0000${ref.index}\u0000${ref.level}`;
  let doc = parents.get(key);
  if (!doc) {
    // Every report of its children embeds the parent: the run's writer snapshots it once.
    doc = parseFile({ file: ref.file, index: ref.index }, { maxBytes }).then((d) =>
      json.reuse({ ...(d[0] as PlanDocument), level: ref.level }),
    );
    parents.set(key, doc);
  }
  return doc;
}

function reviewFile(settings: JobSettings, path: string): ReviewFile {
  const c = runCache(settings);
  c.review ??= readReview(path);
  return c.review;
}

/** Runs one job. */
export async function runJob(settings: JobSettings, job: Job): Promise<JobResult> {
  const { cards, documents } = await loadFile(job.file, settings.maxBytes);
  if (job.kind === "describe") return { kind: "describe", cards };
  const outcomes: (PairOutcome | null)[] = [];
  for (const [n, card] of cards.entries()) {
    const ref = job.parents[card.id] ?? job.parents["*"];
    outcomes.push(
      ref ? await comparePair(settings, ref, card.id, documents[n] as PlanDocument) : null,
    );
  }
  // The run keeps only what lists the inputs: a child's tasks are in its reports.
  return { kind: "compare", cards: cards.map((c) => ({ ...c, tasks: [] })), outcomes };
}

async function comparePair(
  settings: JobSettings,
  ref: ParentRef,
  childId: string,
  child: PlanDocument,
): Promise<PairOutcome> {
  const parent = await parentDocument(settings, ref);
  const decisions = settings.review
    ? pairReview(reviewFile(settings, settings.review), ref.id, childId)
    : null;
  const reportName = (format: FormatId) => `pairs/${childId}.${extensionOf(format)}`;
  // The JSON report's file is created while the comparison runs: creating a file can wait on the
  // file system's journal while the other workers write theirs; this thread compares meanwhile. (Its error, if any, is thrown where it is awaited.)
  const jsonFile = settings.formats.includes("json")
    ? open(join(settings.workDir, reportName("json")), "w")
    : null;
  jsonFile?.catch(() => {});
  let result: CompareResult;
  try {
    const align = defaultAlignOptions();
    result = compareDocuments(parent, child, {
      align: { ...align, candidates: { ...align.candidates, mode: settings.candidates } },
      diff: {
        ...DEFAULT_DIFF_OPTIONS,
        lang: settings.lang,
        minSeverity: settings.minSeverity,
        disabled: settings.disabledRules as RuleId[],
        unitAliases: settings.unitAliases,
      },
      ...(decisions ? decisions.options : {}),
    });
  } catch (error) {
    await jsonFile?.then((handle) => handle.close()).catch(() => {});
    throw error;
  }
  const reports: string[] = [];
  for (const format of settings.formats) {
    const name = reportName(format);
    // Plain writes: the work folder is hidden until the whole run is published (store.ts), and
    // removed if the run fails, so no report is ever seen half-written. JSON, the format of every
    // run, goes straight to bytes: the json formatter's text, made piecewise (see writeStableJson).
    if (format === "json" && jsonFile) {
      const handle = await jsonFile;
      try {
        runCache(settings).json.writeTo(handle.fd, result);
      } finally {
        await handle.close();
      }
    } else {
      const text = await formatters[format](result, {
        color: false,
        lang: settings.lang,
        documents: { parent: ref.id, child: childId },
      });
      writeFileSync(join(settings.workDir, name), text);
    }
    reports.push(name);
  }
  return {
    pair: {
      parent: ref.id,
      child: childId,
      reports,
      summary: result.summary,
      findings: result.findings.map((f) => findingRef(f, parent, child)),
    },
    links: result.alignments.map((a) => ({
      parent: a.parent,
      child: a.child,
      relation: a.relation,
    })),
    applied: decisions?.applied() ?? 0,
    stale: decisions?.stale() ?? [],
  };
}
