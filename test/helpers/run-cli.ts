import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// tsx's loader by absolute URL, so that the CLI also runs from a folder outside the project.
export const TSX_LOADER = pathToFileURL(
  join(process.cwd(), "node_modules", "tsx", "dist", "loader.mjs"),
).href;

/** Runs the CLI from source (through tsx) and returns its exit code and output. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  const result = spawnSync(
    process.execPath,
    ["--import", TSX_LOADER, `${process.cwd()}/src/cli.ts`, ...args],
    {
      cwd: options.cwd ?? process.cwd(),
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", ...options.env },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
