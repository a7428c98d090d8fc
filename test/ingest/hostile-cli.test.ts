import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { storedZip } from "../../src/ingest/readers/zip.js";
import { ensureBuiltCli } from "../helpers/built-cli.js";
import { runCliProcess } from "../helpers/run-cli.js";

// The .doc, .wps and OFD readers' refusals as a user sees them: a process of its own per input
// (see test/cli/hostile-inputs.test.ts for the other formats).
ensureBuiltCli();

const dir = mkdtempSync(join(tmpdir(), "plandiff-hostile-doc-ofd-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

const doc = readFileSync("test/fixtures/formats/000.doc");
const ofd = readFileSync("test/fixtures/formats/000.ofd");
/** The plan's OFD with its Content.xml parts' first bytes scrambled, as encryption leaves them. */
const scrambled = Buffer.from(ofd);
scrambled.fill(0x5a, 200, 260);
/** An OFD package encrypted after GM/T 0099: its parts listed in an Encryptions.xml. */
const withEncryptions = storedZip([
  { name: Buffer.from("Encryptions.xml"), flags: 0, data: Buffer.from("<Encryptions/>") },
]);

const cases: [string, string, RegExp][] = [
  ["a truncated .doc", put("truncated.doc", doc.subarray(0, 9000)), /not a valid Word 97–2003/],
  ["a non-Word .wps", put("old.wps", Buffer.alloc(3000, 0x07)), /not a Word-compatible \.wps/],
  ["a truncated OFD", put("truncated.ofd", ofd.subarray(0, 5000)), /not a valid OFD file/],
  ["a damaged OFD", put("damaged.ofd", scrambled), /OFD/],
  ["an encrypted OFD", put("encrypted.ofd", withEncryptions), /encrypted/],
];

describe("hostile .doc, .wps and OFD input: one line naming the file, exit 2, no stack", () => {
  it.each(cases)("%s", (_, file, words) => {
    const out = join(dir, "never.json");
    const { code, stderr, stdout } = runCliProcess(["parse", file, "--out", out]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(file);
    expect(stderr).toMatch(words);
    expect(stderr).not.toMatch(/\bat .*\(/);
    expect(readdirSync(dir)).not.toContain("never.json");
  });
});
