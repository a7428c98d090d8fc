import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunRecord } from "../../src/model/run.js";
import { compareRuns } from "../../src/run/history.js";
import { acquireLock, LOCK_NAME } from "../../src/run/lock.js";
import { previousRun, reserveRunId, storeRun } from "../../src/run/store.js";
import { isPlandiffError } from "../../src/util/errors.js";
import { fsError, makeFolder, writeFileAtomic } from "../../src/util/write-atomic.js";

import { runCli } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

const folder = () => mkdtempSync(join(tmpdir(), "plandiff-lock-"));
/** A pid no process has (larger than any pid_max). */
const DEAD = 999_999_999;

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
}

describe("the output folder's lock", () => {
  it("is a file holding the pid and a token of its own, released only by its holder", () => {
    const dir = folder();
    const lock = acquireLock(dir);
    const path = join(dir, LOCK_NAME);
    expect(readFileSync(path, "utf8")).toBe(`${process.pid} ${lock.token}\n`);
    expect(lock.held()).toBe(true);
    // Nothing else is left beside it.
    expect(readdirSync(dir)).toEqual([LOCK_NAME]);
    lock.release();
    expect(existsSync(path)).toBe(false);

    const again = acquireLock(dir);
    expect(again.token).not.toBe(lock.token);
    lock.release(); // the old holder's release leaves the new lock alone
    expect(again.held()).toBe(true);
    again.release();
  });

  it("refuses a live holder, in one line naming its pid", () => {
    const dir = folder();
    const held = acquireLock(dir);
    const error = thrown(() => acquireLock(dir));
    expect(isPlandiffError(error) && error.code).toBe("locked");
    expect((error as Error).message).toBe(
      `${dir}: another plandiff run (pid ${process.pid}) is writing here; wait for it to finish`,
    );
    expect(held.held()).toBe(true);
    held.release();
  });

  it("takes over a lock whose process is gone (the old pid-only lock too), replacing it whole", () => {
    for (const stale of [`${DEAD} 1234-token\n`, String(DEAD), ""]) {
      const dir = folder();
      writeFileSync(join(dir, LOCK_NAME), stale);
      const lock = acquireLock(dir);
      expect(readFileSync(join(dir, LOCK_NAME), "utf8")).toBe(`${process.pid} ${lock.token}\n`);
      expect(readdirSync(dir)).toEqual([LOCK_NAME]);
      lock.release();
    }
  });

  it("leaves a stale lock to the live run taking it over", () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_NAME), `${DEAD} stale\n`);
    // What a run taking it over right now has made: the marker of that stale lock.
    const first = acquireLockMarker(dir, `${DEAD} stale\n`, `${process.pid} other\n`);
    const error = thrown(() => acquireLock(dir));
    expect(isPlandiffError(error) && error.code).toBe("locked");
    expect((error as Error).message).toBe(
      `${dir}: another plandiff run (pid ${process.pid}) is taking over the lock here`,
    );
    expect(readFileSync(join(dir, LOCK_NAME), "utf8")).toBe(`${DEAD} stale\n`);
    expect(existsSync(first)).toBe(true);
  });

  it("takes over a takeover whose run died midway", () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_NAME), `${DEAD} stale\n`);
    acquireLockMarker(dir, `${DEAD} stale\n`, `${DEAD} died-taking-over\n`);
    const lock = acquireLock(dir);
    expect(lock.held()).toBe(true);
    expect(readdirSync(dir)).toEqual([LOCK_NAME]);
    lock.release();
  });

  it("is no longer held once another lock replaced it (the run then publishes nothing)", async () => {
    const dir = folder();
    const error = await storeRun(dir, new Date(0), "en", () => {
      // Removed by hand, and another run took the folder.
      writeFileSync(join(dir, LOCK_NAME), `${process.pid} someone-else\n`);
      return emptyRecord("19700101-000000");
    }).catch((e: unknown) => e);
    expect(isPlandiffError(error) && error.code).toBe("locked");
    expect((error as Error).message).toMatch(/the lock is no longer this run's/);
    expect(readdirSync(join(dir, "runs"))).toEqual([]);
    expect(existsSync(join(dir, "latest"))).toBe(false);
    // Not released by the run that lost it.
    expect(readFileSync(join(dir, LOCK_NAME), "utf8")).toBe(`${process.pid} someone-else\n`);
  });
});

/** A run record of nothing. */
function emptyRecord(id: string): RunRecord {
  return {
    schemaVersion: 1,
    id,
    config: { path: "plandiff.config.yaml", sha256: "0".repeat(64) },
    inputs: [],
    pairs: [],
    chains: [],
    notes: [],
    changes: compareRuns(null, []),
    review: { applied: 0, stale: [] },
    shard: null,
    complete: true,
  };
}

