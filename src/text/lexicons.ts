/**
 * Every lexicon of data/lexicon/*.json with its schema, and the few values read from them
 * that every stage shares (stopwords, level rewrites, unit prefixes). Loaded once each by
 * `load-lexicon.ts`.
 */
import { z } from "zod";
import { RecurrenceSchema } from "../model/deadline.js";
import { loadLexicon } from "./load-lexicon.js";

const words = z.array(z.string());

const StructureSchema = z.object({
  taskPartHeadings: words,
  nonTaskHeadings: words,
  contextHeadingWords: words,
  safeguardHeadings: words,
  goalHeadings: words,
  boxPrefixes: words,
  labelledParts: words,
  labelledItems: words,
  implementingRules: z.object({ titleEndings: words, selfNames: words }),
  noticeTitleWords: words,
  documentTypeEndings: words,
  mastheadEnding: z.string(),
  publicationNotes: words,
  closingBlockStart: words,
  printedSuffix: z.string(),
  attachmentHeadings: words,
  bundleEndings: words,
  tocHeadings: words,
  /** Chapters of a rules document whose articles are context, not tasks (总则, 附则). */
  contextChapters: words,
  tableColumns: z.object({
    label: words,
    title: words,
    /** What the task column's measure consists of (主要内容): appended to the row's text. */
    content: words,
    units: words,
    deadline: words,
    /** Where the measure applies (推广范围: 全国, 8个改革试验区域). */
    scope: words,
  }),
  citingVerbs: words,
  /** What follows a title the document carries on (《…规划》实施以来): a citation without a verb. */
  citingAfter: words,
  ownPlanMarkers: words,
  /** Labels of a government site's page information table (索引号, 发文字号…), dropped when read. */
  pageInfoLabels: words,
  /** Lines of a site's page chrome copied with the text (返回顶部, 打印本页). */
  pageChromeLines: words,
  /** Verbs (and adverbs) a task title opens with, stripped to name what it is about. */
  titleVerbs: words,
});
export type StructureLexicon = z.infer<typeof StructureSchema>;

const LevelsSchema = z.object({
  national: words,
  suffixLevels: z.array(z.tuple([z.string(), z.string()])),
  organSuffixes: words,
  /** What a department's name ends with (农业农村厅, 市场监督管理局, 工业和信息化部). */
  departmentSuffixes: words,
  municipalities: words,
  levelWords: z.record(z.string(), z.string()),
  /** [pattern, replacement] applied to folded text before matching (省/市/区 → one form). */
  analysisRewrites: z.array(z.tuple([z.string(), z.string()])),
  /** Level characters that open a unit name (省法制办 → 法制办 when comparing units). */
  unitPrefixes: words,
  /** A place opening a cited title (青岛市…): the suffixes read, and characters that make no place. */
  /** Words whose 市/乡/区/县/镇 is no place suffix (城乡, 市场, 社区…). */
  notPlaceWords: words,
  titlePlace: z.object({ suffixes: words, notPlaceBefore: words }),
  /** What a document without a cover says of its own level (read only when the header does not). */
  evidence: z.object({
    /** [addressee, issuer's level]: 各省、自治区、直辖市 → national, 省政府各部门 → province. */
    addressees: z.array(z.tuple([z.string().min(1), z.string()])),
    /** level → words a document uses of its own place (全省, 我省, 本省). */
    selfReferences: z.record(z.string(), words),
    /** level → its own bodies (省委, 省政府); not counted after a name or 各 (各市政府, 青岛市政府). */
    selfReferenceOrgans: z.record(z.string(), words),
    /** The fewest self-references that decide a level. */
    minSelfReferences: z.number().int().positive(),
    /** How many times the runner-up the leading level's self-references must be. */
    majorityRatio: z.number().positive(),
    /** What a signature line's organ ends with (人民政府, 厅, 部…). */
    signatureEndings: words,
    /** [organ ending, level] for a signature with no place name: 工业和信息化部 → national. */
    unplacedOrgans: z.array(z.tuple([z.string().min(1), z.string()])),
    /** Verbs that cite the document this one is based on (根据《…》…制定本…). */
    basisVerbs: words,
    /** Where a document says it makes itself (制定本实施方案, 制定以下政策). */
    ownPlanPhrases: words,
  }),
});
export type LevelsLexicon = z.infer<typeof LevelsSchema>;

