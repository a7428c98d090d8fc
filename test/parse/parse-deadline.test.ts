import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Deadline,
  DeadlineSchema,
  NO_DEADLINE,
  type Recurrence,
} from "../../src/model/deadline.js";
import { findDeadline, parseDeadline } from "../../src/parse/parse-deadline.js";

const Y2018 = { year: 2018 };
const Y2017 = { year: 2017 };

const date = (raw: string, due: string | null): Deadline => ({
  raw,
  kind: "date",
  due,
  start: null,
  every: null,
});
const period = (raw: string, start: string, due: string): Deadline => ({
  raw,
  kind: "period",
  due,
  start,
  every: null,
});
const recurring = (raw: string, every: Recurrence = "year"): Deadline => ({
  raw,
  kind: "recurring",
  due: null,
  start: null,
  every,
});
const ongoing = (raw: string): Deadline => ({
  raw,
  kind: "ongoing",
  due: null,
  start: null,
  every: null,
});
const mandate = (raw: string): Deadline => ({
  raw,
  kind: "mandate",
  due: null,
  start: null,
  every: null,
});

/** Reads a bundled plan as printed. */
function seed(name: string): string {
  return readFileSync(new URL(`../../data/${name}`, import.meta.url), "utf8");
}

/**
 * The 时间要求 cells of the appendix tables, by a small regex per layout (independent of the
 * table parser): 002 uses markdown pipes, 000 one tab-indented cell per line (4 per row),
 * 001 pipes without a leading pipe.
 */
const APPENDIX_CELLS = {
  "002": [
    ...seed("002_2cdac00586eece9b.txt").matchAll(
      /^\|\s*\d+\s*\|[^|\n]*\|[^|\n]*\|\s*([^|\n]*?)\s*\|\s*$/gm,
    ),
  ].map((m) => m[1] ?? ""),
  "000": [
    ...seed("000_e50bc25d11ad62e1.txt").matchAll(/^\t\d+\n\t[^\n]*\n\t[^\n]*\n\t([^\n]*?)\s*$/gm),
  ].map((m) => m[1] ?? ""),
  "001": [
    ...seed("001_1edcfceb20138e7f.txt").matchAll(
      /^\d+ \|[^|\n]*\|[^|\n]*\|\s*([^|\n]*?)\s*\|\s*$/gm,
    ),
  ].map((m) => m[1] ?? ""),
};

