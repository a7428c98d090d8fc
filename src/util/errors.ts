/**
 * An error the user can act on: bad input or bad options. The CLI prints `message` on one line
 * (no stack trace) and exits with code 2.
 */
export class PlandiffError extends Error {
  readonly code: string;
  readonly file: string | null;

  constructor(code: string, message: string, file: string | null = null) {
    super(file ? `${file}: ${message}` : message);
    this.name = "PlandiffError";
    this.code = code;
    this.file = file;
  }
}

/** True for errors meant for the user rather than for a developer. */
export function isPlandiffError(error: unknown): error is PlandiffError {
  return error instanceof PlandiffError;
}