const UnitsSchema = z.object({
  labels: z.object({ lead: words, responsible: words, support: words }),
  leadVerbs: words,
  supportVerbs: words,
  leadPrefix: z.string(),
  fillerPhrases: words,
  leadMarker: z.string(),
  organSuffixes: words,
  conjunctions: words,
  etcMarker: z.string(),
  levelOnlyPattern: z.string(),
  /** 各 + a place word + an organ: the units that make a task binding on lower governments. */
  lowerGovernment: z.object({ prefix: z.string(), places: words, organs: words }),
});
export type UnitsLexicon = z.infer<typeof UnitsSchema>;

const UnitCounterpartsSchema = z.object({
  /** Endings of a unit name (after `normalizeUnit`) that name the same body at every level. */
  forms: z.array(z.object({ to: z.string().min(1), from: z.array(z.string().min(1)).min(1) })),
  /** Organ endings that differ between levels for the same body (省X厅 → 市X局, X委 → X局). */
  endings: z.array(z.string().min(1)),
});
/** Unit names across levels: data/lexicon/unit-counterparts.json. */
export type UnitCounterpartsLexicon = z.infer<typeof UnitCounterpartsSchema>;
/** The same body at another level (办公厅 → 府办, 发展改革委 → 发改局): data/lexicon/unit-counterparts.json. */
export const unitCounterpartsLexicon = (): UnitCounterpartsLexicon =>
  loadLexicon("unit-counterparts", UnitCounterpartsSchema);

const TargetsSchema = z.object({
  /** Words before a target year: 到2022年, 力争到2025年. */
  yearMarkers: z.array(z.string().min(1)).min(1),
  /** What follows the year digits: 年, 年底前. */
  yearEndings: z.array(z.string().min(1)).min(1),
  /** Multipliers between a number and its unit: 2万次, 1.5万亿元. */
  multipliers: z.record(z.string().min(1), z.number().positive()),
  /** Units of a numeric target (家, 个, 项, %, 元 after a multiplier…). */
  units: z.array(z.string().min(1)).min(1),
  /** Qualifiers of a target's number: at least, at most, about. */
  atLeast: words,
  atMost: words,
  about: words,
  /** Quantities that are targets without a number (一批). */
  indefinite: words,
});
/** Numeric and dated targets: data/lexicon/targets.json. */
export type TargetsLexicon = z.infer<typeof TargetsSchema>;
/** Target years, numbers and units of targets: data/lexicon/targets.json. */
export const targetsLexicon = (): TargetsLexicon => loadLexicon("targets", TargetsSchema);

/** Headings, title shapes, table columns: data/lexicon/structure.json. */
export const structureLexicon = (): StructureLexicon => loadLexicon("structure", StructureSchema);
/** Administrative level words: data/lexicon/levels.json. */
export const levelsLexicon = (): LevelsLexicon => loadLexicon("levels", LevelsSchema);
/** Responsibility labels and unit-name shapes: data/lexicon/units.json. */
export const unitsLexicon = (): UnitsLexicon => loadLexicon("units", UnitsSchema);

const StopwordsSchema = z.object({ stopwords: z.array(z.string()) });

let cachedStopwords: Set<string> | undefined;
let cachedRewrites: [RegExp, string][] | undefined;

/** Function words that carry no matching weight: data/lexicon/stopwords.json. */
export function stopwords(): Set<string> {
  cachedStopwords ??= new Set(loadLexicon("stopwords", StopwordsSchema).stopwords);
  return cachedStopwords;
}

/** Level rewrites (各市、县〔市、区〕政府 → 下级政府, 我省 → 本地…) from data/lexicon/levels.json. */
export function levelRewrites(): [RegExp, string][] {
  cachedRewrites ??= levelsLexicon().analysisRewrites.map(([re, to]) => [new RegExp(re, "g"), to]);
  return cachedRewrites;
}

/** Level characters that open unit names (省, 市, 区…). */
export function unitPrefixes(): string[] {
  return levelsLexicon().unitPrefixes;
}

