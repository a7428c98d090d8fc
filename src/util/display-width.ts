const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Cuts `s` to at most `max` columns, ending with … when cut. */
export function truncateToWidth(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = "";
  let width = 0;
  for (const ch of s) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

/** Wraps `s` into lines of at most `max` columns (cli-table3's wordWrap drops Chinese text). */
export function wrapToWidth(s: string, max: number): string {
  const lines: string[] = [];
  let line = "";
  let width = 0;
  for (const ch of s) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (width + w > max && line !== "") {
      lines.push(line);
      line = "";
      width = 0;
    }
    line += ch;
    width += w;
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}
