import type { Level } from "../model/document.js";
import { LEVEL_RANK, LevelSchema } from "../model/document.js";
import type { Line } from "../model/source.js";
import type { ParseWarning } from "../model/warning.js";
import { fold } from "../text/fold.js";
import { levelsLexicon, unitsLexicon } from "../text/lexicons.js";
import { escapeRegExp } from "../text/regexp.js";
import { levelOf } from "./level.js";
import { dateOfLine, isoDate } from "./text-shapes.js";

/**
 * The level of a document whose header names no issuer or title (a spreadsheet cell or a web
 * page that starts at the addressee or the body), read from what the text says of itself, in
 * this order of trust: the addressee line near the start, a signature line near the end, and
 * the self-references in the body (全省, 我市, 省委省政府…) when one level clearly leads.
 * Evidence that disagrees, or none, leaves the level unknown with a warning saying why.
 */
export interface LevelEvidence {
  level: Level;
  /** The organ of a single signature line (not of a printed-by line), else null. */
  issuer: string | null;
  /** The date of that signature line, else null. */
  date: string | null;
  /** The file lines of that organ and of its date, else null. */
  issuerLine: number | null;
  dateLine: number | null;
  /** The most trusted evidence for the level decided (null when it stays unknown). */
  basis: { kind: EvidenceKind; line: number | null } | null;
  warnings: ParseWarning[];
}

/** What spoke for a level, from the most trusted: the bracket reads a citation (根据《…》). */
export type EvidenceKind = "addressee" | "signature" | "printed" | "self-reference" | "citation";

/** Lines read for an addressee at the start. */
const ADDRESSEE_SCAN = 5;
/** Lines read for a signature before the content's end, and for a printed-by line at the end. */
const SIGNATURE_SCAN = 3;
const PRINTED_SCAN = 2;
/** A signing organ is short (山东省工业和信息化厅 has 10 characters). */
const MAX_ORGAN = 30;

interface Finding {
  kind: EvidenceKind;
  source: string;
  level: Level;
  line: number | null;
}

export function inferLevel(lines: Line[], contentEnd: number): LevelEvidence {
  const firstLine = lines[0]?.line ?? null;
  const addressee = fromAddressee(lines, contentEnd);
  const signature = fromSignature(lines, contentEnd);
  const self = fromSelfReferences(lines.slice(0, contentEnd));
  let findings = [addressee, ...signature.findings, self.finding].filter(
    (f): f is Finding => f !== null,
  );
  // The weakest evidence, asked only when nothing else speaks.
  if (findings.length === 0)
    findings = [fromBracket(lines.slice(0, contentEnd))].filter((f): f is Finding => f !== null);
  const levels = [...new Set(findings.map((f) => f.level))];
  const warnings: ParseWarning[] = [];
  let level: Level = "unknown";
  if (levels.length === 1) {
    level = levels[0] as Level;
  } else if (levels.length > 1) {
    warnings.push({
      code: "level-conflict",
      message: `no cover names the issuer and the text disagrees on its level: ${findings
        .map((f) => `${f.source} says ${f.level}`)
        .join(", ")}`,
      line: findings[0]?.line ?? firstLine,
    });
  } else {
    warnings.push({
      code: "level-unknown",
      message: `no cover, addressee or signature names the level, and the self-references are too few or split (${self.summary})`,
      line: firstLine,
    });
  }
  const trusted = level === "unknown" ? undefined : findings.find((f) => f.level === level);
  return {
    level,
    issuer: signature.issuer,
    date: signature.date,
    issuerLine: signature.issuerLine,
    dateLine: signature.dateLine,
    basis: trusted ? { kind: trusted.kind, line: trusted.line } : null,
    warnings,
  };
}

function asLevel(value: string | undefined): Level {
  const parsed = LevelSchema.safeParse(value);
  return parsed.success ? parsed.data : "unknown";
}

