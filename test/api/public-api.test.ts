import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compareDocuments,
  defaultAlignOptions,
  discover,
  formatters,
  parseDocument,
  parseFile,
  runBatch,
} from "../../src/index.js";
import { SEEDS } from "../helpers/seeds.js";

describe("the public API as the README shows it", () => {
  it("parses, compares, formats, discovers and runs from the package entry point", async () => {
    const [province] = await parseFile(SEEDS.province);
    const city = await parseDocument(SEEDS.city);
    if (!province) throw new Error("no document");
    const result = compareDocuments(province, city, { align: defaultAlignOptions() });
    expect(result.summary.body.coverage).toBeGreaterThan(0.9);
    expect(await formatters.md(result, { color: false, lang: "zh" })).toContain(
      "浙政发〔2018〕16号",
    );

    const found = await discover([SEEDS.province, SEEDS.city], {
      cwd: process.cwd(),
      maxBytes: 50 * 1024 * 1024,
    });
    const cityProposal = found.documents.find((d) => d.file.includes("000_"));
    expect(cityProposal?.method).toBe("cited");

    const dir = mkdtempSync(join(tmpdir(), "plandiff-api-"));
    const config = join(dir, "plandiff.config.yaml");
    writeFileSync(
      config,
      `documents:\n  - id: p\n    path: ${resolve(SEEDS.province)}\n  - id: c\n    path: ${resolve(SEEDS.city)}\n    parent: p\nallowOutside: true\noutput: out\nformats: [json]\n`,
    );
    const { record } = await runBatch({ configPath: config });
    expect(record.pairs.map((p) => `${p.parent}→${p.child}`)).toEqual(["p→c"]);
  });
});
