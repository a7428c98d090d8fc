/** Elements that never have content (and so never nest). */
const VOID = new Set([
  "area",
  "base",
  "basefont",
  "bgsound",
  "br",
  "col",
  "embed",
  "frame",
  "hr",
  "image",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
/**
 * Elements whose end tag may be left out because the next one of their kind (or their parent's
 * end) closes them: they cannot pile up inside themselves, so they are not counted.
 */
const SELF_CLOSING_KIND = new Set([
  "body",
  "caption",
  "colgroup",
  "dd",
  "dt",
  "head",
  "html",
  "li",
  "optgroup",
  "option",
  "p",
  "rb",
  "rp",
  "rt",
  "rtc",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
]);
/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = new Set([
  "iframe",
  "noembed",
  "noframes",
  "noscript",
  "plaintext",
  "script",
  "style",
  "textarea",
  "title",
  "xmp",
]);

/**
 * An upper estimate of how deep an HTML page's elements nest, from one linear pass over its tags
 * (no tree is built): every start tag of an element that can hold others and is not closed by
 * the next of its kind opens a level, its end tag (if one of that name is open) closes one.
 * Unclosed tags count as open, so sloppy markup can only raise the estimate.
 */
export function htmlNestingEstimate(html: string): number {
  const lower = html.toLowerCase();
  const open = new Map<string, number>();
  let depth = 0;
  let deepest = 0;
  let at = 0;
  for (;;) {
    at = lower.indexOf("<", at);
    if (at < 0) break;
    if (lower.startsWith("<!--", at)) {
      const end = lower.indexOf("-->", at + 4);
      if (end < 0) break;
      at = end + 3;
      continue;
    }
    let k = at + 1;
    const closing = lower.charCodeAt(k) === 0x2f; // "/"
    if (closing) k++;
    const nameStart = k;
    while (k < lower.length && isNameChar(lower.charCodeAt(k))) k++;
    const name = lower.slice(nameStart, k);
    if (name === "" || !isLetter(name.charCodeAt(0))) {
      at = nameStart;
      continue;
    }
    // The tag's end: the first ">" outside a quoted attribute value.
    let quote = 0;
    for (; k < lower.length; k++) {
      const c = lower.charCodeAt(k);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) break;
    }
    if (k >= lower.length) break;
    const selfClosed = lower.charCodeAt(k - 1) === 0x2f;
    at = k + 1;
    if (closing) {
      const count = open.get(name) ?? 0;
      if (count > 0) {
        open.set(name, count - 1);
        depth--;
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      if (name === "plaintext") break;
      const end = lower.indexOf(`</${name}`, at);
      if (end < 0) break;
      at = end;
      continue;
    }
    if (VOID.has(name) || SELF_CLOSING_KIND.has(name)) continue;
    // `<x/>` closes itself only inside SVG and MathML; in HTML the slash is ignored.
    if (selfClosed && ((open.get("svg") ?? 0) > 0 || (open.get("math") ?? 0) > 0)) continue;
    open.set(name, (open.get(name) ?? 0) + 1);
    depth++;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a || c === 0x5f;
}
