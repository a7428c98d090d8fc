import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/pipeline.js";
import { docNumberParts } from "../../src/text/titles.js";

const dir = mkdtempSync(join(tmpdir(), "plandiff-brackets-"));

/**
 * The year of a 文号 is printed in other brackets than 〔〕: ﹝﹞ on many sites, 【】, ［］, （）,
 * and „‟ where a PDF's font extracts 〔〕 so. A province plan that prints its own 文号 and cites its
 * parent's is read the same whichever it uses.
 */
describe("文号 in any of the brackets printed for 〔〕", () => {
  const file = "test/fixtures/authored/AL-hn-2024-xianji-yiyuan.txt";
  const text = readFileSync(file, "utf8");

  it.each([
    ["﹝", "﹞"],
    ["【", "】"],
    ["［", "］"],
    ["（", "）"],
    ["„", "‟"],
  ])("%s…%s", async (open, close) => {
    const original = await parseDocument(file);
    expect(original.docNumber).not.toBeNull();
    const cited = original.references.filter((r) => r.docNumber !== null);
    expect(cited.length).toBeGreaterThan(0);

    const path = join(dir, `brackets-${open.codePointAt(0)}.txt`);
    writeFileSync(path, text.replace(/〔(\d{4})〕/g, `${open}$1${close}`));
    const doc = await parseDocument(path);
    expect(doc.docNumber).toContain(open);
    expect(docNumberParts(doc.docNumber ?? "")).toEqual(docNumberParts(original.docNumber ?? ""));
    const again = doc.references.filter((r) => r.docNumber !== null);
    expect(again.map((r) => docNumberParts(r.docNumber ?? ""))).toEqual(
      cited.map((r) => docNumberParts(r.docNumber ?? "")),
    );
    expect(doc.tasks.map((t) => t.title)).toEqual(original.tasks.map((t) => t.title));
  });
});
