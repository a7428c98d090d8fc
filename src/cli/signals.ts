/**
 * Runs `work` with SIGINT and SIGTERM handled: on either, `work`'s signal aborts (the run removes
 * its work folder and releases its lock at once, see run/store.ts), then the handlers are removed
 * and the signal raised again, so the process ends as killed by it (exit 130 or 143 in a shell).
 * The handlers are the process's only while `work` runs.
 */
export async function withStopSignals<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM"];
  const off = () => {
    for (const s of signals) process.off(s, onSignal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    off();
    controller.abort(new Error(`stopped by ${signal}`));
    process.kill(process.pid, signal);
  }
  for (const s of signals) process.on(s, onSignal);
  try {
    return await work(controller.signal);
  } finally {
    off();
  }
}
