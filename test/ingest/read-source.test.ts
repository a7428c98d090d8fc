import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_BYTES, readSource, supportedExtensions } from "../../src/ingest/index.js";
import type { PlanDocument } from "../../src/model/document.js";
import { parseFile } from "../../src/pipeline.js";
import { PlandiffError } from "../../src/util/errors.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const seedPath = path.join(here, "../../data/000_e50bc25d11ad62e1.txt");
/** Committed: the seed's first 60 lines, CRLF, encoded by `iconv -t GB18030` (Node has no GB encoder). */
const gbFixture = path.join(here, "../fixtures/ingest/000-head.gb18030.txt");
const GB_FIXTURE_LINES = 60;

const seed = fs.readFileSync(seedPath, "utf8");
let dir = "";

/** Writes a generated fixture into the temp dir and returns its path. */
function fixture(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, "utf16le").swap16();
}

/** Resolves to the PlandiffError readSource throws, failing the test if it throws anything else. */
async function readError(file: string, maxBytes?: number): Promise<PlandiffError> {
  const options = maxBytes === undefined ? {} : { maxBytes };
  const error: unknown = await readSource(file, options).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PlandiffError)) throw new Error(`expected a PlandiffError, got ${error}`);
  expect(error.file).toBe(file);
  expect(error.message).toContain(file);
  return error;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plandiff-"));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("readSource decodes text", () => {
  it.each([
    ["plain UTF-8", "plain.txt", () => Buffer.from(seed, "utf8"), "utf-8"],
    ["UTF-8 with BOM", "bom.txt", () => Buffer.from(`\uFEFF${seed}`, "utf8"), "utf-8"],
    ["UTF-16LE with BOM", "le.txt", () => Buffer.from(`\uFEFF${seed}`, "utf16le"), "utf-16le"],
    ["UTF-16BE with BOM", "be.txt", () => utf16be(`\uFEFF${seed}`), "utf-16be"],
    ["a .md copy", "copy.md", () => Buffer.from(seed, "utf8"), "utf-8"],
    ["an upper-case extension", "UPPER.TXT", () => Buffer.from(seed, "utf8"), "utf-8"],
    ["an unknown extension holding text", "plan.plan", () => Buffer.from(seed, "utf8"), "utf-8"],
  ])("%s", async (_label, name, bytes, encoding) => {
    const file = fixture(name, bytes());
    const source = await readSource(file);
    expect(source).toEqual({ file, encoding, text: seed });
  });

  it("GB18030 (committed fixture) via chardet", async () => {
    const source = await readSource(gbFixture);
    const expected = seed.split("\n").slice(0, GB_FIXTURE_LINES).join("\n");
    expect(source.encoding).toBe("gb18030");
    expect(source.file).toBe(gbFixture);
    expect(source.text.replace(/\r\n/g, "\n").trimEnd()).toBe(expected.trimEnd());
  });

  it("keeps a file under a raised maxBytes and exposes the default limit", async () => {
    expect(DEFAULT_MAX_BYTES).toBe(50 * 1024 * 1024);
    const file = fixture("small.txt", "十四五规划");
    await expect(readSource(file, { maxBytes: 15 })).resolves.toMatchObject({ text: "十四五规划" });
  });

  it("lists the supported extensions", () => {
    expect(supportedExtensions()).toEqual(expect.arrayContaining(["md", "txt"]));
  });
});

/** The text as UTF-16 without a byte-order mark, code unit by code unit (no Buffer codec). */
function bomlessUtf16(text: string, order: "le" | "be"): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i + (order === "le" ? 0 : 1)] = unit & 0xff;
    out[2 * i + (order === "le" ? 1 : 0)] = unit >> 8;
  }
  return out;
}