/** Real 时间要求 cells and inline deadline phrases from the bundled plans, read with year 2018. */
const REAL_PHRASES: Deadline[] = [
  // 002 appendix table (浙政发〔2018〕16号)
  mandate("执行党中央和省委规定"),
  recurring("每年推进"),
  recurring("每年开展"),
  period("2018—2022年", "2018-01-01", "2022-12-31"),
  date("2018年9月底前出台", "2018-09-30"),
  date("2018年3月底前出台", "2018-03-31"),
  recurring("逐年推进"),
  period("2018—2020年", "2018-01-01", "2020-12-31"),
  ongoing("根据实际需要制订"),
  date("2018年12月底前全覆盖", "2018-12-31"),
  recurring("每年编制"),
  recurring("每年12月底清理"),
  date("2019年6月底前完成", "2019-06-30"),
  date("2019年12月底前完成", "2019-12-31"),
  date("2019年底基本完成", "2019-12-31"),
  date("2020年12月底前完成", "2020-12-31"),
  date("2018年8月底前形成方案", "2018-08-31"),
  date("2018年12月底前完成", "2018-12-31"),
  date("2018年12月底前公布试点名单", "2018-12-31"),
  date("2019年6月底前基本建立", "2019-06-30"),
  ongoing("适时完成"),
  date("2018年7月底前完成", "2018-07-31"),
  mandate("执行国家规定"),
  // 000 appendix table (嘉政发〔2018〕23号)
  mandate("按中央和省委、市委部署推进"),
  date("2018年11月底前完成", "2018-11-30"),
  mandate("执行省委规定"),
  ongoing("按需要举办"),
  date("2018年底前完成", "2018-12-31"),
  date("2018年底前全覆盖", "2018-12-31"),
  recurring("每年执行"),
  date("2019年底前完成", "2019-12-31"),
  date("2020年底前完成", "2020-12-31"),
  // 001 appendix table (越城区)
  mandate("执行上级和区委规定"),
  ongoing("持续推进"),
  ongoing("适时实施"),
  ongoing("实施制定"),
  mandate("落实上级和区委部署"),
  ongoing("定期开展"),
  mandate("执行上级有关规定"),
  date("2021年底前完成", "2021-12-31"),
  // inline phrases in 003, 001, 000 and 002
  date("2017年6月前完成", "2017-05-31"),
  date("2017年9月前完成", "2017-08-31"),
  date("2017年12月前完成", "2017-11-30"),
  date("2018年12月前完成", "2018-11-30"),
  date("2017年底前完成", "2017-12-31"),
  date("2018年3月前取得阶段性成果,2018年4月至2019年10月持续推进", "2018-02-28"),
  date("2017年底前取得阶段性成果,2018年至2019年10月深化提升", "2017-12-31"),
  date("2017年12月前取得阶段性成果,2018年1月至2019年10月持续推进", "2017-11-30"),
  date("2017年12月前完成分级数据库,2018年12月前完成分类数据库", "2017-11-30"),
  date("2017年底前实现全覆盖,持续推进", "2017-12-31"),
  date("2018年11月中旬前", "2018-11-20"),
  date("力争到2022年", "2022-12-31"),
  date("到2022年全面实现", "2022-12-31"),
  date("2022 年全面实现", "2022-12-31"),
  date("2022 年底前", "2022-12-31"),
  date("2020 年底前", "2020-12-31"),
  date("2018年6月底前", "2018-06-30"),
  date("2018年9月底前", "2018-09-30"),
  date("在 2018 年 6 月前完成", "2018-05-31"),
  date("在 2019 年前完成", "2018-12-31"),
  date("6月底前", "2018-06-30"),
  date("9月底前", "2018-09-30"),
  date("11月15日前", "2018-11-15"),
  date("12月上旬", "2018-12-10"),
  date("年内", "2018-12-31"),
  date("力争到今年9月底前", "2018-09-30"),
  period("2017年4月至5月", "2017-04-01", "2017-05-31"),
  period("2017年5月至2018年3月", "2017-05-01", "2018-03-31"),
  period("2018年4月至2019年10月", "2018-04-01", "2019-10-31"),
  period("2017~2019年", "2017-01-01", "2019-12-31"),
  period("2018-2022年", "2018-01-01", "2022-12-31"),
  period("2017-2019 年", "2017-01-01", "2019-12-31"),
  recurring("每季度", "quarter"),
  recurring("每季", "quarter"),
  recurring("每月", "month"),
  recurring("按月", "month"),
  recurring("每半年", "half-year"),
  recurring("每周", "week"),
  ongoing("常态化"),
  ongoing("持续开展"),
];

/** Phrases of the specification that the bundled plans do not happen to contain. */
const SPEC_PHRASES: Deadline[] = [
  date("2017年11月15日前", "2017-11-15"),
  date("2018年3月前", "2018-02-28"),
  date("11月上旬", "2018-11-10"),
  date("11月下旬", "2018-11-30"),
  date("到2022年", "2022-12-31"),
  date("年底前", "2018-12-31"),
  date("上半年", "2018-06-30"),
  date("下半年", "2018-12-31"),
  date("一季度", "2018-03-31"),
  date("第一季度", "2018-03-31"),
  date("二季度", "2018-06-30"),
  date("第三季度", "2018-09-30"),
  date("四季度", "2018-12-31"),
  date("2019年上半年", "2019-06-30"),
  date("2018年1月前", "2017-12-31"),
  date("明年6月底前", "2019-06-30"),
  period("2017~2019年", "2017-01-01", "2019-12-31"),
  period("2018年4月至2019年10月底", "2018-04-01", "2019-10-31"),
  recurring("逐年"),
  recurring("年度推进"),
  ongoing("长期坚持"),
  ongoing("常态化推进"),
  ongoing("逐步推进"),
  mandate("按照上级统一部署"),
  mandate("按上级要求推进"),
];

describe("parseDeadline on real phrases", () => {
  it.each(REAL_PHRASES)("$raw → $kind $due", (expected) => {
    expect(parseDeadline(expected.raw, Y2018)).toEqual(expected);
  });

  it("has every distinct appendix-table cell of 002, 000 and 001 in the table above", () => {
    const covered = new Set(REAL_PHRASES.map((d) => d.raw));
    const cells = new Set(Object.values(APPENDIX_CELLS).flat());
    expect([...cells].filter((cell) => !covered.has(cell))).toEqual([]);
    expect(cells.size).toBe(40);
  });
});