/** Writes the takeover marker of the stale lock `stale`, as a run taking it over makes it. */
function acquireLockMarker(dir: string, stale: string, holder: string): string {
  const hash = createHash("sha256").update(stale).digest("hex").slice(0, 16);
  const marker = join(dir, `${LOCK_NAME}.takeover-${hash}`);
  writeFileSync(marker, holder);
  return marker;
}

describe("run ids", () => {
  it("are unique within one second: the work folder reserves each", () => {
    const runs = folder();
    const now = new Date(Date.UTC(2026, 10, 23, 17, 30, 0, 250));
    const ids = [reserveRunId(runs, now), reserveRunId(runs, now), reserveRunId(runs, now)];
    expect(ids).toEqual(["20261123-173000", "20261123-173000-2", "20261123-173000-3"]);
    expect(readdirSync(runs).sort()).toEqual(ids.map((id) => `.${id}.partial`).sort());
  });

  it("order by time: the tenth run of a second is later than the second", () => {
    const runs = folder();
    const now = new Date(Date.UTC(2026, 10, 23, 17, 30, 0));
    for (let n = 1; n <= 11; n++) {
      const id = reserveRunId(runs, now);
      const record = {
        schemaVersion: 1,
        id,
        config: { path: "plandiff.yaml", sha256: "x" },
        inputs: [],
        pairs: [],
        chains: [],
        notes: [],
        changes: { previous: null, newFindings: [], resolvedFindings: [], scoreChanges: [] },
        review: { applied: 0, stale: [] },
        complete: true,
      };
      mkdirSync(join(runs, id));
      writeFileSync(join(runs, id, "run.json"), JSON.stringify(record));
    }
    expect(previousRun(runs, "plandiff.yaml")?.id).toBe("20261123-173000-11");
  });
});

