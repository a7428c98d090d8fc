import { isAbsolute, resolve } from "node:path";

/** Where the CLI writes (process.stdout/stderr, or a test's buffer) and a terminal's traits. */
export interface CliStream {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * Everything of the process the CLI reads or writes, so that `main` runs in-process (tests) as
 * well as from the bin: the streams, the folder relative paths start from, the environment.
 */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** Colour on a terminal only, and never with NO_COLOR set (https://no-color.org). */
export function colorEnabled(io: CliIo): boolean {
  return Boolean(io.stdout.isTTY) && !("NO_COLOR" in io.env);
}

/**
 * A path from the command line, relative to `io.cwd`. Unchanged when that is the process's own
 * folder (the bin), so that messages and reports show it as typed; made absolute otherwise.
 */
export function pathIn(io: CliIo, path: string): string {
  return isAbsolute(path) || resolve(io.cwd) === process.cwd() ? path : resolve(io.cwd, path);
}
