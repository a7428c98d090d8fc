import type { Line } from "../model/source.js";
import { fold } from "../text/fold.js";
import { structureLexicon } from "../text/lexicons.js";
import { DOC_NUMBER, isDocNumberLine, OUTLINE_START } from "../text/patterns.js";
import { escapeRegExp } from "../text/regexp.js";
import { withoutPageQuotes } from "../text/titles.js";

/** A notice's head (title, 文号, addressee) sits in the first lines: only these are repaired. */
const HEAD_LINES = 12;

interface HeadPatterns {
  /** 某政办发〔2016〕26号《…的通知》: the 文号 a page glued before the title. */
  numberThenTitle: RegExp;
  /** …的通知 某政办字〔2023〕52号, …的通知（某政办〔2018〕12号）: the title, then its 文号. */
  titleThenNumber: RegExp;
  /** A whole title (…的通知, 《…方案》): a repeat of it is the page's heading printed again. */
  title: RegExp;
  /** A page's own title bar: the document's title, then its section and site (…的意见_政策文件_某省人民政府网). */
  pageTitle: RegExp;
}

let head: HeadPatterns | undefined;

function patterns(): HeadPatterns {
  if (head) return head;
  const { documentTypeEndings } = structureLexicon();
  const ending = `(?:${documentTypeEndings.map(escapeRegExp).join("|")})`;
  head = {
    numberThenTitle: new RegExp(`^(${DOC_NUMBER.source})\\s*(《.+》)$`),
    titleThenNumber: new RegExp(
      `^([^。;:]{6,}(?:${ending}|》))\\s*(?:(${DOC_NUMBER.source})|\\((${DOC_NUMBER.source})\\))$`,
    ),
    title: new RegExp(`^[^。;:]{6,}${ending}》?$`),
    pageTitle: new RegExp(`^([^。;:_|]{6,}${ending}》?)\\s*[_|]\\s*[^。,;:]+$`),
  };
  return head;
}

const piece = (line: Line, text: string): Line => ({
  ...line,
  text,
  norm: fold(text),
  repairs: [...(line.repairs ?? []), "split"],
});

/** As many 《 as 》: a whole title, not the end of one cited in a wrapped sentence. */
const balanced = (s: string): boolean =>
  (s.match(/《/g)?.length ?? 0) === (s.match(/》/g)?.length ?? 0);

/**
 * A notice's head as web pages and crawls print it: the page's title bar first (…的意见_政策文件_
 * 某省人民政府网: its site part dropped), the 文号 glued to the title on one line (某政办发〔2016〕26号
 * 《…的通知》, …的通知 某政办字〔2023〕52号, …的通知（某政办〔2018〕12号）), and the title or 文号
 * printed twice (the page's heading, then the document's own). Each glued line is
 * split in two, each repeat of a line already in the head dropped, so that the head reads as a
 * cover does — one title, one 文号 — and not as the start of a second document. Only in the
 * head: the first lines, before the addressee, the first sentence or outline heading; a 《》
 * around the title is left to the header reader.
 */
export function repairHead(lines: readonly Line[]): Line[] {
  const { numberThenTitle, titleThenNumber, title, pageTitle } = patterns();
  const out: Line[] = [];
  const seen = new Set<string>();
  let i = 0;
  for (; i < lines.length && i < HEAD_LINES; i++) {
    const line = lines[i] as Line;
    // The head ends at the addressee (各…：), the first sentence or the first outline heading.
    if (OUTLINE_START.test(line.norm) || /[:,。]/.test(line.norm)) break;
    const bar = i === 0 ? pageTitle.exec(line.norm) : null;
    if (bar) {
      // Only the title is the document's; what follows names the page's place on the site
      // (dropped like other page furniture, not a line break restored).
      const text = line.text.slice(0, (bar[1] as string).length).trimEnd();
      const own = { ...line, text, norm: fold(text) };
      seen.add(withoutPageQuotes(own.norm));
      out.push(own);
      continue;
    }
    const glued = numberThenTitle.exec(line.norm);
    const titled = glued ? null : titleThenNumber.exec(line.norm);
    const trailing = titled && balanced(titled[1] as string) ? titled : null;
    const pieces = glued
      ? splitAt(line, (glued[1] as string).length)
      : trailing
        ? splitAt(line, (trailing[1] as string).length, trailing[2] ?? trailing[3])
        : [line];
    for (const p of pieces) {
      // Only titles and 文号 repeat as a page's heading; an organ line is also the signature's.
      const key = withoutPageQuotes(p.norm.replace(/^\((.*)\)$/, "$1"));
      const repeatable = isDocNumberLine(key) || title.test(p.norm);
      if (repeatable && seen.has(key)) continue;
      if (repeatable) seen.add(key);
      out.push(p);
    }
  }
  for (; i < lines.length; i++) out.push(lines[i] as Line);
  return out;
}

/**
 * The line cut after `length` characters of its folded text (folding keeps lengths), the
 * spaces between the two pieces dropped; the second piece only `rest` (folded) where given: the
 * 文号 without the brackets around it.
 */
function splitAt(line: Line, length: number, rest?: string): Line[] {
  const first = line.text.slice(0, length).trimEnd();
  const from = rest === undefined ? length : line.norm.indexOf(rest, length);
  const second = line.text.slice(from, rest === undefined ? undefined : from + rest.length).trim();
  return [piece(line, first), piece(line, second)];
}
