/**
 * Unit (organ) names in responsibility texts: labels (牵头单位：…), roles (由…牵头, …配合), lists
 * of names split at 、 and 和/等, what looks like a unit, and unit names in one form for comparing.
 */

import { fold } from "./fold.js";
import { levelsLexicon, unitCounterpartsLexicon, unitPrefixes, unitsLexicon } from "./lexicons.js";
import { escapeRegExp } from "./regexp.js";
import { normalizeForMatching } from "./segment.js";

export type Role = "lead" | "support";

/** Units with a role, before they are gathered into `Units`. */
export interface RoledUnit {
  name: string;
  role: Role;
}

const OPEN = "([（〔【[";
const CLOSE = ")]）〕】]";

/** Splits `s` at any of `separators` that stands outside brackets. */
export function splitTopLevel(s: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.includes(ch)) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * Parses one responsibility text (the inside of 〔责任单位：…〕, a 牵头单位 line, a table cell):
 * labels (牵头单位/责任单位/配合单位), 由…牵头，…配合, and the △ lead marker.
 * `defaultRole` is the role of units that carry no label or verb.
 */
export function parseResponsibility(raw: string, defaultRole: Role = "lead"): RoledUnit[] {
  const lex = unitsLexicon();
  const out: RoledUnit[] = [];
  const segments = splitByLabels(raw);
  const hasLeadLabel = segments.some((s) => s.label === "lead");
  // △ marks lead units (责任单位中标“△”为牵头单位): once one is marked, the others support.
  const hasMarker = raw.includes(lex.leadMarker);
  for (const segment of segments) {
    const labelRole: Role =
      segment.label === "support" || (segment.label === "responsible" && hasLeadLabel)
        ? "support"
        : segment.label === null
          ? defaultRole
          : "lead";
    for (const clause of splitTopLevel(segment.body, ",;，；")) {
      const { names, role } = clauseRole(clause, labelRole);
      for (const piece of splitUnitNames(names)) {
        const name = piece.includes(lex.leadPrefix)
          ? piece.slice(piece.lastIndexOf(lex.leadPrefix) + lex.leadPrefix.length)
          : piece;
        const marked = name.startsWith(lex.leadMarker);
        const clean = name.replaceAll(lex.leadMarker, "").trim();
        if (!looksLikeUnit(clean)) continue;
        out.push({ name: clean, role: hasMarker ? (marked ? "lead" : "support") : role });
      }
    }
  }
  return out;
}

/** The label at the start of a responsibility text, if any: 责任单位： → responsible. */
export function labelAt(
  text: string,
): { label: "lead" | "responsible" | "support"; length: number } | null {
  const folded = text.normalize("NFKC");
  for (const [kind, re] of labelPatterns()) {
    const m = re.exec(folded);
    if (m) return { label: kind, length: m[0].length };
  }
  return null;
}

let patterns: [LabelKind, RegExp][] | undefined;

/** One pattern per label word of the lexicon, in the order labels are tried (built once). */
function labelPatterns(): [LabelKind, RegExp][] {
  if (!patterns) {
    const { labels } = unitsLexicon();
    patterns = (["lead", "responsible", "support"] as const).flatMap((kind) =>
      labels[kind].map((word): [LabelKind, RegExp] => [
        kind,
        // 牵头单位：… or 【牵头单位】…
        new RegExp(
          `^(?:${escapeRegExp(word.normalize("NFKC"))}\\s*[:：]|【${escapeRegExp(word.normalize("NFKC"))}】)`,
        ),
      ]),
    );
  }
  return patterns;
}

type LabelKind = "lead" | "responsible" | "support";

/** Cuts a responsibility text where a label starts (at the start or after a separator). */
function splitByLabels(raw: string): { label: LabelKind | null; body: string }[] {
  const out: { label: LabelKind | null; body: string }[] = [];
  const cuts: { at: number; label: LabelKind; length: number }[] = [];
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    // 【配合单位】 right after the lead units: a label in brackets needs no separator before it.
    const bracketLabel = ch === "【" && depth === 0 ? labelAt(raw.slice(i)) : null;
    if (bracketLabel) {
      cuts.push({ at: i, label: bracketLabel.label, length: bracketLabel.length });
      i += bracketLabel.length - 1;
      continue;
    }
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth > 0 || (i > 0 && !",;，；、 ".includes(raw[i - 1] as string))) continue;
    const found = labelAt(raw.slice(i));
    if (found) cuts.push({ at: i, label: found.label, length: found.length });
  }
  if (cuts.length === 0 || (cuts[0] as { at: number }).at > 0) {
    out.push({ label: null, body: raw.slice(0, cuts[0]?.at ?? raw.length) });
  }
  cuts.forEach((cut, k) => {
    const end = cuts[k + 1]?.at ?? raw.length;
    out.push({ label: cut.label, body: raw.slice(cut.at + cut.length, end) });
  });
  return out.filter((o) => o.body.replace(/[,;，；、\s]/g, "") !== "");
}

/** 由X牵头 → lead X; X配合 → support X; otherwise the clause is a plain list of units. */
const ITEM_PREFIX = /第?[一二三四五六七八九十\d]+(?:[至、到-][一二三四五六七八九十\d]+)*项/g;

function clauseRole(clause: string, fallback: Role): { names: string; role: Role } {
  const lex = unitsLexicon();
  // 第一至四项由市经信委牵头 → 市经信委
  let names = clause.replace(ITEM_PREFIX, "");
  for (const filler of lex.fillerPhrases) names = names.replaceAll(filler, "");
  const lead = lex.leadVerbs.find((v) => names.endsWith(v));
  if (lead) {
    names = names.slice(0, -lead.length);
    if (names.startsWith(lex.leadPrefix)) names = names.slice(lex.leadPrefix.length);
    return { names, role: "lead" };
  }
  const support = lex.supportVerbs.find((v) => names.endsWith(v));
  if (support) return { names: names.slice(0, -support.length), role: "support" };
  return { names, role: fallback };
}

