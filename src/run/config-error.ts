import { escapeControl, PlandiffError } from "../util/errors.js";

/**
 * A config (or review file) with problems: every line names the file, the key path and the
 * problem; control characters (a newline in a name) are shown escaped, so a line stays a line.
 */
export class ConfigError extends PlandiffError {
  readonly lines: string[];
  constructor(lines: string[]) {
    const escaped = lines.map(escapeControl);
    super("config", escaped.join("\n"));
    this.lines = escaped;
  }
}
