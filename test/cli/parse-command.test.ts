import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ParseResultSchema } from "../../src/model/document.js";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

const tmp = mkdtempSync(join(tmpdir(), "plandiff-cli-"));

describe("plandiff parse", () => {
  it("prints schemaVersion 1 JSON for the province plan", async () => {
    const { code, stdout, stderr } = await runCli(["parse", SEEDS.province, "--format", "json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = ParseResultSchema.parse(JSON.parse(stdout));
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0]?.docNumber).toBe("浙政发〔2018〕16号");
  });

  it("is deterministic: the same input gives the same bytes", async () => {
    const a = (await runCli(["parse", SEEDS.gazette])).stdout;
    const b = (await runCli(["parse", SEEDS.gazette])).stdout;
    expect(a).toBe(b);
  });

  it("speaks English with --lang en, Chinese by default, and refuses other languages", async () => {
    const en = await runCli(["parse", SEEDS.city, "--format", "md", "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("## Task table");
    expect(en.stdout).not.toContain("## 重点任务清单");
    const table = await runCli(["parse", SEEDS.city, "--format", "table", "--lang", "en"]);
    expect(table.stdout).toContain("Task table");
    expect(table.stdout).not.toContain("正文任务");
    const zh = await runCli(["parse", SEEDS.city, "--format", "md", "--lang", "zh"]);
    expect(zh.stdout).toBe((await runCli(["parse", SEEDS.city, "--format", "md"])).stdout);
    const bad = await runCli(["parse", SEEDS.city, "--lang", "fr"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("fr");
  });

  it("picks one document of a bundle with FILE#N", async () => {
    const { stdout } = await runCli(["parse", `${SEEDS.gazette}#5`]);
    const docs = JSON.parse(stdout).documents;
    expect(docs.map((d: { docNumber: string }) => d.docNumber)).toEqual(["嘉政办发〔2017〕32号"]);
  });

  it("writes a table with Chinese columns and a Markdown outline", async () => {
    const table = await runCli(["parse", SEEDS.city, "--format", "table"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("B3.13");
    expect(table.stdout).not.toContain("\u001b[");
    const md = await runCli(["parse", SEEDS.city, "--format", "md"]);
    expect(md.stdout).toContain("## 重点任务清单");
  });

  it("writes --out atomically", async () => {
    const out = join(tmp, "sub", "out.json");
    const { code } = await runCli(["parse", SEEDS.district, "--out", out]);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).documents[0].level).toBe("district");
    expect(readdirSync(join(tmp, "sub"))).toEqual(["out.json"]);
  });
});

describe("bad input: one line naming the file, exit code 2, no stack trace", () => {
  const dir = join(tmp, "a-directory");
  mkdirSync(dir);
  const empty = join(tmp, "empty.txt");
  writeFileSync(empty, "");
  const binary = join(tmp, "image.txt");
  writeFileSync(
    binary,
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  );

  it.each([
    ["a missing file", join(tmp, "missing.txt"), "no such file"],
    ["a directory", dir, "directory"],
    ["an empty file", empty, "empty"],
    ["a binary file", binary, "binary"],
    ["#N out of range", `${SEEDS.province}#2`, "out of range"],
  ])("%s", async (_, path, words) => {
    const out = join(tmp, "never.json");
    const { code, stderr, stdout } = await runCli(["parse", path, "--out", out]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(path.replace(/#\d+$/, ""));
    expect(stderr).toContain(words);
    expect(stderr).not.toMatch(/\bat .*\(/);
    expect(readdirSync(tmp)).not.toContain("never.json");
  });

  it("an unknown format", async () => {
    const { code, stderr } = await runCli(["parse", SEEDS.province, "--format", "pdf"]);
    expect(code).toBe(2);
    expect(stderr).toContain("pdf");
  });

  it("a file with no recognisable tasks: exit 0 and a warning", async () => {
    const plain = join(tmp, "plain.txt");
    writeFileSync(plain, "这是一份没有任务的文件。\n");
    const { code, stdout, stderr } = await runCli(["parse", plain]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).documents[0].tasks).toEqual([]);
    expect(stderr).toContain("no recognisable tasks");
  });
});
