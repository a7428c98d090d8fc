import { readFileSync } from "node:fs";
import type { PlanDocument } from "../../src/model/document.js";
import type { Task } from "../../src/model/task.js";
import { parseDocument, parseFile } from "../../src/pipeline.js";

/** The bundled real documents (copied from the project's seeds). */
export const SEEDS = {
  city: "data/000_e50bc25d11ad62e1.txt",
  district: "data/001_1edcfceb20138e7f.txt",
  province: "data/002_2cdac00586eece9b.txt",
  gazette: "data/003_5a2e946dd2202fdb.txt",
  workPoints: "data/004_cacee9cc2b827f38.txt",
} as const;

const cache = new Map<string, Promise<PlanDocument[]>>();

/** Parses a seed once per test file. */
export function seedDocuments(path: string): Promise<PlanDocument[]> {
  let docs = cache.get(path);
  if (!docs) {
    docs = parseFile(path);
    cache.set(path, docs);
  }
  return docs;
}

export async function seedDocument(path: string): Promise<PlanDocument> {
  return parseDocument(path);
}

export const bodyTasks = (doc: PlanDocument): Task[] =>
  doc.tasks.filter((t) => t.source === "body");
export const appendixRows = (doc: PlanDocument): Task[] =>
  doc.tasks.filter((t) => t.source === "appendix");

/** A gold alignment file in the format of test/fixtures/gold/SCHEMA.md. */
export interface GoldFile {
  parent: string;
  child: string;
  scope: string;
  parentTasks: { id: string; title: string; units?: string; deadline?: string }[];
  childTasks: { id: string; title: string; deadline?: string }[];
  links: { parent: string; child: string; relation: string }[];
}

export function readGold(name: string): GoldFile {
  return JSON.parse(readFileSync(`test/fixtures/gold/${name}`, "utf8")) as GoldFile;
}

export const squeeze = (s: string): string => s.replace(/\s+/g, "");
