/**
 * A worker thread of a batch run: receives jobs (src/run/jobs.ts) one at a time and answers each
 * with its result or its error. The settings come once, as workerData.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type Job, type JobSettings, runJob } from "./jobs.js";
import { serializeError } from "./pool.js";

const settings = workerData as JobSettings;

parentPort?.on("message", async ({ id, job }: { id: number; job: Job }) => {
  try {
    parentPort?.postMessage({ id, result: await runJob(settings, job) });
  } catch (error) {
    parentPort?.postMessage({ id, error: serializeError(error) });
  }
});
