import { stableStringify } from "../../util/stable-json.js";

/** The JSON output of every command: keys sorted, two-space indent, a final newline. */
export function jsonText(value: unknown): string {
  return `${stableStringify(value)}\n`;
}
