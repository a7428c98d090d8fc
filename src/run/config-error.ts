import { PlandiffError } from "../util/errors.js";

/** A config (or review file) with problems: every line names the file, the key path and the problem. */
export class ConfigError extends PlandiffError {
  readonly lines: string[];
  constructor(lines: string[]) {
    super("config", lines.join("\n"));
    this.lines = lines;
  }
}
