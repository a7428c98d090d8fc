// docx (~1 MB of ESM) is imported on the first Word report only: runs writing no .docx need not
// load it.

import type { FileChild, Paragraph, Table, TableCell, TableRow } from "docx";
import type { CompareResult, ScopeSummary } from "../model/compare.js";
import type { PlanDocument } from "../model/document.js";
import { type Finding, SEVERITY_ORDER, type Severity } from "../model/finding.js";
import type { Lang } from "../model/lang.js";
import type { Task } from "../model/task.js";
import { showBidiControls } from "../text/bidi.js";
import type { Formatter } from "./formatter.js";
import { ROW_TEXT } from "./shared/finding-rows.js";
import {
  KIND_LABELS,
  LEVEL_LABELS,
  label,
  percent,
  RELATION_LABELS,
  SEVERITY_LABELS,
  TEXT,
  textSimilarity,
  verdictLine,
} from "./shared/labels.js";
import { LEGEND_TITLE, legend } from "./shared/legend.js";
import { hasSafeguards, reportScopes } from "./shared/scopes.js";
import { UNIT_TEXT, unitsText } from "./shared/units.js";
import { documentDate, pinZipDates } from "./shared/zip-dates.js";

type Lib = typeof import("docx");

/** Headings and phrases of the Word report that the shared label table lacks. */
export const DOCX_TEXT = {
  basics: { zh: "基本情况", en: "Documents" },
  conclusionSection: { zh: "总体结论", en: "Conclusion and figures" },
  findings: { zh: "发现的问题", en: "Findings" },
  appendix: { zh: "附件　逐项对照", en: "Appendix: task by task" },
  item: { zh: "项目", en: "Item" },
  planTitle: { zh: "方案名称", en: "Plan title" },
  conclusion: { zh: "结论：", en: "Verdict: " },
  rectify: { zh: "整改说明", en: "Response / remediation" },
  obligatory: { zh: "应落实", en: "Required" },
  general: { zh: "其他", en: "General" },
  childSide: { zh: "实施方案：", en: "Child plan: " },
  waived: { zh: "已豁免", en: "Waived" },
  notAligned: { zh: "未对应", en: "not carried" },
  added: { zh: "新增", en: "added" },
  note: {
    zh: "问题按严重程度、再按所在上级方案章节分组；序号与问题清单（CSV、XLSX）一致；“整改说明”栏由下级责任单位填写。",
    en: "Findings by severity, then by the parent plan's section; numbers as in the CSV and XLSX finding lists; the response column is for the responsible child unit to fill in.",
  },
  appendixNote: {
    zh: "按上级方案任务顺序列出每项任务在实施方案中的对应任务；未对应的上级任务和实施方案新增的任务也一并列出。",
    en: "Each parent task in order with the child tasks that carry it; parent tasks nothing carries and the child's own tasks are listed too.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** Body text: 仿宋 for Chinese, Times New Roman for Latin; headings 黑体. */
const BODY_FONT = "仿宋";
const HEADING_FONT = "黑体";
const LATIN_FONT = "Times New Roman";

/** A4 in twips (1/20 pt), the margins 2.5 cm top and bottom, 2.2 cm left and right. */
const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = { top: 1418, bottom: 1418, left: 1247, right: 1247 } as const;
/** Text width of a portrait and of a landscape page. */
const PORTRAIT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_WIDTH = A4.height - MARGIN.left - MARGIN.right;

/** Font sizes in half-points: 二号 title, 三号 and 四号 headings, 小四 body, 五号 tables. */
const SIZE = { title: 44, subtitle: 32, h1: 32, h2: 28, h3: 24, body: 24, table: 21 } as const;

const HEADER_FILL = "D9E1F2";
/** The column the district writes in stands out, as in the xlsx. */
const FEEDBACK_FILL = "FFF2CC";

/**
 * The Word report an office circulates (A4, Chinese fonts declared, page numbers in the footer):
 *
 * 1. title block: both documents (title, 文号, issuer, level, 成文日期);
 * 2. the pair verdict (文件关系), the conclusion and headline figures: one sentence by the severity of the findings (high → must be
 *    remedied, else medium → must be answered, else none), coverage, required coverage and
 *    fidelity, the scope table of the Markdown report, findings by severity and kind;
 * 3. findings (landscape pages): by severity, then by the parent plan's section (a finding
 *    without a parent task by the child's section), one table each: 序号 as in the CSV/XLSX,
 *    kind, the parent and the child task (id and full wording), the message, the responsible
 *    units on both sides and an empty 整改说明 column;
 * 4. appendix: task by task — each parent task with the child tasks carrying it, relation and
 *    score, the tasks nothing carries and the child's own tasks.
 *
 * Document text is data: it goes into text runs (escaped by the library), bidirectional controls
 * shown as visible marks and characters XML cannot hold replaced by U+FFFD.
 *
 * Same input, same bytes: the core properties carry the child plan's 成文日期 (not the clock), the
 * zip entries too, and nothing else in the package is random or dated.
 */
export const docx: Formatter = async (result, { lang }) => {
  const lib = await import("docx");
  const date = documentDate(result.child);
  const doc = new lib.Document({
    creator: "plandiff",
    lastModifiedBy: "plandiff",
    title: TEXT.report[lang],
    styles: styles(lang),
    theme: {
      fonts: {
        headings: { latin: LATIN_FONT, eastAsia: HEADING_FONT, scripts: { Hans: HEADING_FONT } },
        body: { latin: LATIN_FONT, eastAsia: BODY_FONT, scripts: { Hans: BODY_FONT } },
      },
    },
    sections: [
      {
        properties: {
          page: { size: { ...A4, orientation: lib.PageOrientation.PORTRAIT }, margin: MARGIN },
        },
        footers: { default: pageFooter(lib) },
        children: [...titleBlock(lib, result, lang), ...conclusion(lib, result, lang)],
      },
      {
        properties: {
          page: { size: { ...A4, orientation: lib.PageOrientation.LANDSCAPE }, margin: MARGIN },
        },
        footers: { default: pageFooter(lib) },
        children: [
          ...findings(lib, result, lang),
          ...appendix(lib, result, lang),
          ...legendSection(lib, result, lang),
        ],
      },
    ],
  });
  const overrides = [
    { path: "docProps/core.xml", data: coreXml(TEXT.report[lang], date) },
    { path: "word/fontTable.xml", data: FONT_TABLE },
  ];
  const bytes = await lib.Packer.toBuffer(doc, false, overrides);
  return pinZipDates(new Uint8Array(bytes), date);
};

function styles(lang: Lang) {
  // hint: characters both scripts share (“” ‘’ — …) are set in the Chinese face.
  const fonts = { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, hint: "eastAsia" };
  const body = { ...fonts, eastAsia: BODY_FONT };
  const heading = { ...fonts, eastAsia: HEADING_FONT };
  const language = { value: lang === "zh" ? "zh-CN" : "en-GB", eastAsia: "zh-CN" };
  const headingStyle = (size: number, before: number) => ({
    run: { font: heading, size, bold: false, color: "000000" },
    paragraph: { spacing: { before, after: 120 }, keepNext: true },
  });
  return {
    default: {
      document: {
        run: { font: body, size: SIZE.body, language },
        paragraph: { spacing: { line: 360, after: 60 } },
      },
      title: {
        run: { font: heading, size: SIZE.title, color: "000000" },
        paragraph: { alignment: "center" as const, spacing: { before: 240, after: 240 } },
      },
      heading1: headingStyle(SIZE.h1, 360),
      heading2: headingStyle(SIZE.h2, 240),
      heading3: headingStyle(SIZE.h3, 180),
    },
  };
}

/** 「— 3 —」 centred, as on Chinese official documents. */
function pageFooter(lib: Lib) {
  return new lib.Footer({
    children: [
      new lib.Paragraph({
        alignment: lib.AlignmentType.CENTER,
        children: [new lib.TextRun({ children: ["— ", lib.PageNumber.CURRENT, " —"], size: 28 })],
      }),
    ],
  });
}

function titleBlock(lib: Lib, result: CompareResult, lang: Lang): FileChild[] {
  const { parent, child } = result;
  const t = (key: keyof typeof TEXT) => TEXT[key][lang];
  const rows: [string, (d: PlanDocument) => string | null][] = [
    [t("file"), (d) => d.file],
    [t("title"), (d) => d.title],
    [DOCX_TEXT.planTitle[lang], (d) => d.planTitle],
    [t("docNumber"), (d) => d.docNumber],
    [t("issuer"), (d) => d.issuer],
    [t("level"), (d) => label(LEVEL_LABELS, d.level, lang)],
    [t("date"), (d) => d.date],
  ];
  const widths = [1900, (PORTRAIT_WIDTH - 1900) / 2, (PORTRAIT_WIDTH - 1900) / 2];
  return [
    new lib.Paragraph({ heading: lib.HeadingLevel.TITLE, children: [run(lib, t("report"))] }),
    new lib.Paragraph({
      alignment: lib.AlignmentType.CENTER,
      spacing: { after: 360 },
      // A plan without a cover title is named by its file.
      children: [run(lib, child.title ?? child.planTitle ?? child.file, { size: SIZE.subtitle })],
    }),
    heading(lib, 1, numbered(1, DOCX_TEXT.basics[lang], lang)),
    table(lib, widths, [
      headerRow(lib, [DOCX_TEXT.item[lang], t("parentPlan"), t("childPlan")], widths),
      ...rows.map(([name, get]) =>
        row(lib, widths, [
          [cellText(lib, name, { bold: true })],
          [cellText(lib, get(parent) ?? "—")],
          [cellText(lib, get(child) ?? "—")],
        ]),
      ),
    ]),
  ];
}

function conclusion(lib: Lib, result: CompareResult, lang: Lang): FileChild[] {
  const { summary } = result;
  const t = (key: keyof typeof TEXT) => TEXT[key][lang];
  const scopeCells = (s: ScopeSummary) => [
    String(s.parentTasks),
    String(s.carried),
    percent(s.coverage),
    `${s.obligatoryCarried}/${s.obligatory}`,
    percent(s.requiredCoverage),
    String(s.missing.length),
    String(s.added.length),
  ];
  const heads = [
    "",
    t("tasks"),
    t("carried"),
    t("coverage"),
    DOCX_TEXT.obligatory[lang],
    t("requiredCoverage"),
    t("missingTasks"),
    t("addedTasks"),
  ];
  const first = 1900;
  const rest = (PORTRAIT_WIDTH - first) / (heads.length - 1);
  const widths = [first, ...heads.slice(1).map(() => rest)];
  const sep = lang === "zh" ? "，" : ", ";
  const bySeverity = SEVERITY_ORDER.map(
    (s) => `${SEVERITY_LABELS[s][lang]} ${summary.findings.bySeverity[s] ?? 0}`,
  ).join(sep);
  const byKind = Object.entries(summary.findings.byKind)
    .map(([k, n]) => `${label(KIND_LABELS, k, lang)} ${n}`)
    .join(sep);
  const waived =
    summary.findings.waived > 0 ? `${sep}${DOCX_TEXT.waived[lang]} ${summary.findings.waived}` : "";
  return [
    heading(lib, 1, numbered(2, DOCX_TEXT.conclusionSection[lang], lang)),
    pairParagraph(lib, result, lang),
    new lib.Paragraph({
      children: [
        run(lib, DOCX_TEXT.conclusion[lang], { bold: true }),
        run(lib, conclusionSentence(result, lang), { bold: true }),
      ],
    }),
    new lib.Paragraph({ children: [run(lib, figuresSentence(result, lang))] }),
    table(lib, widths, [
      headerRow(lib, heads, widths),
      ...reportScopes(summary).map((key) =>
        row(
          lib,
          widths,
          [t(key), ...scopeCells(summary[key])].map((text, i) => [
            cellText(lib, text, { bold: i === 0 }),
          ]),
        ),
      ),
    ]),
    new lib.Paragraph({
      spacing: { before: 120 },
      children: [
        run(lib, `${t("fidelity")}${lang === "zh" ? "：" : ": "}`, { bold: true }),
        run(lib, percent(summary.fidelity)),
      ],
    }),
    new lib.Paragraph({
      children: [
        run(
          lib,
          `${t("findings")}${counted(summary.findings.total, lang)}${lang === "zh" ? "：" : ": "}`,
          {
            bold: true,
          },
        ),
        run(lib, `${bySeverity}${waived}`),
      ],
    }),
    new lib.Paragraph({ children: [run(lib, byKind || t("none"))] }),
  ];
}

/** Whether the two documents are a parent and its child (summary.pair), first: red when doubtful. */
function pairParagraph(
  lib: Lib,
  result: CompareResult,
  lang: Lang,
): InstanceType<Lib["Paragraph"]> {
  const { warn, text } = verdictLine(result.summary.pair, lang);
  return new lib.Paragraph({
    children: [run(lib, warn ? `⚠ ${text}` : text, warn ? { bold: true, color: "B42318" } : {})],
  });
}

/** The conclusion by the most severe findings that count (waived ones do not). */
export function conclusionSentence(result: CompareResult, lang: Lang): string {
  const high = result.summary.findings.bySeverity.high ?? 0;
  const medium = result.summary.findings.bySeverity.medium ?? 0;
  if (high > 0) {
    return lang === "zh"
      ? `存在 ${high} 项高严重程度问题，须整改并说明。`
      : `${high} high-severity finding${high === 1 ? "" : "s"}: remediation and a response are required.`;
  }
  if (medium > 0) {
    return lang === "zh"
      ? `未发现高严重程度问题；${medium} 项中等严重程度问题须说明。`
      : `No high-severity finding; ${medium} medium finding${medium === 1 ? "" : "s"} need a response.`;
  }
  return lang === "zh"
    ? "未发现须整改或说明的问题。"
    : "No finding needs remediation or a response.";
}

function figuresSentence(result: CompareResult, lang: Lang): string {
  const body = result.summary.body;
  return lang === "zh"
    ? `上级方案正文任务 ${body.parentTasks} 项，实施方案落实 ${body.carried} 项（覆盖率 ${percent(body.coverage)}）；其中应由下级落实的 ${body.obligatory} 项，落实 ${body.obligatoryCarried} 项（${percent(body.requiredCoverage)}）；忠实度 ${percent(result.summary.fidelity)}。`
    : `The child plan carries ${body.carried} of the parent's ${body.parentTasks} body tasks (coverage ${percent(body.coverage)}), ${body.obligatoryCarried} of the ${body.obligatory} addressed to lower levels (${percent(body.requiredCoverage)}); fidelity ${percent(result.summary.fidelity)}.`;
}

/** Where a finding is grouped: the parent task's section, else the child task's, else general. */
interface Place {
  order: [number, number];
  title: string;
}

function placeOf(
  finding: Finding,
  parentTasks: Map<string, Task>,
  childTasks: Map<string, Task>,
  lang: Lang,
): Place {
  const parent = finding.parent === null ? undefined : parentTasks.get(finding.parent);
  const child = finding.child === null ? undefined : childTasks.get(finding.child);
  const of = (task: Task): [number, string] => {
    if (task.source === "appendix") return [100000, TEXT.appendix[lang]];
    if (task.source === "safeguards") return [100001, TEXT.safeguards[lang]];
    return [task.section ?? 99999, task.sectionTitle ?? DOCX_TEXT.general[lang]];
  };
  if (parent) {
    const [n, title] = of(parent);
    return { order: [0, n], title };
  }
  if (child) {
    const [n, title] = of(child);
    return { order: [1, n], title: `${DOCX_TEXT.childSide[lang]}${title}` };
  }
  return { order: [2, 0], title: DOCX_TEXT.general[lang] };
}

const FINDING_WIDTHS = (() => {
  const fixed = [620, 1000, 2700, 2700, 2100, 1500, 1500];
  return [...fixed, LANDSCAPE_WIDTH - fixed.reduce((a, b) => a + b, 0)];
})();

function findings(lib: Lib, result: CompareResult, lang: Lang): FileChild[] {
  const out: FileChild[] = [
    heading(lib, 1, numbered(3, DOCX_TEXT.findings[lang], lang)),
    new lib.Paragraph({ children: [run(lib, DOCX_TEXT.note[lang])] }),
  ];
  if (result.findings.length === 0) {
    out.push(new lib.Paragraph({ children: [run(lib, TEXT.none[lang])] }));
    return out;
  }
  const parentTasks = byId(result.parent.tasks);
  const childTasks = byId(result.child.tasks);
  const heads = [
    ROW_TEXT.index[lang],
    TEXT.kind[lang],
    TEXT.parentText[lang],
    TEXT.childText[lang],
    TEXT.message[lang],
    UNIT_TEXT.parentUnits[lang],
    UNIT_TEXT.childUnits[lang],
    DOCX_TEXT.rectify[lang],
  ];
  let n = 0;
  for (const severity of SEVERITY_ORDER) {
    const list = result.findings
      .map((finding, index) => ({ finding, index }))
      .filter(({ finding }) => finding.severity === severity);
    if (list.length === 0) continue;
    n += 1;
    out.push(heading(lib, 2, severityHeading(n, severity, list.length, lang)));
    const places = new Map<string, { place: Place; items: typeof list }>();
    for (const item of list) {
      const place = placeOf(item.finding, parentTasks, childTasks, lang);
      const key = `${place.order.join(".")}\u0000${place.title}`;
      const group = places.get(key) ?? { place, items: [] };
      group.items.push(item);
      places.set(key, group);
    }
    const groups = [...places.values()].sort(
      (a, b) =>
        a.place.order[0] - b.place.order[0] ||
        a.place.order[1] - b.place.order[1] ||
        (a.place.title < b.place.title ? -1 : a.place.title > b.place.title ? 1 : 0),
    );
    for (const { place, items } of groups) {
      out.push(heading(lib, 3, `${place.title}${counted(items.length, lang)}`));
      out.push(
        table(lib, FINDING_WIDTHS, [
          headerRow(lib, heads, FINDING_WIDTHS, heads.length - 1),
          ...items.map(({ finding, index }) =>
            findingRow(lib, finding, index, parentTasks, childTasks, lang),
          ),
        ]),
      );
    }
  }
  return out;
}

function findingRow(
  lib: Lib,
  finding: Finding,
  index: number,
  parentTasks: Map<string, Task>,
  childTasks: Map<string, Task>,
  lang: Lang,
): TableRow {
  const parent = finding.parent === null ? undefined : parentTasks.get(finding.parent);
  const child = finding.child === null ? undefined : childTasks.get(finding.child);
  const message = [cellText(lib, finding.message)];
  if (finding.waiver) {
    const { by, reason, date } = finding.waiver;
    message.push(
      cellText(lib, `${DOCX_TEXT.waived[lang]}（${by}，${date}）${reason}`, { italics: true }),
    );
  }
  return row(lib, FINDING_WIDTHS, [
    [cellText(lib, String(index + 1))],
    [cellText(lib, label(KIND_LABELS, finding.kind, lang))],
    taskCell(lib, finding.parent, parent),
    taskCell(lib, finding.child, child),
    message,
    [cellText(lib, unitsText(parent?.units, lang))],
    [cellText(lib, unitsText(child?.units, lang))],
    [cellText(lib, "")],
  ]);
}

/** The task's id (and title) in bold, then its full wording; a dash when the finding has none. */
function taskCell(lib: Lib, id: string | null, task: Task | undefined): Paragraph[] {
  if (id === null) return [cellText(lib, "—")];
  if (!task) return [cellText(lib, id, { bold: true })];
  // A body task's wording starts with its title; a table row's title is often all it says.
  if (task.text.trim() === "" || task.text.trim() === task.title.trim()) {
    return [cellText(lib, `${id}　${task.title}`, { bold: true })];
  }
  const head = task.text.startsWith(task.title) ? id : `${id}　${task.title}`;
  return [cellText(lib, head, { bold: true }), cellText(lib, task.text)];
}

function severityHeading(n: number, severity: Severity, count: number, lang: Lang): string {
  const name = SEVERITY_LABELS[severity][lang];
  return lang === "zh"
    ? `（${chineseNumber(n)}）${name}（${count} 项）`
    : `3.${n} ${name[0]?.toUpperCase()}${name.slice(1)} (${count})`;
}

const ALIGNMENT_WIDTHS = (() => {
  const fixed = [1200, 4700, 1200, 4700, 1100];
  return [...fixed, LANDSCAPE_WIDTH - fixed.reduce((a, b) => a + b, 0)];
})();

/** Task by task: each parent task with its child tasks, then the child's own tasks. */
/** What the report's words mean (shared/legend.ts), after the appendix. */
function legendSection(lib: Lib, result: CompareResult, lang: Lang): FileChild[] {
  return [
    heading(lib, 1, LEGEND_TITLE[lang]),
    ...legend(lang, hasSafeguards(result.summary)).map(
      (e) =>
        new lib.Paragraph({
          children: [
            run(lib, `${e.term}${lang === "zh" ? "：" : ": "}`, { bold: true }),
            run(lib, e.text),
          ],
        }),
    ),
  ];
}

function appendix(lib: Lib, result: CompareResult, lang: Lang): FileChild[] {
  const childTasks = byId(result.child.tasks);
  const byParent = new Map<string, CompareResult["alignments"]>();
  const carrying = new Set<string>();
  for (const a of result.alignments) {
    const list = byParent.get(a.parent) ?? [];
    list.push(a);
    byParent.set(a.parent, list);
    carrying.add(a.child);
  }
  const heads = [
    ROW_TEXT.parentId[lang],
    TEXT.parentTask[lang],
    ROW_TEXT.childId[lang],
    TEXT.childTask[lang],
    TEXT.relation[lang],
    `${TEXT.score[lang]} / ${TEXT.similarity[lang]}`,
  ];
  const line = (cells: string[]) =>
    row(
      lib,
      ALIGNMENT_WIDTHS,
      cells.map((text) => [cellText(lib, text)]),
    );
  const rows: TableRow[] = [headerRow(lib, heads, ALIGNMENT_WIDTHS)];
  for (const task of result.parent.tasks) {
    const links = byParent.get(task.id) ?? [];
    if (links.length === 0) {
      rows.push(line([task.id, task.title, "—", "", DOCX_TEXT.notAligned[lang], ""]));
    }
    for (const a of links) {
      rows.push(
        line([
          task.id,
          task.title,
          a.child,
          childTasks.get(a.child)?.title ?? "",
          RELATION_LABELS[a.relation][lang],
          `${a.score.toFixed(2)} / ${textSimilarity(a)?.toFixed(2) ?? "—"}`,
        ]),
      );
    }
  }
  for (const task of result.child.tasks) {
    if (!carrying.has(task.id)) {
      rows.push(line(["—", "", task.id, task.title, DOCX_TEXT.added[lang], ""]));
    }
  }
  return [
    new lib.Paragraph({ children: [new lib.PageBreak()] }),
    heading(lib, 1, DOCX_TEXT.appendix[lang]),
    new lib.Paragraph({ children: [run(lib, DOCX_TEXT.appendixNote[lang])] }),
    table(lib, ALIGNMENT_WIDTHS, rows),
  ];
}

// --- building blocks ---------------------------------------------------------------------------

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  /** RRGGBB */
  color?: string;
}

/**
 * Document text as runs: bidirectional controls shown as visible marks, characters XML cannot
 * hold replaced, line breaks kept as breaks. The library escapes the rest; nothing is markup.
 */
function run(lib: Lib, raw: string, style: RunStyle = {}): InstanceType<Lib["TextRun"]> {
  const lines = safeText(raw).split(/\r\n|\r|\n/);
  if (lines.length === 1) return new lib.TextRun({ text: lines[0] ?? "", ...style });
  return new lib.TextRun({
    ...style,
    children: lines.flatMap((text, i) =>
      i === 0 ? [text] : [new lib.TextRun({ break: 1 }), text],
    ),
  });
}

/** Control characters other than tab and line ends, lone surrogates, U+FFFE and U+FFFF. */
const XML_ILLEGAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function safeText(raw: string): string {
  return showBidiControls(raw).replace(XML_ILLEGAL, "\uFFFD");
}

function heading(lib: Lib, level: 1 | 2 | 3, text: string): Paragraph {
  const levels = {
    1: lib.HeadingLevel.HEADING_1,
    2: lib.HeadingLevel.HEADING_2,
    3: lib.HeadingLevel.HEADING_3,
  } as const;
  return new lib.Paragraph({ heading: levels[level], children: [run(lib, text)] });
}

/** 「（9）」 / " (9)". */
function counted(n: number, lang: Lang): string {
  return lang === "zh" ? `（${n}）` : ` (${n})`;
}

/** 「一、基本情况」 / "1. Documents". */
function numbered(n: number, text: string, lang: Lang): string {
  return lang === "zh" ? `${chineseNumber(n)}、${text}` : `${n}. ${text}`;
}

/** 1 → 一 … 10 → 十, 11 → 十一 (enough for headings). */
function chineseNumber(n: number): string {
  const digits = "〇一二三四五六七八九";
  if (n <= 10) return n === 10 ? "十" : (digits[n] ?? String(n));
  if (n < 20) return `十${digits[n - 10]}`;
  return String(n);
}

function cellText(lib: Lib, text: string, style: RunStyle = {}): Paragraph {
  return new lib.Paragraph({
    spacing: { line: 276, after: 40 },
    children: [run(lib, text, { size: SIZE.table, ...style })],
  });
}

function table(lib: Lib, widths: readonly number[], rows: TableRow[]): Table {
  return new lib.Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: lib.WidthType.DXA },
    columnWidths: [...widths],
    layout: lib.TableLayoutType.FIXED,
  });
}

