/**
 * Loading data/lexicon/<name>.json, validated once by its schema (the schemas: lexicons.ts).
 */
import { readFileSync } from "node:fs";
import type { z } from "zod";

/** One validated value per lexicon file (listed in util/caches.ts). */
const cache = new Map<string, unknown>();

/**
 * Loads `data/lexicon/<name>.json` once and validates it. Lexicons are documented data
 * (data/lexicon/README.md), so that general word lists never hide as literals in code.
 */
export function loadLexicon<T>(name: string, schema: z.ZodType<T>): T {
  const cached = cache.get(name);
  if (cached !== undefined) return cached as T;
  // src/text and dist/text both sit two levels below the package root.
  const url = new URL(`../../data/lexicon/${name}.json`, import.meta.url);
  const value = schema.parse(JSON.parse(readFileSync(url, "utf8")));
  cache.set(name, value);
  return value;
}
