import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/** tsx's module-loader API, from source (this file in src/util/). */
const TSX_API = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "node_modules",
  "tsx",
  "dist",
  "esm",
  "api",
  "index.mjs",
);

/**
 * Starts a worker thread on the module `name` next to the module whose import.meta.url is `here`:
 * `name.js` when built, `name.ts` when run from source (tests, tsx). From source the thread
 * registers tsx's loader before importing the module: `--import tsx` in a worker's execArgv does
 * not reach its module loader on Node 20.
 */
export function startWorker(here: string, name: string, given: WorkerOptions): Worker {
  const file = fileURLToPath(here);
  const dir = dirname(file);
  // A thread inherits the process's options, but `--input-type` (a process started with
  // `node --input-type=module -e …`) applies only to string input and makes a module file fail.
  const options: WorkerOptions = {
    execArgv: process.execArgv.filter((a) => !a.startsWith("--input-type")),
    ...given,
  };
  if (!file.endsWith(".ts")) return new Worker(join(dir, `${name}.js`), options);
  const target = pathToFileURL(join(dir, `${name}.ts`)).href;
  const code = `import { register } from ${JSON.stringify(pathToFileURL(TSX_API).href)}; register(); await import(${JSON.stringify(target)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
}