describe("the work folders of killed runs", () => {
  it("are removed by the next run, with the temporary files of dead lock takers", async () => {
    const dir = folder();
    mkdirSync(join(dir, "runs", ".20200101-000000.partial", "pairs"), { recursive: true });
    writeFileSync(join(dir, "runs", ".20200101-000000.partial", "pairs", "x.json"), "{");
    writeFileSync(join(dir, `${LOCK_NAME}.takeover-0123456789abcdef`), `${DEAD} t\n`);
    writeFileSync(join(dir, `${LOCK_NAME}.some-token.tmp`), `${DEAD} some-token\n`);
    writeFileSync(join(dir, ".latest-1234"), "");
    const error = await storeRun(dir, new Date(0), "en", () => {
      expect(readdirSync(join(dir, "runs"))).toEqual([".19700101-000000.partial"]);
      expect(readdirSync(dir).sort()).toEqual([LOCK_NAME, "runs"]);
      throw new Error("stop here");
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("stop here");
    expect(readdirSync(join(dir, "runs"))).toEqual([]);
    expect(readdirSync(dir)).toEqual(["runs"]);
  });

  it("and a run stopped by its signal removes its own at once and releases the lock", async () => {
    const dir = folder();
    const stop = new AbortController();
    const error = await storeRun(
      dir,
      new Date(0),
      "en",
      ({ workDir }) => {
        expect(existsSync(workDir)).toBe(true);
        stop.abort(new Error("stopped by SIGTERM"));
        expect(existsSync(workDir)).toBe(false);
        expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
        return { id: "x" } as never;
      },
      stop.signal,
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe("stopped by SIGTERM");
    expect(readdirSync(join(dir, "runs"))).toEqual([]);
    expect(readdirSync(dir)).toEqual(["runs"]);
  });
});

describe("an output folder that cannot be one", () => {
  it("is refused before any work when under a regular file, in one line", () => {
    const dir = folder();
    writeFileSync(join(dir, "file.txt"), "x");
    const error = thrown(() => makeFolder(join(dir, "file.txt", "reports", "more")));
    expect(isPlandiffError(error) && error.code).toBe("fs");
    expect((error as Error).message).toBe(
      `${join(dir, "file.txt")}: is not a folder (needed for ${join(dir, "file.txt", "reports", "more")})`,
    );
    expect(readdirSync(dir)).toEqual(["file.txt"]);
  });

  it.runIf(process.platform === "linux" && existsSync("/proc/self"))(
    "is refused on /proc (where a recursive mkdir never returns)",
    () => {
      const error = thrown(() => makeFolder("/proc/x/reports"));
      expect(isPlandiffError(error) && error.code).toBe("fs");
      expect((error as Error).message).toBe(
        "/proc: is on the proc pseudo file system, not a folder to write to",
      );
    },
  );

  it("is made folder by folder otherwise", () => {
    const dir = folder();
    makeFolder(join(dir, "a", "b", "c"));
    makeFolder(join(dir, "a", "b", "c"));
    expect(existsSync(join(dir, "a", "b", "c"))).toBe(true);
  });
});

describe("plandiff run with an output folder that cannot be one", () => {
  const workspace = () => {
    const dir = folder();
    copyFileSync(SEEDS.province, join(dir, "province.txt"));
    writeFileSync(
      join(dir, "plandiff.config.yaml"),
      "documents:\n  - id: p\n    path: province.txt\n",
    );
    writeFileSync(join(dir, "file.txt"), "x");
    return dir;
  };
  const outputs = [
    ["file.txt/reports", /file\.txt: is not a folder \(needed for .*file\.txt\/reports\)$/],
    ...(process.platform === "linux" && existsSync("/proc/self")
      ? [["/proc/x", /^plandiff: \/proc: is on the proc pseudo file system/] as const]
      : []),
  ] as const;
  for (const [output, message] of outputs) {
    it(`exits 2 with one line, before any work: --output ${output}`, async () => {
      const dir = workspace();
      const { code, stdout, stderr } = await runCli(["run", "--quiet", "--output", output], {
        cwd: dir,
      });
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(message)]);
      expect(readdirSync(dir).sort()).toEqual(["file.txt", "plandiff.config.yaml", "province.txt"]);
    });
  }
});

describe("file system failures", () => {
  it("are one line naming the path and the cause", () => {
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
      errno: -28,
      syscall: "write",
    });
    expect((fsError(enospc, "reports/runs") as Error).message).toBe(
      "reports/runs: no space left on device (ENOSPC)",
    );
    // As it crosses from a worker thread: the message only.
    const crossed = new Error("ENOSPC: no space left on device, write");
    expect((fsError(crossed, "reports/runs") as Error).message).toBe(
      "reports/runs: no space left on device (ENOSPC)",
    );
    const withPath = new Error("EACCES: permission denied, open '/srv/out/x.json'");
    expect((fsError(withPath, "elsewhere") as Error).message).toBe(
      "/srv/out/x.json: permission denied (EACCES)",
    );
    const other = new TypeError("x is not a function");
    expect(fsError(other, "p")).toBe(other);
  });

  it("when writing a file atomically, name the file", () => {
    const dir = folder();
    writeFileSync(join(dir, "file.txt"), "x");
    const error = thrown(() => writeFileAtomic(join(dir, "file.txt", "out.json"), "{}"));
    expect(isPlandiffError(error) && error.code).toBe("fs");
    expect((error as Error).message).toBe(`${join(dir, "file.txt")}: is not a folder`);
  });

  it("in a run, throw a PlandiffError named by the folder of runs, and nothing is published", async () => {
    const dir = folder();
    const error = await storeRun(dir, new Date(0), "en", () => {
      throw new Error("ENOSPC: no space left on device, write");
    }).catch((e: unknown) => e);
    expect(isPlandiffError(error) && error.code).toBe("fs");
    expect((error as Error).message).toBe(`${join(dir, "runs")}: no space left on device (ENOSPC)`);
    expect(readdirSync(join(dir, "runs"))).toEqual([]);
  });
});

describe("removeDeadLockFiles", () => {
  it("keeps a lock file being written (no pid yet) and removes those of dead runs", async () => {
    const { removeDeadLockFiles } = await import("../../src/run/lock.js");
    const dir = mkdtempSync(join(tmpdir(), "plandiff-dead-"));
    const file = (name: string) => join(dir, `${LOCK_NAME}.${name}`);
    // A live run's temporary file, created empty and not yet filled: the holder must not take it.
    writeFileSync(file("live-being-written.tmp"), "");
    writeFileSync(file("live.tmp"), `${process.pid} token\n`);
    // A run that died: its pid no longer exists (pid numbers stay below 2^22 on Linux).
    writeFileSync(file("dead.tmp"), "4194999 token\n");
    // Left empty by a run that died between creating and filling it, a while ago.
    writeFileSync(file("old-empty.tmp"), "");
    const old = new Date(Date.now() - 120_000);
    utimesSync(file("old-empty.tmp"), old, old);
    removeDeadLockFiles(dir);
    expect(readdirSync(dir).sort()).toEqual([
      `${LOCK_NAME}.live-being-written.tmp`,
      `${LOCK_NAME}.live.tmp`,
    ]);
  });
});
