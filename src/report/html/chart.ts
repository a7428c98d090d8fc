import type { CompareResult, SectionSummary } from "../../model/compare.js";
import type { Lang } from "../../model/lang.js";
import { percent, TEXT } from "../shared/labels.js";
import { say } from "./labels.js";
import { h, type SafeHtml } from "./markup.js";

/** Geometry of the chart, in SVG user units. */
const CHART = {
  width: 960,
  labelWidth: 300,
  barWidth: 540,
  rowHeight: 46,
  top: 34,
  barHeight: 14,
  maxLabel: 21,
} as const;

const TICKS = [0, 0.25, 0.5, 0.75, 1] as const;

/** Inline SVG: per parent task section a coverage bar and a fidelity bar, each linked to its tasks. */
export function renderSectionChart(result: CompareResult, lang: Lang): SafeHtml {
  const sections = result.summary.sections;
  const height = CHART.top + sections.length * CHART.rowHeight + 8;
  const rows = sections.map((section, i) => sectionBars(section, i, result, lang));
  return h`<section id="sections" class="report-section" aria-labelledby="sections-h">
<h2 id="sections-h">${TEXT.sections[lang]}</h2>
<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${CHART.width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">
<title id="chart-title">${say("chartTitle", lang)}</title>
<desc id="chart-desc">${chartDescription(result, lang)}</desc>
${legend(lang)}
${grid(height)}
${rows}
</svg>
</figure>
</section>`;
}

/** The section's printed label and title: （一）大力实施…. */
export function sectionName(result: CompareResult, section: number, title: string): string {
  const outline = result.parent.sections.find((s) => s.taskSection === section);
  return outline ? `（${outline.label}）${title}` : `${section}. ${title}`;
}

function coverageOf(section: SectionSummary): number {
  return section.tasks === 0 ? 1 : section.carried / section.tasks;
}

function chartDescription(result: CompareResult, lang: Lang): string {
  const lines = result.summary.sections.map(
    (s) =>
      `${sectionName(result, s.parent, s.title)}: ${TEXT.coverage[lang]} ${percent(coverageOf(s))} (${s.carried}/${s.tasks}), ${TEXT.fidelity[lang]} ${percent(s.fidelity)}`,
  );
  return [say("chartDesc", lang), ...lines].join(" ");
}

function legend(lang: Lang): SafeHtml {
  const x = CHART.labelWidth;
  return h`<g class="legend" aria-hidden="true">
<rect class="bar-coverage" x="${x}" y="8" width="12" height="12" rx="2"/><text x="${x + 18}" y="18">${TEXT.coverage[lang]}</text>
<rect class="bar-fidelity" x="${x + 120}" y="8" width="12" height="12" rx="2"/><text x="${x + 138}" y="18">${TEXT.fidelity[lang]}</text>
</g>`;
}

function grid(height: number): SafeHtml {
  return h`<g class="grid" aria-hidden="true">${TICKS.map((t) => {
    const x = CHART.labelWidth + t * CHART.barWidth;
    return h`<line x1="${x}" x2="${x}" y1="${CHART.top - 6}" y2="${height - 6}"/><text class="tick" x="${x}" y="${height}">${Math.round(t * 100)}%</text>`;
  })}</g>`;
}

function sectionBars(
  section: SectionSummary,
  index: number,
  result: CompareResult,
  lang: Lang,
): SafeHtml {
  const y = CHART.top + index * CHART.rowHeight;
  const name = sectionName(result, section.parent, section.title);
  const coverage = coverageOf(section);
  const tooltip = `${name} — ${TEXT.coverage[lang]} ${percent(coverage)} (${section.carried}/${section.tasks}), ${TEXT.fidelity[lang]} ${percent(section.fidelity)}`;
  return h`<a href="#sec-${section.parent}" class="chart-row" data-section="${section.parent}">
<title>${tooltip}</title>
<text class="label" x="${CHART.labelWidth - 12}" y="${y + CHART.barHeight + 6}">${shorten(name)}</text>
${bar("coverage", coverage, y + 2, `${percent(coverage)} (${section.carried}/${section.tasks})`)}
${bar("fidelity", section.fidelity, y + 4 + CHART.barHeight, percent(section.fidelity))}
</a>`;
}

function bar(kind: "coverage" | "fidelity", value: number, y: number, text: string): SafeHtml {
  const width = Math.max(0, Math.min(1, value)) * CHART.barWidth;
  const x = CHART.labelWidth;
  return h`<rect class="track" x="${x}" y="${y}" width="${CHART.barWidth}" height="${CHART.barHeight}" rx="3"/>
<rect class="bar-${kind}" x="${x}" y="${y}" width="${round(width)}" height="${CHART.barHeight}" rx="3"/>
<text class="value" x="${x + CHART.barWidth + 8}" y="${y + CHART.barHeight - 2}">${text}</text>`;
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > CHART.maxLabel ? `${chars.slice(0, CHART.maxLabel - 1).join("")}…` : text;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
