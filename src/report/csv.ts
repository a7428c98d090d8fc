import { showBidiControls } from "../text/bidi.js";
import type { Formatter } from "./formatter.js";
import { findingRows } from "./shared/finding-rows.js";

/**
 * Spreadsheet programs (Excel, WPS, LibreOffice) decode a BOM-less CSV with the local code page,
 * which garbles Chinese on most Windows machines.
 */
const BOM = "\uFEFF";

/** RFC 4180 line end. */
const CRLF = "\r\n";

/**
 * Cells that a spreadsheet program would run as a formula (CSV/formula injection, OWASP): = + - @,
 * and tab / carriage return, which some programs skip before evaluating the rest.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Findings as CSV, one row per finding (columns of `findingRows`), for audit staff to send to the
 * district that must reply in the 整改说明/反馈 column.
 *
 * - RFC 4180: a field containing a comma, a double quote, CR or LF is quoted, quotes inside are
 *   doubled, and every record (the last included) ends with CRLF.
 * - UTF-8 with a BOM, so that spreadsheet programs open the Chinese text correctly.
 * - Formula injection guard: a cell whose text starts with = + - @, tab or CR gets a leading `'`,
 *   so that a task text or message such as `=HYPERLINK(…)` or `-1` stays text when opened. The
 *   apostrophe is part of the value (readers of the CSV see it); the xlsx export needs no such
 *   guard because its cells are typed as strings.
 * - Bidirectional controls (U+202E…) are shown as visible marks `⟨U+202E⟩`, as in every
 *   human-readable output, so that they cannot reorder a cell.
 */
export const csv: Formatter = (result, { lang }) => {
  const { headers, rows } = findingRows(result, lang);
  const records = [headers, ...rows].map((cells) => cells.map(field).join(","));
  return `${BOM}${records.map((record) => record + CRLF).join("")}`;
};

function field(raw: string): string {
  // Bidirectional controls shown as visible marks (⟨U+202E⟩), so that they cannot reorder a cell.
  const cell = showBidiControls(raw);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