let cachedLevelChars: string[] | undefined;

/** The one-character level words and unit prefixes (省, 市, 区…), each once. */
export function levelChars(): string[] {
  const lex = levelsLexicon();
  cachedLevelChars ??= [...new Set([...Object.values(lex.levelWords), ...lex.unitPrefixes])];
  return cachedLevelChars;
}

const nonEmptyWords = z.array(z.string().min(1));

const CommitmentSchema = z
  .object({
    tiers: z.object({ "1": nonEmptyWords, "2": nonEmptyWords, "3": nonEmptyWords }),
    shifts: z.array(z.object({ from: nonEmptyWords.min(1), to: nonEmptyWords })),
    /** Actions whose disappearance from a task narrows it whatever else recurs (试点, 出台, 建立). */
    keyActions: nonEmptyWords,
    quantity: z.object({
      digits: z.record(z.string().length(1), z.number().int().nonnegative()),
      multipliers: z.record(z.string().length(1), z.number().int().positive()),
      units: nonEmptyWords,
      percentPrefix: z.string().min(1),
      before: nonEmptyWords,
      after: nonEmptyWords,
      periods: nonEmptyWords,
      ordinalPrefix: z.string().min(1),
    }),
  })
  .refine(
    (lex) => {
      const tiered = new Set([...lex.tiers[1], ...lex.tiers[2], ...lex.tiers[3]]);
      return lex.shifts.every((s) => [...s.from, ...s.to].every((w) => tiered.has(w)));
    },
    { message: "every word of a shift must have a tier" },
  );
/** Commitment strength tiers, strong-to-weak shifts and quantity patterns. */
export type CommitmentLexicon = z.infer<typeof CommitmentSchema>;

/** data/lexicon/commitment.json, validated. */
export const commitmentLexicon = (): CommitmentLexicon =>
  loadLexicon("commitment", CommitmentSchema);

const Phrases = z.array(z.string().min(1));
const Phrase = z.string().min(1);

const DeadlinesSchema = z.object({
  yearSuffix: Phrase,
  monthSuffix: Phrase,
  daySuffixes: Phrases,
  monthNumerals: z.record(Phrase, z.number().int().min(1).max(12)),
  relativeYears: z.record(Phrase, z.number().int()),
  monthParts: z.record(Phrase, z.union([z.number().int().min(1).max(31), z.literal("end")])),
  yearEnds: Phrases,
  withinYear: Phrases,
  yearParts: z.record(Phrase, z.number().int().min(1).max(12)),
  yearlessBlockers: z.array(z.string().length(1)),
  beforeMarkers: Phrases,
  deadlinePrefixes: Phrases,
  startPrefixes: Phrases,
  notDuePrefixes: Phrases,
  notDueSuffixes: Phrases,
  rangeSeparators: Phrases,
  completionAdverbs: Phrases,
  completionVerbs: Phrases,
  quotedTitle: z.object({ open: z.string().length(1), close: z.string().length(1) }),
  recurring: z.partialRecord(RecurrenceSchema, Phrases),
  recurringInCells: z.partialRecord(RecurrenceSchema, Phrases),
  ongoing: Phrases,
  ongoingInCells: Phrases,
  mandate: z.object({
    verbs: Phrases,
    authorities: Phrases,
    connectors: Phrases,
    qualifiers: Phrases,
    objects: Phrases,
  }),
});
/** Deadline phrases: data/lexicon/deadlines.json. */
export type DeadlinesLexicon = z.infer<typeof DeadlinesSchema>;

/** Date suffixes, relative years, recurrence and mandate phrases: data/lexicon/deadlines.json. */
export const deadlinesLexicon = (): DeadlinesLexicon => loadLexicon("deadlines", DeadlinesSchema);

const CitationsSchema = z.object({
  wrapper: z.object({ about: words, issuing: words, noticeEndings: words }),
  names: z.array(z.object({ open: z.string().length(1), close: z.string().length(1) })),
});
export type CitationsLexicon = z.infer<typeof CitationsSchema>;

/** Notice wrappers of cited titles and the brackets of program names: data/lexicon/citations.json. */
export const citationsLexicon = (): CitationsLexicon => loadLexicon("citations", CitationsSchema);
