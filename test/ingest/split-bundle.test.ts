import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/ingest/normalize-text.js";
import { splitBundle } from "../../src/ingest/split-bundle.js";
import { SEEDS } from "../helpers/seeds.js";

const split = (path: string) => splitBundle(path, normalizeText(readFileSync(path, "utf8")));

describe("splitBundle", () => {
  it("yields one document for a single-document file", () => {
    for (const path of [SEEDS.province, SEEDS.city, SEEDS.district, SEEDS.workPoints]) {
      expect(split(path)).toHaveLength(1);
    }
  });

  it("starts each gazette document at its title, above its 文号", () => {
    const docs = split(SEEDS.gazette);
    expect(docs).toHaveLength(10);
    expect(docs[0]?.lines[0]?.text).toBe(
      "嘉兴市人民政府关于下达2017年嘉兴市国民经济和社会发展的通知",
    );
    expect(docs[0]?.lines[1]?.text).toBe("嘉政发〔2017〕11号");
    expect(docs[4]?.lines[0]?.text).toBe(
      "嘉兴市人民政府办公室关于印发嘉兴市危险化学品安全综合治理实施方案的通知",
    );
  });

  it("leaves out the table of contents and the closing 发文目录", () => {
    const docs = split(SEEDS.gazette);
    const all = docs.flatMap((d) => d.lines.map((l) => l.text));
    expect(all.some((t) => t.startsWith("目录"))).toBe(false);
    expect(all.some((t) => t.endsWith("发文目录"))).toBe(false);
    expect(docs.every((d, i) => d.index === i + 1)).toBe(true);
  });
});
