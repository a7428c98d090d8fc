/**
 * The run overview as the renderers (`report/overview/`) read it: the stored run's own facts and
 * the tables computed from it by `run/overview-data.ts` (league table, heatmaps, the parent
 * tasks most often missing, chains, changes since the previous run).
 */
import type { Level } from "./document.js";
import type { RunChanges, RunRecord } from "./run.js";

/** Everything an overview shows; a renderer is a pure function of it and the language. */
export interface RunOverview
  extends Pick<RunRecord, "id" | "config" | "inputs" | "notes" | "review"> {
  /** One row per pair, the weakest first. */
  league: LeagueRow[];
  /** One heatmap per parent document. */
  heatmaps: Heatmap[];
  /** The parent tasks most often missing, at most `MOST_MISSING_LIMIT`. */
  mostMissing: MissingTask[];
  chains: ChainView[];
  /** The changes since the previous run; null on a first run. */
  changes: RunChanges | null;
}

/** One pair of the run as a row of the league table. */
export interface LeagueRow {
  child: string;
  childTitle: string | null;
  parent: string;
  /** The child's level. */
  level: Level;
  /** Body coverage. */
  coverage: number;
  /** Body coverage of the tasks the parent addresses to lower-level governments. */
  requiredCoverage: number;
  /** Coverage of the parent's task table, or null when the parent has no table. */
  tableCoverage: number | null;
  /** Coverage of the parent's safeguards (保障措施, S ids), or null when the parent has none. */
  safeguardsCoverage: number | null;
  fidelity: number;
  /** Findings not waived by a review decision. */
  findings: number;
  /** High-severity findings not waived. */
  high: number;
  waived: number;
  /** Findings of this pair that the previous run did not have. */
  newFindings: number;
  /** Report files of the pair, relative to the run directory. */
  reports: string[];
}

/** One parent task section, a column of the heatmap. */
export interface HeatmapColumn {
  /** 1-based index of the parent's task section. */
  section: number;
  title: string;
}

/** One cell: how much of a parent section a child carries. */
export interface HeatmapCell {
  section: number;
  /** carried / tasks (1 when the section has no task), or null when the pair lacks the section. */
  value: number | null;
  carried: number;
  tasks: number;
  fidelity: number | null;
}

/** One child of the parent, a row of the heatmap. */
export interface HeatmapRow {
  child: string;
  childTitle: string | null;
  cells: HeatmapCell[];
}

/** The heatmap of one parent document. */
export interface Heatmap {
  parent: string;
  parentTitle: string | null;
  columns: HeatmapColumn[];
  rows: HeatmapRow[];
}

/** A parent task that several children leave out. */
export interface MissingTask {
  parent: string;
  parentTitle: string | null;
  task: string;
  /** The task's title as quoted by the finding message, or null when it cannot be read. */
  title: string | null;
  /** The message of the first child (by id) that misses it. */
  message: string;
  count: number;
  /** Child ids, sorted. */
  children: string[];
}

/** One document of a chain, with what the inputs say about it. */
export interface ChainDocument {
  id: string;
  title: string | null;
  level: Level;
}

/** One top-level task down a chain: the carrying task ids per level below the root. */
export interface ChainRow {
  task: string;
  title: string;
  /** One entry per document below the root, in chain order: the task ids carrying it there. */
  steps: string[][];
  lostAt: string | null;
}

/** A chain ready to print: its documents and one row per traced task. */
export interface ChainView {
  documents: ChainDocument[];
  rows: ChainRow[];
  /** Tasks that reach the bottom document. */
  reached: number;
}
