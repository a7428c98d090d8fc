import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/ingest/normalize-text.js";
import {
  buildLines,
  joinCjk,
  type PdfLine,
  type PdfPage,
  PdfThread,
  pagesToText,
  pdfReader,
} from "../../src/ingest/readers/pdf.js";
import { splitBundle } from "../../src/ingest/split-bundle.js";
import type { PlanDocument } from "../../src/model/document.js";
import { parsePlan } from "../../src/parse/parse-plan.js";
import { PlandiffError } from "../../src/util/errors.js";
import { BUILT_DIR, ensureBuiltCli } from "../helpers/built-cli.js";
import { imageOnlyPdf } from "../helpers/hostile.js";
import { SEEDS } from "../helpers/seeds.js";

// Made by scripts/make-pdf-fixture.sh: the city seed printed to PDF by LibreOffice (9 pages).
const FIXTURE = "test/fixtures/formats/000.pdf";
const ENCRYPTED = "test/fixtures/formats/encrypted.pdf";

const parse = (file: string, text: string): PlanDocument[] =>
  splitBundle(file, normalizeText(text)).map(parsePlan);

async function readError(bytes: Uint8Array, file: string): Promise<PlandiffError> {
  try {
    await pdfReader(bytes, file);
  } catch (error) {
    if (error instanceof PlandiffError) return error;
    throw error;
  }
  throw new Error("expected a PlandiffError");
}

/** A valid one-page PDF whose content stream only paints a rectangle: no text operators. */

function line(text: string, y: number, x = 72, right = x + text.length * 10): PdfLine {
  return { text, y, x, right, size: 10 };
}

describe("pdfReader on the LibreOffice print of the city seed", async () => {
  const source = await pdfReader(readFileSync(FIXTURE), FIXTURE);
  const [pdfDoc] = parse(FIXTURE, source.text);
  const [txtDoc] = parse(SEEDS.city, readFileSync(SEEDS.city, "utf8"));

  it("returns the text layer, labelled as pdf", () => {
    expect(source.file).toBe(FIXTURE);
    expect(source.encoding).toBe("pdf");
    expect(source.text).toContain("嘉政发〔2018〕23号");
    // Spaces pdfjs puts between digits and CJK are gone.
    expect(source.text).toContain("2018年8月27日");
    expect(source.text).not.toMatch(/\d [\u4e00-\u9fff]|[\u4e00-\u9fff] \d/);
  });

  it("parses to the same document number, dates and title as the .txt", () => {
    expect(pdfDoc).toBeDefined();
    expect(pdfDoc?.docNumber).toBe("嘉政发〔2018〕23号");
    expect(pdfDoc?.docNumber).toBe(txtDoc?.docNumber);
    expect(pdfDoc?.date).toBe("2018-08-27");
    expect(pdfDoc?.date).toBe(txtDoc?.date);
    expect(pdfDoc?.printedDate).toBe(txtDoc?.printedDate);
    expect(pdfDoc?.title).toBe(txtDoc?.title);
  });

  it("finds the same 37 body tasks with the same titles and units", () => {
    const body = (doc: PlanDocument | undefined) =>
      (doc?.tasks ?? [])
        .filter((t) => t.source === "body")
        .map((t) => ({ id: t.id, title: t.title, units: t.units }));
    expect(body(pdfDoc)).toHaveLength(37);
    expect(body(pdfDoc)).toEqual(body(txtDoc));
  });

  it("keeps the one-cell-per-line appendix table: the same 31 rows as the .txt", () => {
    // A PDF keeps no tab before a cell; the normaliser reads lines as cells from the 序号 header on.
    const rows = (doc: PlanDocument | undefined) =>
      (doc?.tasks ?? [])
        .filter((t) => t.source === "appendix")
        .map((t) => [t.id, t.title, t.units.lead, t.deadline.kind, t.deadline.due]);
    expect(rows(txtDoc)).toHaveLength(31);
    expect(rows(pdfDoc)).toEqual(rows(txtDoc));
  });
});

describe("pdfjs's polyfills", () => {
  ensureBuiltCli(); // when the file loads: a build is not a test's time
  it("never reach this realm: built-ins stay the same objects during and after reads, and none is added", () => {
    // The legacy build swaps push and JSON for slower core-js versions when it loads, and adds
    // polyfills (core-js disguises them as native code). A process of its own, with the reader built
    // from the current source (no tsx to transpile it on the way), so that nothing loaded them before; the built-ins are sampled all through the reads.
    // The lexicons load first: zod, which the whole library uses, registers two globals of its own
    // (__zod_globalConfig, __zod_globalRegistry) whoever imports it; they are not pdfjs's.
    const script = `
      await import(${JSON.stringify(`${BUILT_DIR}/text/lexicons.js`)});
      const watched = { globalThis, Object, Array, "Array.prototype": Array.prototype, JSON, Promise,
        Map, Set, String: String.prototype, Math, Symbol, Uint8Array: Uint8Array.prototype,
        ArrayBuffer: ArrayBuffer.prototype, Function: Function.prototype };
      const names = () => Object.fromEntries(Object.entries(watched).map(([k, o]) =>
        [k, Reflect.ownKeys(o).map(String).sort()]));
      const identities = () => [Array.prototype.push, JSON.parse, JSON.stringify, Object.defineProperty];
      const before = { names: names(), identities: identities() };
      const same = () => identities().every((f, n) => f === before.identities[n]);
      let changedDuring = false;
      let samples = 0;
      const timer = setInterval(() => { samples++; if (!same()) changedDuring = true; }, 1);
      const { readFileSync } = await import("node:fs");
      const { pdfReader } = await import(${JSON.stringify(`${BUILT_DIR}/ingest/readers/pdf.js`)});
      const first = await pdfReader(readFileSync(${JSON.stringify(FIXTURE)}), "x.pdf");
      const second = await pdfReader(readFileSync(${JSON.stringify(FIXTURE)}), "y.pdf");
      clearInterval(timer);
      const after = names();
      const added = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before.names[k]));
      console.log(JSON.stringify({ read: first.text === second.text && first.text.length > 1000,
        sampled: samples > 0, changedDuring, sameAfter: same(), added }));
    `;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      read: true,
      sampled: true,
      changedDuring: false,
      sameAfter: true,
      added: [],
    });
  });
});