describe("parseDeadline on the specification's phrases", () => {
  it.each(SPEC_PHRASES)("$raw → $kind $due", (expected) => {
    expect(parseDeadline(expected.raw, Y2018)).toEqual(expected);
  });

  it("returns NO_DEADLINE for an empty cell and kind none, raw kept, for other text", () => {
    expect(parseDeadline("", Y2018)).toEqual(NO_DEADLINE);
    expect(parseDeadline("   ", Y2018)).toEqual(NO_DEADLINE);
    expect(parseDeadline(" 无 ", Y2018)).toEqual({ ...NO_DEADLINE, raw: "无" });
    expect(parseDeadline("省政府办公厅", Y2018).kind).toBe("none");
  });

  it("keeps raw as printed, trimmed", () => {
    expect(parseDeadline("  2018年底前完成\n", Y2018).raw).toBe("2018年底前完成");
  });

  it("uses the document year for phrases without one, and due null when it is unknown", () => {
    expect(parseDeadline("6月底前", { year: 2020 }).due).toBe("2020-06-30");
    expect(parseDeadline("6月底前", { year: null })).toEqual(date("6月底前", null));
    expect(parseDeadline("年内", { year: null })).toEqual(date("年内", null));
    expect(parseDeadline("2019年6月底前完成", { year: null }).due).toBe("2019-06-30");
  });

  it("gets leap years right", () => {
    expect(parseDeadline("2020年2月底前", Y2018).due).toBe("2020-02-29");
    expect(parseDeadline("2019年2月底前", Y2018).due).toBe("2019-02-28");
    expect(parseDeadline("2020年3月前", Y2018).due).toBe("2020-02-29");
    expect(parseDeadline("2000年3月前", Y2018).due).toBe("2000-02-29");
    expect(parseDeadline("2100年3月前", Y2018).due).toBe("2100-02-28");
    expect(parseDeadline("2月下旬", { year: 2024 }).due).toBe("2024-02-29");
  });

  it("does not read impossible days or a start as a due date", () => {
    expect(parseDeadline("2018年2月30日前", Y2018).due).toBeNull();
    expect(parseDeadline("2018年起", Y2018).kind).toBe("none");
    expect(parseDeadline("三年内完成", Y2018).kind).toBe("none");
  });
});

describe("full-width, half-width and spaced variants", () => {
  it.each([
    ["２０１８年１２月底前完成", "2018-12-31"],
    ["2022 年底前", "2022-12-31"],
    ["２０２２ 年 底前", "2022-12-31"],
    ["2018 年 11 月中旬前", "2018-11-20"],
    ["2018年3月前取得阶段性成果，2018年4月至2019年10月持续推进", "2018-02-28"],
  ])("%s → date %s", (phrase, due) => {
    expect(parseDeadline(phrase, Y2018)).toEqual(date(phrase.trim(), due));
  });

  it.each([
    ["2018—2022年", "2018-01-01", "2022-12-31"],
    ["2018-2022年", "2018-01-01", "2022-12-31"],
    ["2018－2022年", "2018-01-01", "2022-12-31"],
    ["2018～2020年", "2018-01-01", "2020-12-31"],
    ["2017~2019年", "2017-01-01", "2019-12-31"],
    ["２０１７〜２０１９年", "2017-01-01", "2019-12-31"],
    ["2018——2022 年", "2018-01-01", "2022-12-31"],
    ["2018 年 4 月至 2019 年 10 月", "2018-04-01", "2019-10-31"],
  ])("%s → period %s … %s", (phrase, start, due) => {
    expect(parseDeadline(phrase, Y2018)).toEqual(period(phrase, start, due));
  });

  it("cuts findDeadline's raw from the text as printed", () => {
    const text = "全面推广政务钉钉，２０１８年底实现政务钉钉全覆盖。";
    expect(findDeadline(text, Y2018)).toEqual(date("２０１８年底", "2018-12-31"));
    const spaced = "嘉兴港区在 2018 年 6 月前完成,平湖市独山港区在 2019 年底前启动;";
    expect(findDeadline(spaced, Y2017)).toEqual(date("2019 年底前", "2019-12-31"));
  });
});