/** 各省、自治区、直辖市人民政府，国务院各部委、各直属机构： → national. */
function fromAddressee(lines: Line[], end: number): Finding | null {
  const { addressees } = levelsLexicon().evidence;
  const scanned = lines.slice(0, Math.min(end, ADDRESSEE_SCAN));
  for (const line of scanned) {
    const norm = line.norm.trim();
    if (!norm.startsWith("各") && !addressees.some(([p]) => norm.startsWith(fold(p)))) continue;
    if (!norm.endsWith(":")) continue;
    const found = new Set<Level>();
    for (const [pattern, level] of addressees) {
      const p = fold(pattern);
      let at = norm.indexOf(p);
      while (at >= 0) {
        if (at === 0 || norm[at - 1] === ",") found.add(asLevel(level));
        at = norm.indexOf(p, at + 1);
      }
    }
    found.delete("unknown");
    // A province also addresses the counties (各市人民政府，各县（市、区）人民政府): the
    // highest issuer level named wins, since no one addresses the level above its own.
    const [level] = [...found].sort((a, b) => LEVEL_RANK[a] - LEVEL_RANK[b]);
    return level ? { kind: "addressee", source: "the addressee", level, line: line.line } : null;
  }
  return null;
}

interface Signature {
  findings: Finding[];
  issuer: string | null;
  date: string | null;
  issuerLine: number | null;
  dateLine: number | null;
}

const ORGAN_DATE = /^(.+?)(\d{4})年(\d{1,2})月(\d{1,2})日(印发)?$/;

/** 工业和信息化部 / 2020年4月28日 at the end; or the printed-by line 山东省人民政府办公厅2019年3月15日印发. */
function fromSignature(lines: Line[], contentEnd: number): Signature {
  const candidates: {
    organ: string;
    date: string | null;
    printed: boolean;
    line: number;
    dateLine: number | null;
  }[] = [];
  const content = lines.slice(0, contentEnd).filter((l) => l.norm.trim() !== "");
  const tail = content.slice(-SIGNATURE_SCAN);
  tail.forEach((line, i) => {
    const norm = line.norm.trim();
    const next = tail[i + 1];
    const m = ORGAN_DATE.exec(norm);
    if (m && isOrgan((m[1] as string).trim())) {
      const date = isoDate(m[2] as string, m[3] as string, m[4] as string);
      const organ = (m[1] as string).trim();
      candidates.push({ organ, date, printed: !!m[5], line: line.line, dateLine: line.line });
    } else if (isOrgan(norm) && (!next || dateOfLine(next.norm.trim()) !== null)) {
      const date = next ? dateOfLine(next.norm.trim()) : null;
      const dateLine = next && date !== null ? next.line : null;
      candidates.push({ organ: norm, date, printed: false, line: line.line, dateLine });
    }
  });
  const rest = lines.slice(contentEnd).filter((l) => l.norm.trim() !== "");
  for (const line of rest.slice(-PRINTED_SCAN)) {
    const m = ORGAN_DATE.exec(line.norm.trim());
    if (m?.[5] && isOrgan((m[1] as string).trim())) {
      candidates.push({
        organ: (m[1] as string).trim(),
        date: null,
        printed: true,
        line: line.line,
        dateLine: null,
      });
    }
  }
  const findings: Finding[] = [];
  for (const c of candidates) {
    const level = organLevel(c.organ);
    if (level === "unknown") continue;
    const source = c.printed ? "the printed-by line" : "the signature";
    const kind = c.printed ? "printed" : "signature";
    findings.push({ kind, source: `${source} (${c.organ})`, level, line: c.line });
  }
  const signed = candidates.filter((c) => !c.printed);
  const only = signed.length === 1 ? signed[0] : undefined;
  return {
    findings,
    issuer: only ? only.organ : null,
    date: only ? only.date : null,
    issuerLine: only ? only.line : null,
    dateLine: only && only.date !== null ? only.dateLine : null,
  };
}

