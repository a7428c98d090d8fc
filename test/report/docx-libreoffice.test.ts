/**
 * The Word report opened by a real word processor: LibreOffice (`soffice --headless
 * --convert-to pdf`, Debian `libreoffice-writer-nogui`) turns it into a PDF and poppler's
 * `pdftotext` reads it back. Without both programs the test is reported as skipped, with a notice
 * on stderr; `.ci/run` installs them.
 */

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import { docx } from "../../src/report/docx.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

const has = (program: string) => spawnSync("sh", ["-c", `command -v ${program}`]).status === 0;
const available = has("soffice") && has("pdftotext") && has("pdfinfo");
const SKIP_NOTICE = "skipped: soffice or pdftotext not installed";
if (!available) {
  // Not console (banned by the linter): a skipped conversion test must still be noticed.
  process.stderr.write(
    `\n⚠ test/report/docx-libreoffice: ${SKIP_NOTICE}; the Word report is not opened in LibreOffice.\n` +
      "  Install them with: apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils\n\n",
  );
}

/** Whitespace removed: table cells wrap words over lines. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

describe.skipIf(!available)(
  available ? "Word report in LibreOffice" : `${SKIP_NOTICE} — Word report in LibreOffice`,
  () => {
    const work = mkdtempSync(join(tmpdir(), "plandiff-docx-lo-"));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it("converts to PDF whose findings pages name every high finding's parent task", async () => {
      const result = compareDocuments(
        await seedDocument(SEEDS.province),
        await seedDocument(SEEDS.city),
      );
      const bytes = await docx(result, { color: false, lang: "zh" });
      const file = join(work, "report.docx");
      writeFileSync(file, bytes);
      // A profile of its own, so that a LibreOffice already running elsewhere does not take over.
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          work,
          file,
        ],
        { stdio: "pipe", timeout: 120_000 },
      );
      const pdf = join(work, "report.pdf");
      expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const text = squeeze(execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" }));
      expect(text).toContain(squeeze("实施方案落实情况比对报告"));
      expect(text).toContain("嘉政发〔2018〕23号");
      // Between the findings heading and the appendix: the findings tables (-raw: each cell's
      // lines in the order they were written, not interleaved with the next cell's).
      const findings = text.slice(text.indexOf("三、发现的问题"), text.indexOf("附件逐项对照"));
      expect(findings.length).toBeGreaterThan(1000);
      const high = result.findings.filter((f) => f.severity === "high");
      expect(high.length).toBeGreaterThan(0);
      for (const finding of high) {
        const title = result.parent.tasks.find((t) => t.id === finding.parent)?.title;
        if (!title) throw new Error(`high finding without a parent task: ${finding.message}`);
        expect(findings, finding.parent ?? "").toContain(squeeze(title));
      }
      // A4: the first page is portrait, the findings pages landscape.
      const info = execFileSync("pdfinfo", ["-f", "1", "-l", "2", pdf], { encoding: "utf8" });
      expect(info).toMatch(/Page\s+1 size:\s+595\.\d+ x 841\.\d+/);
      expect(info).toMatch(/Page\s+2 size:\s+841\.\d+ x 595\.\d+/);
    }, 180_000);
  },
);
