import { readFileSync } from "node:fs";
import { z } from "zod";
import { termId } from "./tfidf.js";

/** Document frequencies of terms over a background collection of plans (one document per task). */
export interface Background {
  documents: number;
  /** Term id → the number of background tasks that use it. */
  df: Map<number, number>;
}

const BackgroundSchema = z.object({
  documents: z.number().int().positive(),
  df: z.record(z.string(), z.number().int().positive()),
});

let loaded: Background | undefined;

/**
 * The bundled background (data/background-df.json, written by `npm run background` from every
 * plan in data/ and data/real/): loaded once, read-only.
 */
export function bundledBackground(): Background {
  if (!loaded) {
    // src/align and dist/align both sit two levels below the package root.
    const url = new URL("../../data/background-df.json", import.meta.url);
    const raw = BackgroundSchema.parse(JSON.parse(readFileSync(url, "utf8")));
    const df = new Map<number, number>();
    for (const [term, n] of Object.entries(raw.df)) df.set(termId(term), n);
    loaded = { documents: raw.documents, df };
  }
  return loaded;
}