describe("the PDF reader's thread", () => {
  it("fails the reads waiting on it with one clear error naming the file when it stops", async () => {
    let ended = 0;
    const thread = new PdfThread(() => ended++);
    const read = thread.read(readFileSync(FIXTURE), FIXTURE);
    await (thread as unknown as { worker: Worker }).worker.terminate();
    const error = await read.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PlandiffError);
    expect((error as PlandiffError).code).toBe("unreadable");
    expect((error as PlandiffError).message).toMatch(
      /^test\/fixtures\/formats\/000\.pdf: the PDF reader's thread stopped \(exit code \d+\)$/,
    );
    expect(ended).toBe(1);
  });
});

describe("pdfReader on hostile input", () => {
  it("rejects random bytes named .pdf as corrupt", async () => {
    const bytes = new Uint8Array(4096);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = seed & 0xff;
    }
    expect((await readError(bytes, "random.pdf")).code).toBe("corrupt");
  });

  it("rejects an empty file as corrupt", async () => {
    expect((await readError(new Uint8Array(0), "empty.pdf")).code).toBe("corrupt");
  });

  it("rejects a password-protected PDF as encrypted", async () => {
    const error = await readError(readFileSync(ENCRYPTED), ENCRYPTED);
    expect(error.code).toBe("encrypted");
    expect(error.message).toContain(ENCRYPTED);
  });

  it("rejects a PDF without a text layer as no-text, asking for OCR", async () => {
    const error = await readError(imageOnlyPdf(), "scan.pdf");
    expect(error.code).toBe("no-text");
    expect(error.message).toContain("OCR");
  });
});

describe("line rebuilding", () => {
  it("groups items by baseline, orders them by x and drops CJK spaces", () => {
    const lines = buildLines([
      { str: "年", x: 96, y: 700.4, width: 10, size: 10 },
      { str: "2018", x: 72, y: 700, width: 22, size: 10 },
      { str: "6", x: 108, y: 699.8, width: 6, size: 10 },
      { str: "月底", x: 116, y: 700, width: 20, size: 10 },
      { str: "下一行", x: 72, y: 685, width: 30, size: 10 },
    ]);
    expect(lines.map((l) => l.text)).toEqual(["2018年6月底", "下一行"]);
  });

  it("keeps spaces between ASCII words and removes them around CJK", () => {
    expect(joinCjk("PM 2.5 浓度 下降 10 %")).toBe("PM 2.5浓度下降10 %");
    expect(joinCjk("〔2018〕 23 号")).toBe("〔2018〕23号");
  });
});

describe("page furniture", () => {
  const page = (n: number, body: string): PdfPage => ({
    width: 595,
    lines: [
      line("嘉兴市人民政府文件", 800),
      line(body, 700, 72, 200),
      line(`— ${n} —`, 40, 280, 315),
    ],
  });

  it("drops running headers and page numbers", () => {
    const pages = ["甲", "乙", "丙", "丁"].map((body, i) => page(i + 1, `正文${body}`));
    expect(pagesToText(pages)).toBe("正文甲\n正文乙\n正文丙\n正文丁");
  });

  it("drops 第N页, - N - and a centred bare number at the foot of a page", () => {
    const foot = (text: string, x: number, right: number): PdfPage => ({
      width: 595,
      lines: [line("正文", 700, 72, 92), line(text, 40, x, right)],
    });
    expect(pagesToText([foot("第3页", 280, 310)])).toBe("正文");
    expect(pagesToText([foot("- 3 -", 280, 310)])).toBe("正文");
    expect(pagesToText([foot("3", 295, 301)])).toBe("正文");
  });

  it("keeps a bare number that is a table's 序号 on the last line", () => {
    const pages: PdfPage[] = [
      {
        width: 595,
        lines: [line("序号", 700, 72, 92), line("12", 686, 72, 84)],
      },
    ];
    expect(pagesToText(pages)).toBe("序号\n12");
  });

  it("joins a line that runs to the right edge with the next, also across pages", () => {
    const pages: PdfPage[] = [
      {
        width: 595,
        lines: [line("一、总体要求", 700, 72, 132), line("第一句很长", 686, 72, 520)],
      },
      { width: 595, lines: [line("接着写完。", 700, 72, 122), line("2．下一条", 686, 72, 520)] },
    ];
    expect(pagesToText(pages)).toBe("一、总体要求\n第一句很长接着写完。\n2．下一条");
  });

  it("never joins a 专栏 box heading or a bare part heading to the full line above", () => {
    const pages: PdfPage[] = [
      {
        width: 595,
        lines: [
          line("6．发展装备。推动装备在海洋调查等领域应用。", 700, 72, 520),
          line("专栏 海洋装备重点发展方向", 686, 72, 330),
          line("1．高技术船舶：大型运输船。", 672, 72, 520),
          line("保障措施", 658, 72, 112),
          line("（一）加强组织领导。", 644, 72, 172),
        ],
      },
    ];
    expect(pagesToText(pages).split("\n")).toEqual([
      "6．发展装备。推动装备在海洋调查等领域应用。",
      "专栏 海洋装备重点发展方向",
      "1．高技术船舶：大型运输船。",
      "保障措施",
      "（一）加强组织领导。",
    ]);
  });
});