describe("findDeadline on body sentences", () => {
  it.each<[string, string, { year: number | null }, Deadline]>([
    [
      "an end of year with a completion verb (002)",
      "开展行政效能革命，加强政务流程优化再造，推进移动政务试点，全面推广政务钉钉，2018年底实现政务钉钉全覆盖。",
      Y2018,
      date("2018年底", "2018-12-31"),
    ],
    [
      "a 'before month' deadline in brackets (003)",
      "落实安监部门危险化学品安全监管综合职责。(由市安委办牵头,市级有关部门配合,2017年6月前完成)",
      Y2017,
      date("2017年6月前", "2017-05-31"),
    ],
    [
      "the latest of two deadlines (003)",
      "嘉兴港区中国化工新材料(嘉兴)园区要在2018年底前完成,平湖市独山港区临港石化产业园、海盐经济开发区新材料及化工园区要在2019年底前完成;",
      Y2017,
      date("2019年底前", "2019-12-31"),
    ],
    [
      "the latest of two 'before month' deadlines (003)",
      "(第一项由市安委办牵头,市级有关部门配合,2017年12月前完成分级数据库,2018年12月前完成分类数据库)",
      Y2017,
      date("2018年12月前", "2018-11-30"),
    ],
    [
      "a due date before a later period (003)",
      "(由市安委办牵头,市级有关部门配合,2017年底前取得阶段性成果,2018年至2019年10月深化提升)",
      Y2017,
      date("2017年底前", "2017-12-31"),
    ],
    [
      "到 + year (000)",
      "开展基层政务公开标准化规范化试点，到2022年全面实现基层政务公开标准化规范化。",
      Y2018,
      date("到2022年", "2022-12-31"),
    ],
    [
      "力争到 + year with spaces (002)",
      "深入推进政府自身建设,力争到 2022 年,基本建立机构设置科学、职能定位准确、运行高效透明的现代政府",
      Y2018,
      date("力争到 2022 年", "2022-12-31"),
    ],
    [
      "a yearless deadline takes the document year (003)",
      "6月底前,编制调整全市行政审批中介服务事项目录,并向社会公布。",
      Y2017,
      date("6月底前", "2017-06-30"),
    ],
    [
      "a yearless deadline without a document year (003)",
      "6月底前,编制调整全市行政审批中介服务事项目录,并向社会公布。",
      { year: null },
      date("6月底前", null),
    ],
    [
      "年内 (003)",
      "认真落实国家、省相关要求,年内要完成“五公开”纳入办文办会程序",
      Y2017,
      date("年内", "2017-12-31"),
    ],
    [
      "上旬 with a completion verb (003)",
      "科学合理安排工程建设进度,倒排时间节点,确保12月上旬全面完成年度各项任务。",
      Y2017,
      date("12月上旬", "2017-12-10"),
    ],
    [
      "a policy validity window is a period (003)",
      "自2017年1月1日至2019年12月31日,将科技型中小企业开发新技术、新产品、新工艺实际发生的研发费用在企业所得税税前加计扣除的比例,由50%提高至75%。",
      Y2017,
      period("2017年1月1日至2019年12月31日", "2017-01-01", "2019-12-31"),
    ],
    [
      "a stage of a campaign (003)",
      "(三)深化提升阶段(2018年4月至2019年10月)。",
      Y2017,
      period("2018年4月至2019年10月", "2018-04-01", "2019-10-31"),
    ],
    [
      "a recurrence (002)",
      "省级各部门、各级政府每年确定10个左右重点课题,切实将课题成果转化为政策或工作举措。",
      Y2018,
      recurring("每年"),
    ],
    [
      "a quarterly report (003)",
      "各牵头单位每季度要向市政府书面报告重点工作完成情况,包括进展情况、存在问题和下一步",
      Y2017,
      recurring("每季度", "quarter"),
    ],
    [
      "a yearly clean-up date is a recurrence",
      "定期清理政府规章和行政规范性文件,每年12月底清理。",
      Y2018,
      recurring("每年"),
    ],
    [
      "ongoing words (003)",
      "持续推进集中式生活饮用水水源水质监测信息公开。",
      Y2017,
      ongoing("持续推进"),
    ],
  ])("%s", (_label, text, options, expected) => {
    expect(findDeadline(text, options)).toEqual(expected);
  });

  it.each<[string, string]>([
    [
      "a start year is not a deadline (000)",
      "深入整治“四风”难题，严把办文办会关，2018年起各级政府文件、会议数量和会议经费原则上不得增加。",
    ],
    [
      "a start date is not a deadline (003)",
      "对办理并使用我省高速公路货车非现金支付卡并合法装载的货运车辆,自2017年1月1日起,车辆通行费按现行标准优惠3%。",
    ],
    [
      "an expiry is not a deadline (003)",
      "水利部门征收的船舶过闸费(限于政府投资的船闸)2016年底到期后不再征收。",
    ],
    [
      "a yearly cycle without a year is not a deadline (000)",
      "健全“清单+台账+考评”制度体系，实现年初有清单、年中有督查、年末有考评、全年有台账。",
    ],
    [
      "the date of a document is not a deadline (000)",
      "嘉兴市人民政府 2018年8月27日 （此件公开发布）",
    ],
    [
      "a period inside a document title is ignored (001)",
      "根据省、市《政府“两强三提高”建设行动计划(2018-2022年)》精神,推动政府系统更好履职尽责,结合我区实际,制订本实施方案。",
    ],
    ["'三年内' is not this year (003)", "力争在三年内,建成“机器人+”示范行业(省、市两级)30个以上"],
    ["no time words at all (004)", "尊重并执行人民法院生效裁判，重视司法建议和检察建议。"],
  ])("%s", (_label, text) => {
    expect(findDeadline(text, Y2018)).toBe(NO_DEADLINE);
  });

  it("does not read a mandate out of prose", () => {
    expect(findDeadline("认真落实国家、省相关要求。", Y2018)).toBe(NO_DEADLINE);
  });
});

