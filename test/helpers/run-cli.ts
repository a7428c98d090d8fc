import { spawnSync } from "node:child_process";

/** Runs the CLI from source (through tsx) and returns its exit code and output. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", `${process.cwd()}/src/cli.ts`, ...args],
    {
      cwd: options.cwd ?? process.cwd(),
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", ...options.env },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
