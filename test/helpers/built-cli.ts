import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

const ROOT = process.cwd();

/**
 * Where the CLI is built for the tests that start it as a process: a folder of its own next to
 * src/ (the built code finds data/ at ../data), written by nothing else — never `dist/`, which may
 * be stale or another branch's.
 */
export const BUILT_DIR = join(ROOT, "dist-test");
export const BUILT_CLI = join(BUILT_DIR, "cli.js");
const STAMP = join(BUILT_DIR, ".source-sha256");
const LOCK = `${BUILT_DIR}.lock`;

/** What the build is made from: every file of src/, the tsconfigs, the compiler's version. */
function sourceHash(): string {
  const hash = createHash("sha256");
  const add = (path: string) => {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(ROOT, path)));
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  walk("src");
  for (const file of [
    "tsconfig.json",
    "tsconfig.build.json",
    "node_modules/typescript/package.json",
  ])
    add(file);
  return hash.digest("hex");
}

/** This test file's process has checked the build already. */
let built = false;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the CLI from the current source unless dist-test/ already holds the build of exactly
 * this source (a SHA-256 of src/ and the tsconfigs, written after a build): so a run that starts
 * no CLI process pays nothing, one whose source is unchanged since the last run a few
 * milliseconds, and a changed source is always rebuilt (tsc, incremental). Test files running in
 * parallel build once: the first takes a lock, the others wait for it. Type errors are for
 * `npm run typecheck`: tsc still emits.
 */
export function ensureBuiltCli(): string {
  if (built) return BUILT_CLI;
  built = true;
  const want = sourceHash();
  const current = () => existsSync(STAMP) && readFileSync(STAMP, "utf8") === want;
  if (current()) return BUILT_CLI;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock left by a killed run is taken over after five minutes.
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 300_000) rmSync(LOCK, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    if (current()) return BUILT_CLI;
    rmSync(STAMP, { force: true });
    if (!existsSync(BUILT_CLI)) rmSync(BUILT_DIR, { recursive: true, force: true });
    const tsc = spawnSync(
      process.execPath,
      [
        join(ROOT, "node_modules", "typescript", "bin", "tsc"),
        ...["-p", "tsconfig.build.json", "--outDir", BUILT_DIR, "--declaration", "false"],
        ...["--incremental", "--tsBuildInfoFile", join(BUILT_DIR, ".tsbuildinfo")],
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    // 0: built; 2: built despite type errors; anything else: nothing usable was written.
    if (tsc.status !== 0 && tsc.status !== 2)
      throw new Error(`building the CLI for the tests failed:\n${tsc.stdout}${tsc.stderr}`);
    chmodSync(BUILT_CLI, 0o755);
    writeFileSync(STAMP, want);
    return BUILT_CLI;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
