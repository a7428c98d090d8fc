import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureSynthBatch } from "../../bench/eval/datasets.js";
import { mergeRuns } from "../../src/run/merge.js";
import { runBatch } from "../../src/run/run-batch.js";
import { isPlandiffError } from "../../src/util/errors.js";
import { SEEDS } from "../helpers/seeds.js";

const CHILDREN = 6;
const batch = ensureSynthBatch("realistic", 101, 12);

/** The province plan, six synthetic children under it (a pattern entry), a config. */
function workspace(extra: { file: string; text: string | Buffer } | null = null): string {
  const dir = mkdtempSync(join(tmpdir(), "plandiff-parallel-"));
  mkdirSync(join(dir, "children"));
  copyFileSync(SEEDS.province, join(dir, "province.txt"));
  for (let i = 0; i < CHILDREN; i++)
    copyFileSync(join(batch, `child-101-${i}.txt`), join(dir, "children", `c${i}.txt`));
  if (extra) writeFileSync(join(dir, "children", extra.file), extra.text);
  const config = join(dir, "plandiff.config.yaml");
  writeFileSync(
    config,
    "documents:\n  - id: province\n    path: province.txt\n  - id: child\n    path: children/*\n    parent: province\noutput: out\nformats: [json, md]\n",
  );
  return config;
}

const clock = () => new Date(Date.UTC(2026, 0, 1));

describe("worker threads", () => {
  it("give the same run record and the same report bytes as one thread", async () => {
    const config = workspace();
    const one = await runBatch({ configPath: config, jobs: 1, now: clock });
    const two = await runBatch({ configPath: config, jobs: 2, now: clock });
    expect(two.record.pairs).toHaveLength(CHILDREN);
    const { id: _1, changes: _2, ...first } = one.record;
    const { id: _3, changes, ...second } = two.record;
    expect(second).toEqual(first);
    expect(changes.newFindings).toEqual([]);
    const files = readdirSync(join(one.runDir, "pairs")).sort();
    expect(files).toHaveLength(CHILDREN * 2);
    expect(readdirSync(join(two.runDir, "pairs")).sort()).toEqual(files);
    for (const f of files) {
      expect(readFileSync(join(two.runDir, "pairs", f), "utf8")).toBe(
        readFileSync(join(one.runDir, "pairs", f), "utf8"),
      );
    }
    // Parents and children were read in the workers: the record still knows every input.
    expect(two.record.inputs.map((i) => i.id)).toEqual([
      "province",
      ...Array.from({ length: CHILDREN }, (_, i) => `child-${i + 1}`),
    ]);
  });

  it("shard by child: the shards' pairs together are the whole run's, each with its own files", async () => {
    const config = workspace();
    const whole = await runBatch({ configPath: config, jobs: 1, now: clock });
    const dir = join(config, "..");
    const shards = await Promise.all(
      [1, 2, 3].map((index) =>
        runBatch({
          configPath: config,
          jobs: 1,
          now: clock,
          shard: { index, count: 3 },
          output: join(dir, `shard-${index}`),
        }),
      ),
    );
    expect(shards.map((s) => s.record.pairs.length)).toEqual([2, 2, 2]);
    const together = shards
      .flatMap((s) => s.record.pairs)
      .sort((a, b) => (a.child < b.child ? -1 : 1));
    expect(together).toEqual(whole.record.pairs);
    for (const s of shards) {
      for (const p of s.record.pairs)
        expect(readFileSync(join(s.runDir, "pairs", `${p.child}.json`), "utf8")).toBe(
          readFileSync(join(whole.runDir, "pairs", `${p.child}.json`), "utf8"),
        );
    }

    // plandiff merge: the shards as one run, with the whole run's pairs, inputs and reports.
    const merged = await mergeRuns({
      // As the README shows it: each shard's `latest` link.
      runs: [1, 2, 3].map((k) => join(dir, `shard-${k}`, "latest")),
      output: join(dir, "merged"),
      lang: "zh",
      now: clock,
    });
    expect(merged.record.pairs).toEqual(whole.record.pairs);
    expect(merged.record.inputs.map((i) => i.id).sort()).toEqual(
      whole.record.inputs.map((i) => i.id).sort(),
    );
    for (const p of whole.record.pairs)
      for (const report of p.reports)
        expect(readFileSync(join(merged.runDir, report), "utf8")).toBe(
          readFileSync(join(whole.runDir, report), "utf8"),
        );
    expect(readFileSync(join(merged.runDir, "overview.md"), "utf8")).toContain("child-6");
    expect(merged.record.changes.previous).toBeNull();
    // Merging again compares with the previous merged run: nothing new.
    const again = await mergeRuns({
      runs: shards.map((s) => s.runDir),
      output: join(dir, "merged"),
      lang: "zh",
      now: clock,
    });
    expect(again.record.changes.previous).toBe(merged.record.id);
    expect(again.record.changes.newFindings).toEqual([]);
    // The same shard twice is refused with one line.
    await expect(
      mergeRuns({
        runs: [shards[0]?.runDir as string, shards[0]?.runDir as string],
        output: join(dir, "bad"),
        lang: "zh",
      }),
    ).rejects.toThrow(/is shard 1\/3 as .* is/);
    // A shard left out is refused, and nothing is stored.
    await expect(
      mergeRuns({
        runs: [shards[0]?.runDir as string, shards[2]?.runDir as string],
        output: join(dir, "partial"),
        lang: "zh",
      }),
    ).rejects.toThrow(/shard 2\/3 missing/);
    expect(existsSync(join(dir, "partial"))).toBe(false);
    expect(merged.record.shard).toBeNull();
    expect(shards.map((s) => s.record.shard)).toEqual(
      [1, 2, 3].map((index) => ({ index, count: 3 })),
    );
  });

  it("stop the run at a bad file with its one-line error, leaving no run behind", async () => {
    const config = workspace({ file: "broken.pdf", text: Buffer.from("%PDF-1.4 not really") });
    const out = join(config, "..", "out");
    const error = await runBatch({ configPath: config, jobs: 2, now: clock }).catch((e) => e);
    expect(isPlandiffError(error)).toBe(true);
    expect(String(error.message)).toContain("broken.pdf");
    expect(String(error.message).split("\n")).toHaveLength(1);
    expect(existsSync(join(out, "latest"))).toBe(false);
    expect(readdirSync(join(out, "runs"))).toEqual([]);
  });

  it("resolve `parent: auto` from the cards the workers read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plandiff-parallel-"));
    for (const [name, path] of Object.entries(SEEDS)) copyFileSync(path, join(dir, `${name}.txt`));
    const config = join(dir, "plandiff.config.yaml");
    writeFileSync(
      config,
      "documents:\n  - id: province\n    path: province.txt\n  - id: city\n    path: city.txt\n    parent: auto\n  - id: district\n    path: district.txt\n    parent: auto\noutput: out\nformats: [json]\n",
    );
    const { record } = await runBatch({ configPath: config, jobs: 2, now: clock });
    expect(record.pairs.map((p) => `${p.parent} → ${p.child}`)).toEqual([
      "province → city",
      "province → district",
    ]);
    expect(record.inputs.find((i) => i.id === "city")?.parentResolution.method).toBe("cited");
  });
});
