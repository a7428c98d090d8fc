import { spawnSync } from "node:child_process";
import type { CliStream } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { ensureBuiltCli } from "./built-cli.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
}

function sink(chunks: Buffer[]): CliStream {
  return {
    write(chunk: string | Uint8Array) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
      return true;
    },
  };
}

const CONSOLE_OUT = ["log", "info", "debug"] as const;
const CONSOLE_ERR = ["warn", "error", "trace"] as const;

/**
 * Runs the CLI in this process (`main` of src/cli/main.ts) and returns its exit code and output,
 * as a subprocess would. Whatever else writes to the process's stdout or stderr, or the console,
 * during the call (a library printing a warning) is added to the output, so that "one line on
 * stderr" still means what it means for a user.
 */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const restore = captureProcessOutput(sink(out), sink(err));
  try {
    const code = await main(args, {
      stdout: sink(out),
      stderr: sink(err),
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, NO_COLOR: "1", ...options.env },
    });
    return { code, stdout: text(out), stderr: text(err) };
  } finally {
    restore();
  }
}

const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString("utf8");

/** Sends process.stdout/stderr and the console to the given streams until the returned undo. */
function captureProcessOutput(stdout: CliStream, stderr: CliStream): () => void {
  const writes = [process.stdout.write, process.stderr.write] as const;
  const consoled = new Map<string, unknown>();
  const grab =
    (to: CliStream) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      to.write(chunk);
      const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      done?.();
      return true;
    };
  process.stdout.write = grab(stdout) as typeof process.stdout.write;
  process.stderr.write = grab(stderr) as typeof process.stderr.write;
  const put =
    (to: CliStream) =>
    (...values: unknown[]) =>
      to.write(`${values.map((v) => (typeof v === "string" ? v : String(v))).join(" ")}\n`);
  // The console a library might print to (Biome keeps the project's own code off it).
  const terminal = globalThis.console as unknown as Record<string, unknown>;
  for (const name of [...CONSOLE_OUT, ...CONSOLE_ERR]) {
    consoled.set(name, terminal[name]);
    terminal[name] = put((CONSOLE_OUT as readonly string[]).includes(name) ? stdout : stderr);
  }
  return () => {
    [process.stdout.write, process.stderr.write] = writes;
    for (const [name, fn] of consoled) terminal[name] = fn;
  };
}

/**
 * Runs the CLI built from the current source (dist-test/cli.js, see built-cli.ts) as a real
 * process: for what only a process shows — exit codes as a shell sees them, stdout and stderr
 * apart with no stack trace, a closed pipe, the shebang, a crash on hostile input. A test file
 * using it calls ensureBuiltCli() when it loads, so that a build is outside the tests' timeouts.
 */
export function runCliProcess(args: string[], options: CliOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [ensureBuiltCli(), ...args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