describe("appendix tables", () => {
  it("finds every row of the three tables", () => {
    expect(APPENDIX_CELLS["002"]).toHaveLength(49);
    expect(APPENDIX_CELLS["000"]).toHaveLength(31);
    expect(APPENDIX_CELLS["001"]).toHaveLength(36);
  });

  it.each(Object.entries(APPENDIX_CELLS))("reads every 时间要求 cell of %s", (_plan, cells) => {
    const unread = cells.filter((cell) => parseDeadline(cell, Y2018).kind === "none");
    expect(unread).toEqual([]);
  });
});

describe("lexicon", () => {
  it("lists every phrase in folded form, since matching runs on NFKC text without spaces", () => {
    const lexicon: unknown = JSON.parse(seed("lexicon/deadlines.json"));
    const strings = (value: unknown): string[] =>
      typeof value === "string"
        ? [value]
        : typeof value === "object" && value !== null
          ? Object.entries(value).flatMap(([key, v]) =>
              key === "$comment" ? [] : [key, ...strings(v)],
            )
          : [];
    const unfolded = strings(lexicon).filter((s) => s !== s.normalize("NFKC") || /\s/.test(s));
    expect(unfolded).toEqual([]);
  });
});

describe("properties", () => {
  const TOKENS = [
    ..."0123456789０１２３年月日号底末内前后起至到自从每逐旬季度第一二三四上中下半—-~～《》，, 　",
    "2018",
    "２０２２",
    "12",
    "上旬",
    "中旬",
    "下旬",
    "年底",
    "年内",
    "上半年",
    "第一季度",
    "力争到",
    "以前",
    "开始",
    "到期",
    "截至",
    "完成",
    "全面实现",
    "每年",
    "每半年",
    "持续推进",
    "适时",
    "执行",
    "按照",
    "省委",
    "上级",
    "和",
    "、",
    "规定",
    "部署",
    "实施制定",
    "年度",
  ];
  const text = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.string({ unit: "grapheme" }),
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((parts) => parts.join("")),
  );
  const year = fc.oneof(fc.constant(null), fc.integer({ min: 1900, max: 2199 }));

  function isValidDeadline(d: Deadline): boolean {
    const realDay = (iso: string | null) =>
      iso === null || new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
    return DeadlineSchema.safeParse(d).success && realDay(d.due) && realDay(d.start);
  }

  it("parseDeadline never throws and returns a well-formed deadline", () => {
    fc.assert(
      fc.property(text, year, (phrase, y) => {
        const d = parseDeadline(phrase, { year: y });
        return isValidDeadline(d) && d.raw === phrase.trim();
      }),
      { numRuns: 500 },
    );
  });

  it("findDeadline never throws and returns a well-formed deadline cut from the text", () => {
    fc.assert(
      fc.property(text, year, (body, y) => {
        const d = findDeadline(body, { year: y });
        return isValidDeadline(d) && body.includes(d.raw) && (d.kind === "none") === (d.raw === "");
      }),
      { numRuns: 500 },
    );
  });
});