/**
 * Splits a list of unit names at 、 and commas outside brackets, keeping 各市、县〔市、区〕政府
 * whole, and at 等 / 和 where both sides are units.
 */
export function splitUnitNames(list: string): string[] {
  const lex = unitsLexicon();
  const levelOnly = new RegExp(lex.levelOnlyPattern);
  const pieces = splitTopLevel(list, "、,，;；");
  const merged: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let piece = pieces[i] as string;
    while (levelOnly.test(piece.replace(/\s/g, "")) && i + 1 < pieces.length) {
      i++;
      piece = `${piece}、${pieces[i] as string}`;
    }
    merged.push(piece);
  }
  return merged.flatMap(splitConjunctions);
}

function splitConjunctions(name: string): string[] {
  const lex = unitsLexicon();
  for (const word of [lex.etcMarker, ...lex.conjunctions]) {
    const at = name.indexOf(word);
    if (at <= 0) continue;
    const left = name.slice(0, at);
    const right = name.slice(at + word.length);
    if (word === lex.etcMarker && right === "") return [left];
    if (
      endsWithOrgan(left) &&
      right.length >= 2 &&
      (word === lex.etcMarker || endsWithOrgan(right))
    ) {
      return [left, ...splitConjunctions(right)];
    }
  }
  return [name];
}

function endsWithOrgan(name: string): boolean {
  const bare = name.replace(/[(（〔[][^)）〕\]]*[)）〕\]]$/, "");
  return unitsLexicon().organSuffixes.some((s) => bare.endsWith(s));
}

/** A plausible unit name: ends with an organ word, and is not a whole sentence. */
export function looksLikeUnit(name: string): boolean {
  return name.length >= 2 && name.length <= 40 && !/[。]/.test(name) && endsWithOrgan(name);
}

/** Whether units name lower-level governments (各市、县〔市、区〕政府, 各镇人民政府…). */
export function namesLowerGovernments(units: {
  lead: readonly string[];
  support: readonly string[];
}): boolean {
  const { prefix, places, organs } = unitsLexicon().lowerGovernment;
  return [...units.lead, ...units.support].some(
    (name) =>
      name.startsWith(prefix) &&
      places.some((p) => name.startsWith(prefix + p)) &&
      organs.some((o) => name.includes(o)),
  );
}

/** 省法制办 → 法制办, 省人力社保厅 → 人力社保局, 各市、县〔市、区〕政府 → 下级政府. */
export function normalizeUnit(name: string): string {
  let s = normalizeForMatching(name);
  for (const prefix of unitPrefixes())
    if (s.startsWith(prefix) && s.length > 2) s = s.slice(prefix.length);
  return s;
}

/**
 * Whether a unit is one of the plan's own bodies at `level` (levels.json): for a province
 * 省政府办公厅, 省数据管理中心, 省级有关部门 (the level word first); for the national level a name
 * opening with a national word (国家发展改革委) or ending with a national organ (工业和信息化部).
 * Lower governments (各市、县〔市、区〕政府) are never the plan's own.
 */
export function isOwnLevelUnit(name: string, level: string): boolean {
  const lex = levelsLexicon();
  const s = fold(name).trim();
  if (s === "" || namesLowerGovernments({ lead: [s], support: [] })) return false;
  if (level === "national") {
    if (lex.national.some((w) => s.startsWith(w))) return true;
    const startsLocal = lex.unitPrefixes.some((p) => s.startsWith(p)) || s.startsWith("各");
    return (
      !startsLocal &&
      lex.evidence.unplacedOrgans.some(([ending, l]) => l === "national" && s.endsWith(ending))
    );
  }
  const word = lex.levelWords[level];
  return word !== undefined && s.startsWith(word);
}

const NOT_NAME = /[^\p{Script=Han}\p{L}\p{N}]/gu;

/**
 * A unit name in the form it has at every level (data/lexicon/unit-counterparts.json): the level
 * prefix and level words mapped (`normalizeUnit`), brackets and marks dropped, a listed ending
 * replaced by its common form (省政府办公厅 and 区府办 → 府办, 省发展改革委 and 区发改局 → 发改,
 * 党委(党组) → 党组), and an organ ending that differs between levels dropped (人社保厅 →
 * 人社保). `aliases` (a user's file: local names, reorganisations) maps a key to another first.
 */
export function counterpartKey(name: string, aliases?: ReadonlyMap<string, string>): string {
  const key = baseKey(name);
  return aliases?.get(key) ?? key;
}

function baseKey(name: string): string {
  const lex = unitCounterpartsLexicon();
  let s = normalizeUnit(name).replace(NOT_NAME, "");
  const form = lex.forms
    .flatMap((f) => f.from.map((from) => ({ from, to: f.to })))
    .filter((f) => s.endsWith(f.from))
    .sort((a, b) => b.from.length - a.from.length)[0];
  if (form) s = s.slice(0, s.length - form.from.length) + form.to;
  const ending = lex.endings.find((e) => s.endsWith(e) && Array.from(s).length - e.length >= 2);
  return ending ? s.slice(0, s.length - ending.length) : s;
}

/**
 * A user's unit aliases as a map of counterpart keys: each `[from, to]` pair (省地方金融监管局 →
 * 省委金融办) makes `from` read as `to`.
 */
export function aliasKeys(pairs: readonly (readonly [string, string])[]): Map<string, string> {
  return new Map(pairs.map(([from, to]) => [baseKey(from), baseKey(to)]));
}
