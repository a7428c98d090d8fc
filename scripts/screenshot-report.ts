/**
 * Writes docs/report-screenshot.png: the HTML report of data/002 (province parent) → data/000
 * (Jiaxing city child), in Chinese, opened from disk in headless Chromium, top of the page at
 * 1280×900. Usage: npx tsx scripts/screenshot-report.ts [out.png] [--full]
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { compareDocuments } from "../src/compare.js";
import { parseDocument } from "../src/pipeline.js";
import { html } from "../src/report/html.js";
import { CHROMIUM_ARGS as ARGS, CHROMIUM } from "./chromium.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const positional = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const out = resolve(positional[0] ?? join(root, "docs/report-screenshot.png"));
const fullPage = process.argv.includes("--full");

async function renderReport(dir: string): Promise<string> {
  const parent = await parseDocument(join(root, "data/002_2cdac00586eece9b.txt"));
  const child = await parseDocument(join(root, "data/000_e50bc25d11ad62e1.txt"));
  const page = await html(compareDocuments(parent, child), { color: false, lang: "zh" });
  const file = join(dir, "report.html");
  writeFileSync(file, page);
  return file;
}

async function screenshot(file: string, userDataDir: string): Promise<Uint8Array> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return await page.screenshot({ fullPage });
  } finally {
    await context.close();
  }
}

const work = mkdtempSync(join(tmpdir(), "plandiff-shot-"));
try {
  const file = await renderReport(work);
  const png = await screenshot(file, join(work, "profile"));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, png);
  console.log(`wrote ${out} (${png.length} bytes) from ${file}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