function isOrgan(norm: string): boolean {
  if (norm.length < 3 || norm.length > MAX_ORGAN || /[,。;:、()|《》“”"\d]/.test(norm))
    return false;
  return levelsLexicon().evidence.signatureEndings.some((s) => norm.endsWith(s));
}

/** 山东省人民政府办公厅 → province; 工业和信息化部 (no place) → national. */
function organLevel(organ: string): Level {
  const level = levelOf(organ);
  if (level !== "unknown") return level;
  const hit = levelsLexicon().evidence.unplacedOrgans.find(([ending]) => organ.endsWith(ending));
  return asLevel(hit?.[1]);
}

/** Counts 全省/我省/省委… per level; a level decides when it clearly leads. */
function fromSelfReferences(lines: Line[]): { finding: Finding | null; summary: string } {
  const { selfReferences, selfReferenceOrgans, minSelfReferences, majorityRatio } =
    levelsLexicon().evidence;
  const text = lines.map((l) => l.norm).join("\n");
  const counts = new Map<string, number>();
  const add = (level: string, n: number) => counts.set(level, (counts.get(level) ?? 0) + n);
  for (const [level, ws] of Object.entries(selfReferences)) {
    for (const w of ws) add(level, occurrences(text, w).length);
  }
  const organs = Object.entries(selfReferenceOrgans);
  const allOrgans = organs.flatMap(([, ws]) => ws);
  for (const [level, ws] of organs) {
    for (const w of ws) {
      const own = occurrences(text, w).filter((at) => {
        const before = text[at - 1];
        // After a name (青岛市政府) or 各 (各市政府) it is another body; after 省委 it is ours.
        if (before === undefined || !/\p{Script=Han}/u.test(before)) return true;
        return allOrgans.some((o) => text.endsWith(o, at) && ws.includes(o));
      });
      add(level, own.length);
    }
  }
  const ranked = [...counts.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const summary =
    ranked.length === 0 ? "none found" : ranked.map(([level, n]) => `${level} ${n}`).join(", ");
  const [top, second] = ranked;
  if (!top || top[1] < minSelfReferences) return { finding: null, summary };
  if (second && top[1] < second[1] * majorityRatio) return { finding: null, summary };
  const level = asLevel(top[0]);
  if (level === "unknown") return { finding: null, summary };
  return {
    finding: {
      kind: "self-reference",
      source: `the self-references (${summary})`,
      level,
      line: null,
    },
    summary,
  };
}

function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    out.push(at);
  }
  return out;
}

/**
 * The level between two bounds: at or below the government whose document this one implements
 * (根据《青岛市人民政府办公厅关于…》…制定本实施细则 → city or lower), and above every government
 * it makes responsible for a task (责任单位：某某区政府 → above district). Decides only when a
 * single level fits.
 */
function fromBracket(lines: Line[]): Finding | null {
  const { basisVerbs, ownPlanPhrases } = levelsLexicon().evidence;
  const { labels } = unitsLexicon();
  const text = lines.map((l) => l.norm).join("\n");
  let lowest = -1; // the rank of the most local basis document's issuer
  let basis = "";
  for (const sentence of text.split(/[。\n]/)) {
    if (!ownPlanPhrases.some((w) => sentence.includes(w))) continue;
    const verb = Math.min(...basisVerbs.map((v) => sentence.indexOf(v)).filter((i) => i >= 0));
    if (!Number.isFinite(verb)) continue;
    for (const m of sentence.slice(verb).matchAll(/《([^》]+)》/g)) {
      const organ = (m[1] as string).split("关于")[0] ?? "";
      if (organ === m[1] || !isOrgan(organ)) continue;
      const rank = LEVEL_RANK[organLevel(organ)];
      if (rank < LEVEL_RANK.unknown && rank > lowest) [lowest, basis] = [rank, organ];
    }
  }
  let senior = LEVEL_RANK.unknown; // the rank of the most senior government given a task
  let assigned = "";
  const names = [...labels.lead, ...labels.responsible].map(escapeRegExp).join("|");
  for (const m of text.matchAll(new RegExp(`(?:${names}):([^)\n]+)`, "g"))) {
    for (const unit of (m[1] as string).split(/[、,;]/)) {
      const name = unit.trim();
      if (!name.endsWith("政府") || !isOrgan(name)) continue;
      const rank = LEVEL_RANK[levelOf(name)];
      if (rank < senior) [senior, assigned] = [rank, name];
    }
  }
  if (lowest < 0 || senior === LEVEL_RANK.unknown || senior - lowest !== 1) return null;
  const level = (Object.keys(LEVEL_RANK) as Level[]).filter((l) => LEVEL_RANK[l] === lowest);
  if (level.length !== 1) return null;
  return {
    kind: "citation",
    source: `the bracket (implements ${basis}, gives tasks to ${assigned})`,
    level: level[0] as Level,
    line: null,
  };
}
