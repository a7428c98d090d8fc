/**
 * Plans converted to Markdown on the way (src/ingest/markdown.ts): headings with hashes, bold task
 * titles, escaped numbers, quotes, links and <br> must parse to the tasks of the published text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeText, splitBundle } from "../../src/ingest/index.js";
import { unmarkLine } from "../../src/ingest/markdown.js";
import type { PlanDocument } from "../../src/model/document.js";
import { parsePlan } from "../../src/parse/index.js";

const files = [
  ...readdirSync("data/real").map((f) => join("data/real", f)),
  ...readdirSync("test/fixtures/authored").map((f) => join("test/fixtures/authored", f)),
].filter((f) => f.endsWith(".txt"));

const parse = (text: string, file: string): PlanDocument =>
  parsePlan(splitBundle(file, normalizeText(text))[0] as never);
const tasks = (d: PlanDocument) => d.tasks.map((t) => `${t.source} ${t.title}`);

/** What a web-page-to-Markdown converter makes of a plan. */
function toMarkdown(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const top = /^([\s\u3000]*)([一二三四五六七八九十]+、.*)$/.exec(line);
      if (top) return `## ${top[2]}`;
      const headed = /^([\s\u3000]*)((?:（[一二三四五六七八九十]+）|\d+\.)[^。]{1,40}。)(.*)$/.exec(
        line,
      );
      if (headed) {
        const title = (headed[2] as string).replace(/^(\d+)\./, "$1\\.");
        return `${headed[1]}**${title}**${(headed[3] as string).replace("，", "，<br>")}`;
      }
      return line.replace(/《([^》]+)》/, "[《$1》](https://www.gov.cn/a.htm)");
    })
    .join("\n");
}

describe("a plan converted to Markdown", () => {
  it("parses to the tasks of the published text", () => {
    let checked = 0;
    for (const file of files) {
      if (file.endsWith("tuiguang-table.txt")) continue;
      const text = readFileSync(file, "utf8");
      const md = toMarkdown(text);
      expect(md, file).not.toBe(text);
      expect(tasks(parse(md, file)), file).toEqual(tasks(parse(text, file)));
      expect(
        parse(md, file).warnings.map((w) => w.code),
        file,
      ).toContain("markdown-removed");
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(16);
  });

  it("loses only the marks", () => {
    expect(unmarkLine("### 二、重点任务")).toBe("二、重点任务");
    expect(unmarkLine("> **（一）指导思想。**坚持[《数字山东发展规划》](http://x/y.htm)。")).toBe(
      "（一）指导思想。坚持《数字山东发展规划》。",
    );
    expect(unmarkLine("12\\. 推进![图](a.png)工作")).toBe("12. 推进工作");
    expect(unmarkLine("---")).toBe("");
    expect(unmarkLine("——基础底座更加坚实。")).toBe("——基础底座更加坚实。");
    expect(unmarkLine("| 序号 | 任务 |")).toBe("| 序号 | 任务 |");
  });
});
