import type { Line } from "../model/source.js";
import { structureLexicon } from "../text/lexicons.js";
import { isDocNumberLine, OUTLINE_START } from "../text/patterns.js";
import { escapeRegExp } from "../text/regexp.js";

/** The head searched for a page's information block: at most this many lines before the body. */
const MAX_HEAD_LINES = 60;
/**
 * A value on a line of its own that is surely one: an index number, a date or time (no Han
 * character but 年月日时分秒), or a 文号 (the plan prints its own; a second one would read as the
 * start of another document). A line of words after an empty label may be the document itself
 * (内容概述: and then the plan's organ line or title), so it stays.
 */
const BARE_VALUE = /^[^\p{Script=Han}]*(?:[年月日时分秒][^\p{Script=Han}]*)*$/u;
/** A breadcrumb (首页 > 信息公开 > 通知, 当前位置：首页 » 政策文件) or the font tool (【字体：大 中 小】). */
const BREADCRUMB = /^(?:首页\s*[>»›]|当前位置:|【?字[体号]:)/;

let labelLine: RegExp | undefined;

/** 发布时间:… / 索引号: … 组配分类: … (folded: half-width colon), bullets already removed. */
function pageInfoLabel(): RegExp {
  const labels = structureLexicon()
    .pageInfoLabels.map(escapeRegExp)
    .sort((a, b) => b.length - a.length);
  labelLine ??= new RegExp(`^(?:${labels.join("|")})\\s*:(.*)$`);
  return labelLine;
}

/**
 * A government page's information block and chrome, kept when the page was copied or crawled as
 * text: lines of `label: value` (索引号: … 组配分类: …, 发布时间:2024-11-01 来源: …; labels from
 * data/lexicon/structure.json `pageInfoLabels`), a label alone with its value on the next line, a
 * breadcrumb (首页 > … > …) and lines such as 返回顶部 (`pageChromeLines`). They describe the page,
 * not the plan, which prints its own title and 文号; read as the plan's head they run into its
 * title or take its date. Dropped, as the HTML reader drops the page's information table, but
 * only before the body (the first outline heading).
 */
export function dropPageInfo(lines: readonly Line[]): Line[] {
  const lexicon = structureLexicon();
  const chrome = new Set(lexicon.pageChromeLines);
  const label = pageInfoLabel();
  const dropped = new Set<number>();
  let awaitingValue = false;
  const head = Math.min(lines.length, MAX_HEAD_LINES);
  for (let i = 0; i < head; i++) {
    const { norm } = lines[i] as Line;
    if (OUTLINE_START.test(norm)) break;
    const m = label.exec(norm);
    if (m) {
      dropped.add(i);
      awaitingValue = (m[1] as string).trim() === "";
      continue;
    }
    if (chrome.has(norm) || BREADCRUMB.test(norm)) {
      dropped.add(i);
    } else if (awaitingValue && (BARE_VALUE.test(norm) || isDocNumberLine(norm))) {
      dropped.add(i);
    }
    awaitingValue = false;
  }
  return dropped.size === 0 ? [...lines] : lines.filter((_, i) => !dropped.has(i));
}
