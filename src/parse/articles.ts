/**
 * Rules documents (实施细则, 办法, 条例) are written in articles (第一条…), often grouped in
 * chapters (第一章 总则…). Each article outside the context chapters (总则, 附则) is one task.
 */
import type { OutlineEntry } from "../model/document.js";
import type { Line } from "../model/source.js";
import type { Task } from "../model/task.js";
import { structureLexicon } from "../text/lexicons.js";
import { numeralValue } from "../text/numerals.js";
import { stripTrailingResponsibility } from "../text/responsibility.js";
import { namesLowerGovernments } from "../text/units.js";
import { findDeadline } from "./parse-deadline.js";
import { readResponsibility } from "./responsibility.js";

const NUM = "一二三四五六七八九十百零\\d";
/** 第六条 at the start of a line; what follows may be spaces or the text itself. */
const ARTICLE = new RegExp(`^第([${NUM}]+)条[\\s\\u3000]*`);
/** 第二章 at the start of a line, then its title. */
const CHAPTER = new RegExp(`^第([${NUM}]+)章[\\s\\u3000]*`);
/** A chapter heading is a short title, not a sentence. */
const MAX_CHAPTER_TITLE = 30;

interface Chapter {
  number: number;
  label: string;
  title: string;
  heading: string;
  line: Line;
  context: boolean;
}

interface Article {
  number: number;
  label: string;
  /** The article's line with its 第N条 marker removed. */
  head: Line;
  lines: Line[];
  chapter: Chapter | null;
  /** 1-based position of its chapter, or null without chapters. */
  chapterIndex: number | null;
}

/**
 * Reads the articles of a rules document into tasks (source `body`, ids R<N>) and the outline
 * of its chapters and articles. Articles of the context chapters (总则, 附则:
 * `structure.json` `contextChapters`) are outline entries with role `context` and no task.
 * A 第N条 that does not number past the previous article (a cross reference at the start of a
 * line: 第六条至第十六条…) does not start an article.
 */
export function articleTasks(
  content: Line[],
  year: number | null,
): { tasks: Task[]; outline: OutlineEntry[] } {
  const { chapters, articles } = readArticles(content);
  const tasks: Task[] = [];
  const outline: OutlineEntry[] = [];
  // Articles before the first chapter (or in a document without chapters) are tasks.
  for (const article of articles.filter((a) => a.chapter === null)) {
    const task = taskOf(article, year);
    tasks.push(task);
    outline.push(articleEntry(article, task));
  }
  chapters.forEach((chapter, at) => {
    outline.push({
      depth: 1,
      style: "chapter",
      label: chapter.label,
      title: chapter.title,
      line: chapter.line.line,
      role: chapter.context ? "context" : "group",
      taskId: null,
      why: chapter.context ? "context-chapter" : "task-group",
      inferred: false,
    });
    for (const article of articles.filter((a) => a.chapterIndex === at + 1)) {
      const task = chapter.context ? null : taskOf(article, year);
      if (task) tasks.push(task);
      outline.push(articleEntry(article, task));
    }
  });
  return { tasks, outline };
}

/**
 * How many articles the lines hold, counted as `articleTasks` reads them (numbers increasing, so
 * a cross reference at the start of a line is not counted): to decide that a document is a rules
 * document.
 */
export function articleCount(content: Line[]): number {
  return readArticles(content).articles.length;
}

function articleEntry(article: Article, task: Task | null): OutlineEntry {
  const chapter = article.chapter;
  return {
    depth: chapter ? 2 : 1,
    style: "article",
    label: article.label,
    title: titleOf(article.head),
    line: article.head.line,
    role: task ? "task" : "context",
    taskId: task?.id ?? null,
    why: task ? "article" : "context-chapter",
    inferred: false,
  };
}

/** Splits the lines into chapters and articles; lines before the first article are skipped. */
function readArticles(content: Line[]): { chapters: Chapter[]; articles: Article[] } {
  const { contextChapters } = structureLexicon();
  const chapters: Chapter[] = [];
  const articles: Article[] = [];
  let current: Article | null = null;
  for (const line of content) {
    // A table of contents lists the chapters before the first article: they start again after it.
    const previousChapter =
      articles.length === 0 ? 0 : (chapters[chapters.length - 1]?.number ?? 0);
    const chapter = chapterAt(line, previousChapter);
    if (chapter) {
      if (articles.length === 0 && chapter.number <= (chapters[chapters.length - 1]?.number ?? 0))
        chapters.length = 0;
      const { titleNorm, ...rest } = chapter;
      chapters.push({ ...rest, context: contextChapters.some((w) => titleNorm.startsWith(w)) });
      current = null;
      continue;
    }
    const article = ARTICLE.exec(line.norm);
    const previous = articles[articles.length - 1]?.number ?? 0;
    if (article && numeralValue(article[1] as string) > previous) {
      const marker = article[0].length;
      const head: Line = { ...line, text: line.text.slice(marker), norm: line.norm.slice(marker) };
      const last = chapters[chapters.length - 1] ?? null;
      current = {
        number: numeralValue(article[1] as string),
        label: article[1] as string,
        head,
        lines: [head],
        chapter: last,
        chapterIndex: last ? chapters.length : null,
      };
      articles.push(current);
      continue;
    }
    current?.lines.push(line);
  }
  return { chapters, articles };
}

function chapterAt(
  line: Line,
  previous: number,
): (Omit<Chapter, "context"> & { titleNorm: string }) | null {
  const m = CHAPTER.exec(line.norm);
  if (!m) return null;
  const number = numeralValue(m[1] as string);
  const title = line.text.slice(m[0].length).trim();
  if (number <= previous || title === "" || title.length > MAX_CHAPTER_TITLE) return null;
  if (/[。;]/.test(line.norm)) return null;
  const titleNorm = line.norm.slice(m[0].length).trim();
  return { number, label: m[1] as string, title, titleNorm, heading: line.text.trim(), line };
}

/** The article's text after its marker, up to the first 。 (a trailing unit bracket removed). */
function titleOf(head: Line): string {
  const text = head.text.replace(/^[\s\u3000]+/, "");
  const at = text.indexOf("。");
  if (at >= 0) return text.slice(0, at).trim();
  return stripTrailingResponsibility(text.trim(), head.norm.replace(/^\s+/, "").trim());
}

function taskOf(article: Article, year: number | null): Task {
  const { units, labelLines } = readResponsibility(article.lines);
  const textLines = article.lines.filter((_, i) => !labelLines.has(i));
  return {
    id: `R${article.number}`,
    source: "body",
    section: article.chapterIndex,
    sectionTitle: article.chapter?.title ?? null,
    label: `第${article.label}条`,
    title: titleOf(article.head),
    text: article.lines.map((l) => l.text.replace(/^[\s\u3000]+/, "")).join("\n"),
    units,
    obligatory: namesLowerGovernments(units),
    deadline: findDeadline(textLines.map((l) => l.norm).join("\n"), { year }),
    appendixRefs: [],
    bodyRefs: [],
    line: article.head.line,
    path: article.chapter ? [article.chapter.heading] : [],
  };
}
