/**
 * Golden end-to-end cases: each folder under test/golden/ holds a config.json (parent, child,
 * lang) and the expected outputs expected.json and expected.md. `UPDATE_GOLDEN=1 npm test` (or
 * `npm run golden:update`) rewrites them; review the diff before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import { DEFAULT_DIFF_OPTIONS } from "../../src/diff/index.js";
import type { Lang } from "../../src/model/lang.js";
import { parseDocument } from "../../src/pipeline.js";
import { formatters } from "../../src/report/index.js";

const ROOT = "test/golden";
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const OUTPUTS = { "expected.json": "json", "expected.md": "md" } as const;

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe.each(cases)("golden case %s", async (name) => {
  const dir = join(ROOT, name);
  const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8")) as {
    parent: string;
    child: string;
    lang?: Lang;
  };
  const lang = config.lang ?? "zh";
  const result = compareDocuments(await parseDocument(config.parent), await parseDocument(config.child), {
    diff: { ...DEFAULT_DIFF_OPTIONS, lang },
  });

  it.each(Object.entries(OUTPUTS))("%s", async (file, format) => {
    const actual = await formatters[format](result, { color: false, lang });
    const path = join(dir, file);
    if (UPDATE) writeFileSync(path, actual);
    if (!existsSync(path)) throw new Error(`${path} is missing: run npm run golden:update`);
    expect(actual).toBe(readFileSync(path, "utf8"));
  });
});
