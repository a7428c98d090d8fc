import type { CompareResult } from "../../model/compare.js";
import type { PlanDocument } from "../../model/document.js";
import type { Lang } from "../../model/lang.js";
import { LEVEL_LABELS, TEXT, verdictLine } from "../shared/labels.js";
import { LEGEND_TITLE } from "../shared/legend.js";
import { HTML_TEXT, say } from "./labels.js";
import { h, type SafeHtml } from "./markup.js";

/** The page's banner and the two documents side by side (title, 文号, issuer, level, date). */
export function renderHeader(result: CompareResult, lang: Lang): SafeHtml {
  return h`<header class="masthead">
<div class="wrap">
<p class="eyebrow">plandiff</p>
<h1>${TEXT.report[lang]}</h1>
<p class="subtitle">${planName(result.parent)} <span aria-hidden="true">→</span> ${planName(result.child)}</p>
${verdictBanner(result, lang)}
</div>
</header>
<div class="wrap docs">
${renderDocument(result.parent, "parent", lang)}
<div class="docs-arrow" aria-hidden="true">→</div>
${renderDocument(result.child, "child", lang)}
</div>`;
}

/** The pair verdict, first: a warning banner when the documents are not a parent and its child. */
function verdictBanner(result: CompareResult, lang: Lang): SafeHtml {
  const { warn, text } = verdictLine(result.summary.pair, lang);
  return h`<p class="verdict verdict-${result.summary.pair.verdict}" data-verdict="${result.summary.pair.verdict}"${warn ? h` role="alert"` : ""}>${warn ? "⚠ " : ""}${text}</p>`;
}

/** The sticky table of contents (hidden in print). */
export function renderToc(lang: Lang): SafeHtml {
  const links: [string, string][] = [
    ["summary", TEXT.summary[lang]],
    ["sections", TEXT.sections[lang]],
    ["alignment", TEXT.alignment[lang]],
    ["findings", TEXT.findings[lang]],
    ["legend", LEGEND_TITLE[lang]],
  ];
  return h`<nav class="toc" aria-label="${HTML_TEXT.contents[lang]}"><div class="wrap">${links.map(
    ([id, text]) => h`<a href="#${id}">${text}</a>`,
  )}</div></nav>`;
}

/** The plan's own title when the document is a notice that issues it, else the document title. */
export function planName(document: PlanDocument): string {
  return document.planTitle ?? document.title ?? document.file;
}

function renderDocument(document: PlanDocument, role: "parent" | "child", lang: Lang): SafeHtml {
  const roleName = role === "parent" ? TEXT.parentPlan[lang] : TEXT.childPlan[lang];
  return h`<article class="doc doc-${role}">
<p class="doc-role">${roleName}</p>
<h2 class="doc-title">${document.title ?? planName(document)}</h2>
<dl class="doc-meta">
${metaRow(TEXT.docNumber[lang], document.docNumber, lang)}
${metaRow(TEXT.issuer[lang], document.issuer, lang)}
${metaRow(TEXT.level[lang], LEVEL_LABELS[document.level][lang], lang)}
${metaRow(TEXT.date[lang], document.date, lang)}
${metaRow(say("file", lang), fileRef(document), lang)}
</dl>
</article>`;
}

function metaRow(name: string, value: string | null, lang: Lang): SafeHtml {
  return h`<div><dt>${name}</dt><dd>${value ?? TEXT.none[lang]}</dd></div>`;
}

function fileRef(document: PlanDocument): string {
  const base = document.file.split(/[\\/]/).pop() ?? document.file;
  return document.index > 1 ? `${base}#${document.index}` : base;
}
