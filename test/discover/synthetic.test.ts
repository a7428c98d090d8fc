/**
 * Parent discovery on synthetic piles made by the vendored generator (bench/synth): children of
 * the province plan (cities and districts, several of the same city — siblings), read with and
 * without their citation, and districts generated from one of the city children (grandchildren).
 * The truth is the generator's: each child's truth file names the file of its parent.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureSynthBatch, PARENT, ROOT } from "../../bench/eval/datasets.js";
import { discover } from "../../src/discover/index.js";
import { DEFAULT_MAX_BYTES } from "../../src/ingest/read-source.js";
import { type DiscoverResult, DiscoverResultSchema } from "../../src/model/discover.js";
import { parseDocument } from "../../src/pipeline.js";

const SEED = 7;
const COUNT = 40;
const province = await parseDocument(PARENT);

interface Truth {
  /** Child file name → parent file name. */
  parents: Map<string, string>;
  places: Map<string, string>;
  levels: Map<string, string>;
}

/** The generator's truth: parent file and place per child text file. */
function truthOf(dir: string): Truth {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
    files: { text: string; body: string; place: string; level: string }[];
  };
  const truth: Truth = { parents: new Map(), places: new Map(), levels: new Map() };
  for (const f of manifest.files) {
    const body = JSON.parse(readFileSync(join(dir, f.body), "utf8")) as { parent: string };
    truth.parents.set(f.text, body.parent);
    truth.places.set(f.text, f.place);
    truth.levels.set(f.text, f.level);
  }
  return truth;
}

/** Removes the lines that cite the province plan (its 文号 or its notice title). */
function stripCitation(text: string): string {
  const number = province.docNumber as string;
  const title = (province.title as string).replace(/\s/g, "").slice(0, 12);
  return text
    .split("\n")
    .filter((line) => !line.includes(number) && !line.replace(/\s/g, "").includes(`《${title}`))
    .join("\n");
}

/** Share of the children whose proposed parent is their true parent. */
function accuracy(result: DiscoverResult, truth: Truth): { right: number; total: number } {
  const byId = new Map(result.documents.map((d) => [d.id, d]));
  let right = 0;
  for (const [child, parent] of truth.parents) {
    const doc = result.documents.find((d) => basename(d.file) === child);
    const proposed = doc?.parent ? byId.get(doc.parent) : undefined;
    if (proposed && basename(proposed.file) === parent) right++;
  }
  return { right, total: truth.parents.size };
}

const run = (args: string[], cwd: string) =>
  discover(args, { cwd, maxBytes: DEFAULT_MAX_BYTES, lang: "en" });

describe(`synthetic children of the province plan (hard, seed ${SEED}, ${COUNT} children)`, async () => {
  const dir = ensureSynthBatch("hard", SEED, COUNT);
  const truth = truthOf(dir);
  const work = mkdtempSync(join(tmpdir(), "plandiff-discover-"));
  copyFileSync(PARENT, join(work, basename(PARENT)));
  const result = await run([dir, join(work, basename(PARENT))], work);

  it("reads every child and the province plan, and the result fits its schema", () => {
    expect(DiscoverResultSchema.parse(result)).toEqual(result);
    expect(result.documents).toHaveLength(COUNT + 1);
    expect(result.skipped).toEqual([]);
    expect(new Set(truth.levels.values())).toEqual(new Set(["city", "district"]));
  });

  it("finds the right parent of ≥ 95% of the children, from their citation", () => {
    const { right, total } = accuracy(result, truth);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
    expect(result.summary.cited).toBe(COUNT);
  });

  describe("with the citation lines removed (content must do the work)", async () => {
    const stripped = mkdtempSync(join(tmpdir(), "plandiff-discover-uncited-"));
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt"))) {
      writeFileSync(join(stripped, name), stripCitation(readFileSync(join(dir, name), "utf8")));
    }
    copyFileSync(PARENT, join(stripped, basename(PARENT)));
    const uncited = await run(["."], stripped);

    it("finds the right parent of ≥ 95% of the children by similarity", () => {
      const children = uncited.documents.filter((d) => truth.parents.has(basename(d.file)));
      expect(children.every((d) => d.method !== "cited")).toBe(true);
      const { right, total } = accuracy(uncited, truth);
      expect(right / total).toBeGreaterThanOrEqual(0.95);
    });

    it("gives each proposal a confidence, the scores, example task pairs and alternatives", () => {
      for (const d of uncited.documents.filter((x) => x.method === "similarity")) {
        expect(d.confidence).toBeGreaterThan(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        expect(d.evidence[0]).toMatch(/^content like .+: score \d\.\d\d/);
        expect(d.evidence.some((e) => e.includes(" ↔ "))).toBe(true);
      }
      // Districts whose own city is in the pile see sibling cities among the candidates.
      expect(
        uncited.documents.some((d) =>
          d.evidence.some((e) => e.includes("a sibling: itself a child")),
        ),
      ).toBe(true);
    });

    it("is deterministic", async () => {
      const again = await run(["."], stripped);
      expect(JSON.stringify(again)).toBe(JSON.stringify(uncited));
    });
  });
});

describe("grandchildren: districts generated from a city child (no citation, same city)", async () => {
  const dir = ensureSynthBatch("hard", SEED, COUNT);
  const truth = truthOf(dir);
  const cityChild = [...truth.levels].find(([, level]) => level === "city")?.[0] as string;
  const city = truth.places.get(cityChild) as string;
  const work = mkdtempSync(join(tmpdir(), "plandiff-discover-grand-"));
  const gen = join(work, "gen");
  execFileSync(
    process.execPath,
    [
      join(ROOT, "bench", "synth", "src", "cli.mjs"),
      ...["--seed", "9", "--count", "6", "--level", "district", "--profile", "hard"],
      ...["--out", gen, "--seeds", join(ROOT, "data"), "--parent", join(dir, cityChild), "--quiet"],
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const grand = truthOf(gen);
  const pile = join(work, "pile");
  mkdirSync(pile);
  for (const [name, place] of grand.places) {
    // The generator names a random city; a district of the city whose plan it implements names that city.
    const own = place.slice(0, place.indexOf("市") + 1);
    const text = readFileSync(join(gen, name), "utf8").replaceAll(own, city);
    writeFileSync(join(pile, `g-${name}`), stripCitation(text));
  }
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt"))) {
    copyFileSync(join(dir, name), join(pile, name));
  }
  copyFileSync(PARENT, join(pile, basename(PARENT)));
  const result = await run(["."], pile);

  it("proposes the city plan they follow, not the province plan nor a sibling city", () => {
    const grandchildren = result.documents.filter((d) => basename(d.file).startsWith("g-"));
    expect(grandchildren).toHaveLength(6);
    const cityId = result.documents.find((d) => basename(d.file) === cityChild)?.id;
    for (const d of grandchildren) {
      expect(d.parent, d.id).toBe(cityId);
      expect(d.method).toBe("similarity");
      expect(d.evidence.some((e) => e.includes("follows its wording"))).toBe(true);
    }
  });
});
