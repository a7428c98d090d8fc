#!/usr/bin/env node
import { main } from "./cli/main.js";
import { setCliV8Flags } from "./cli/v8-flags.js";

// V8 settings for the worker threads a run starts: the CLI owns its process (the library sets none).
setCliV8Flags();

// A reader that stops early (plandiff … | head) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

/** Exit codes: 0 done, 1 findings at or above the threshold (compare), 2 bad input or usage. */
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