function row(lib: Lib, widths: readonly number[], cells: Paragraph[][]): TableRow {
  return new lib.TableRow({
    // A finding stays on one page (a row broken over a page splits its wording mid-sentence); a
    // row longer than a page is still broken by the word processor.
    cantSplit: true,
    children: cells.map((children, i) => cell(lib, widths[i] ?? 0, children)),
  });
}

/** A header row, repeated at the top of every page; `highlight` is the reply column, if any. */
function headerRow(lib: Lib, heads: string[], widths: readonly number[], highlight = -1): TableRow {
  return new lib.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: heads.map((text, i) =>
      cell(
        lib,
        widths[i] ?? 0,
        [cellText(lib, text, { bold: true })],
        i === highlight ? FEEDBACK_FILL : HEADER_FILL,
      ),
    ),
  });
}

function cell(lib: Lib, width: number, children: Paragraph[], fill?: string): TableCell {
  return new lib.TableCell({
    children,
    width: { size: width, type: lib.WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(fill ? { shading: { type: lib.ShadingType.CLEAR, color: "auto", fill } } : {}),
  });
}

function byId(tasks: readonly Task[]): Map<string, Task> {
  return new Map(tasks.map((task) => [task.id, task]));
}

/** Core properties with a fixed date (the library would write the clock's). */
function coreXml(title: string, date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlEscape(title)}</dc:title><dc:creator>plandiff</dc:creator><cp:lastModifiedBy>plandiff</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The font table: 仿宋 and 黑体 with their Windows alternates (FangSong, SimHei), the GB2312
 * character set (86) and their PANOSE classes, so that Word, WPS and LibreOffice pick a matching
 * Chinese face (仿宋_GB2312, Noto Serif/Sans CJK…) on a machine without them.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="${BODY_FONT}"><w:altName w:val="FangSong"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/><w:sig w:usb0="800002BF" w:usb1="38CF7CFA" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/></w:font><w:font w:name="${HEADING_FONT}"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/><w:sig w:usb0="800002BF" w:usb1="38CF7CFA" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/></w:font><w:font w:name="${LATIN_FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