describe("readSource decodes UTF-16 without a byte-order mark", () => {
  const province = fs.readFileSync(path.join(here, "../../data/002_2cdac00586eece9b.txt"), "utf8");
  it.each([
    ["the city plan, UTF-16LE", seed, "le", "city-le.txt"],
    ["the city plan, UTF-16BE", seed, "be", "city-be.txt"],
    ["the province plan, UTF-16LE, unknown extension", province, "le", "province.plan"],
    ["the province plan, UTF-16BE", province, "be", "province-be.txt"],
  ] as const)("%s", async (_label, text, order, name) => {
    const file = fixture(name, bomlessUtf16(text, order));
    expect(await readSource(file)).toEqual({ file, encoding: `utf-16${order}`, text });
    const utf8 = fixture(`${name}.utf8.txt`, text);
    const strip = ({ file: _f, ...rest }: PlanDocument) => rest;
    expect((await parseFile(file)).map(strip)).toEqual((await parseFile(utf8)).map(strip));
  });

  it("16-bit binary data with NULs on one side is still binary", async () => {
    const units = new Uint16Array(2048).map((_, i) => (i * 7) % 256);
    const error = await readError(fixture("samples.txt", new Uint8Array(units.buffer)));
    expect(error.code).toBe("binary");
    const latin = bomlessUtf16("Ångström ÿ ".repeat(200), "le");
    expect((await readError(fixture("latin.txt", latin))).code).toBe("binary");
  });
});

describe("readSource rejects bad input", () => {
  it("missing path → not-found", async () => {
    const error = await readError(path.join(dir, "no-such-plan.txt"));
    expect(error.code).toBe("not-found");
    expect(error.message).toContain("no such file");
  });

  it("directory → is-directory", async () => {
    const sub = path.join(dir, "folder.txt");
    fs.mkdirSync(sub);
    expect((await readError(sub)).code).toBe("is-directory");
  });

  it.each([
    ["0 bytes", "empty.txt", ""],
    ["whitespace only", "blank.txt", " \n\t\r\n\u3000\n"],
    ["only a BOM", "bom-only.txt", "\uFEFF"],
  ])("%s → empty", async (_label, name, content) => {
    expect((await readError(fixture(name, content))).code).toBe("empty");
  });

  it("over maxBytes → too-large", async () => {
    const file = fixture("big.txt", seed);
    const error = await readError(file, 1000);
    expect(error.code).toBe("too-large");
    expect(error.message).toContain("limit 1000 bytes");
  });

  it("PNG renamed .txt → binary", async () => {
    const png = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...new Array(64).fill(0),
    ]);
    const error = await readError(fixture("image.txt", png));
    expect(error.code).toBe("binary");
    expect(error.message).toContain("not a text file (binary data)");
  });

  it("mostly control characters without NULs → binary", async () => {
    const bytes = new Uint8Array(512).map((_, i) => (i % 3 === 0 ? 0x41 : (i % 8) + 1));
    expect((await readError(fixture("controls.txt", bytes))).code).toBe("binary");
  });

  it("unknown extension holding binary → unsupported-type naming the supported types", async () => {
    const error = await readError(fixture("archive.bin", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])));
    expect(error.code).toBe("unsupported-type");
    expect(error.message).toContain(".bin");
    expect(error.message).toContain(".doc, .docx, .htm, .html, .md, .ofd, .pdf, .txt");
  });

  it("Latin-1 bytes → encoding, naming the guess", async () => {
    const latin1 = Buffer.from("Plan de développement économique et social. ".repeat(20), "latin1");
    const error = await readError(fixture("latin1.txt", latin1));
    expect(error.code).toBe("encoding");
    expect(error.message).toMatch(
      /could not determine the text encoding reliably \(best guess: \S+\)/,
    );
  });

  it("random high bytes → encoding, not mojibake", async () => {
    let state = 0x2545f491;
    const noise = new Uint8Array(4096).map(() => {
      // xorshift32: deterministic bytes without long runs of one value
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return 0x80 | (state & 0x7f);
    });
    expect((await readError(fixture("noise.txt", noise))).code).toBe("encoding");
  });

  it("UTF-8 that is mostly U+FFFD → encoding", async () => {
    const file = fixture("lost.txt", `规划\n${"\uFFFD".repeat(40)}\n`);
    const error = await readError(file);
    expect(error.code).toBe("encoding");
    expect(error.message).toContain("replacement characters");
  });
});
