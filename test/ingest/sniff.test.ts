import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sniffType } from "../../src/ingest/read-source.js";
import { parseDocument } from "../../src/pipeline.js";

const dir = mkdtempSync(join(tmpdir(), "plandiff-sniff-"));

describe("readers are chosen by content as well as by extension", () => {
  it.each([
    ["000.pdf", "renamed.txt", "pdf"],
    ["000.docx", "renamed.bin", "docx"],
    ["000.html", "page-without-extension", "html"],
  ])("%s saved as %s is read as %s", async (fixture, name, type) => {
    const path = join(dir, name);
    copyFileSync(`test/fixtures/formats/${fixture}`, path);
    expect(sniffType(new Uint8Array(readFileSync(path)))).toBe(type);
    const doc = await parseDocument(path);
    expect(doc.tasks.filter((t) => t.source === "body")).toHaveLength(37);
    expect(doc.tasks.filter((t) => t.source === "appendix")).toHaveLength(31);
  });

  it("leaves plain text alone", () => {
    expect(sniffType(new Uint8Array(readFileSync("data/000_e50bc25d11ad62e1.txt")))).toBeNull();
  });
});
