import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureBuiltCli } from "../helpers/built-cli.js";
import { SEEDS } from "../helpers/seeds.js";

const CLI = ensureBuiltCli();

/** Runs of the built CLI started at once; resolves with each one's exit code and output. */
function runAll(
  argvs: string[][],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }[]> {
  return Promise.all(
    argvs.map(
      (argv) =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
          const child = spawn(process.execPath, [CLI, ...argv], {
            cwd,
            env: { ...process.env, NO_COLOR: "1", ...env },
          });
          let stdout = "";
          let stderr = "";
          child.stdout.on("data", (d) => {
            stdout += d;
          });
          child.stderr.on("data", (d) => {
            stderr += d;
          });
          child.on("close", (code) => done({ code, stdout, stderr }));
        }),
    ),
  );
}

/**
 * The race of issue 16: a lock left by a dead process, and many runs (of two configurations
 * writing to the same output folder) starting at once. The test hook PLANDIFF_TEST_LOCK_PAUSE_MS
 * holds each run between judging the lock stale and taking it over, so that they all meet there
 * (the old algorithm — read the pid, remove the lock, create one — let several through: runs
 * with the same id, one configuration's run holding the other's pair file, `internal error:
 * ENOENT`).
 */
describe("runs racing for a stale lock", () => {
  it("only the runs that succeed publish, each whole and with an id of its own; the others are told the lock is held", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plandiff-race-"));
    copyFileSync(SEEDS.province, join(dir, "province.txt"));
    copyFileSync(SEEDS.city, join(dir, "city.txt"));
    copyFileSync(SEEDS.district, join(dir, "district.txt"));
    const config = (child: string) =>
      `documents:\n  - id: province\n    path: province.txt\n  - id: ${child}\n    path: ${child}.txt\n    parent: province\noutput: out\nformats: [json]\njobs: 1\n`;
    writeFileSync(join(dir, "a.yaml"), config("city"));
    writeFileSync(join(dir, "b.yaml"), config("district"));
    const out = join(dir, "out");
    mkdirSync(out);
    // Left by a process that is gone (no pid is this large).
    writeFileSync(join(out, ".plandiff.lock"), "999999999 dead-run\n");

    const configs = Array.from({ length: 8 }, (_, n) => (n % 2 === 0 ? "a.yaml" : "b.yaml"));
    const results = await runAll(
      configs.map((c) => ["run", "--config", c, "--json"]),
      dir,
      { PLANDIFF_TEST_LOCK_PAUSE_MS: "2500" },
    );

    const published: string[] = [];
    results.forEach((r, n) => {
      const context = `run ${n} (${configs[n]}): exit ${r.code}, stderr ${r.stderr}`;
      expect([0, 2], context).toContain(r.code);
      if (r.code === 2) {
        expect(r.stdout, context).toBe("");
        expect(r.stderr.trim().split("\n"), context).toEqual([
          expect.stringMatching(/^plandiff: .*out: another plandiff run \(pid \d+\) is /),
        ]);
        return;
      }
      expect(r.stderr, context).toBe("");
      const summary = JSON.parse(r.stdout) as { id: string; runDir: string };
      const record = JSON.parse(readFileSync(join(summary.runDir, "run.json"), "utf8"));
      expect(record.id, context).toBe(summary.id);
      expect(summary.runDir, context).toBe(join(out, "runs", summary.id));
      expect(record.config.path, context).toBe(join("..", configs[n] as string));
      // Whole: its pair files, exactly, and those of its own configuration.
      const reports = record.pairs.flatMap((p: { reports: string[] }) => p.reports).sort();
      expect(reports, context).toEqual([
        configs[n] === "a.yaml" ? "pairs/city.json" : "pairs/district.json",
      ]);
      expect(
        readdirSync(join(summary.runDir, "pairs")).map((f) => `pairs/${f}`),
        context,
      ).toEqual(reports);
      published.push(summary.id);
    });
    expect(published.length).toBeGreaterThan(0);
    expect(new Set(published).size).toBe(published.length);
    expect(readdirSync(join(out, "runs")).sort()).toEqual([...published].sort());
    expect(readlinkSync(join(out, "latest"))).toBe(
      join("runs", [...published].sort().at(-1) as string),
    );
    expect(existsSync(join(out, ".plandiff.lock"))).toBe(false);
    expect(readdirSync(out).filter((f) => f.startsWith(".plandiff.lock"))).toEqual([]);
  });
});
