import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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

describe("a page's markup or character references kept in a text file", () => {
  const plain = "data/real/sd-2021-shuzi-shandong-2021.txt";
  const text = readFileSync(plain, "utf8");
  const titles = async (path: string) => (await parseDocument(path)).tasks.map((t) => t.title);

  it("reads a content field of <p> paragraphs after plain metadata lines as HTML", async () => {
    const paragraphs = text
      .split("\n")
      .map((line) =>
        line.trim() === "" ? "<p><br/></p>" : `<p style="text-indent:2em">${line}</p>`,
      )
      .join("");
    const path = join(dir, "content-field.txt");
    writeFileSync(path, `发文机关:山东省人民政府\n发布日期:2021年04月01\n${paragraphs}`);
    expect(sniffType(new Uint8Array(readFileSync(path)))).toBe("html");
    const expected = await titles(plain);
    expect(expected).toHaveLength(21); // 20 tasks and a safeguard (real-counts.json)
    expect(await titles(path)).toEqual(expected);
  });

  it("leaves text that quotes a tag or two as text", () => {
    const path = join(dir, "quotes-tags.md");
    writeFileSync(path, `${text}\n网页正文放在<p>与</p>之间，换行用<br>。\n`);
    expect(sniffType(new Uint8Array(readFileSync(path)))).toBeNull();
  });

  it("decodes &nbsp; &ldquo; &rdquo; &mdash; left in plain text", async () => {
    const path = join(dir, "entities.txt");
    const escaped = text
      .replace(/“/g, "&ldquo;")
      .replace(/”/g, "&rdquo;")
      .replace(/　/g, "&nbsp;")
      .replace(/—/g, "&mdash;");
    expect(escaped).not.toEqual(text);
    writeFileSync(path, escaped);
    expect(await titles(path)).toEqual(await titles(plain));
  });
});
