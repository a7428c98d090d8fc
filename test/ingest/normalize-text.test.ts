import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanLine, normalizeText } from "../../src/ingest/normalize-text.js";
import { fold } from "../../src/text/fold.js";

describe("fold", () => {
  it("maps full-width forms, dashes and 〔〕 to one form, one character each", () => {
    expect(fold("（一）２０１８年：１．〔市、区〕—～")).toBe("(一)2018年:1.(市、区)-~");
  });

  it("keeps Chinese punctuation that carries meaning", () => {
    expect(fold("“标准地”、《规则》。")).toBe("“标准地”、《规则》。");
  });

  it("never changes the length", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => fold(s).length === s.length));
  });
});

describe("cleanLine", () => {
  it("removes spaces that extraction put inside Chinese text", () => {
    expect(cleanLine("力争到 2022 年,基本建立")).toBe("力争到2022年,基本建立");
    expect(cleanLine("实 施 方 案")).toBe("实施方案");
    expect(cleanLine("嘉政发〔2017〕11 号")).toBe("嘉政发〔2017〕11号");
  });

  it("keeps spaces between Latin words and drops list bullets", () => {
    expect(cleanLine(" - 实施 PPP project 项目")).toBe("实施PPP project项目");
  });
});

describe("normalizeText", () => {
  it("joins a sentence broken by a page break with blank lines between (定准\\n\\n确)", () => {
    const text =
      "(二)总体目标。牢固树立以人民为中心的发展思想,基本建立机构设置科学、职能定位准\n\n确、运行高效透明的现代政府。\n";
    const lines = normalizeText(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.text).toContain("职能定位准确、运行高效透明");
    expect(lines[0]?.line).toBe(1);
  });

  it("keeps 1-based line numbers of the original file", () => {
    const lines = normalizeText("一、总体要求\n\n\n二、主要任务\n");
    expect(lines.map((l) => l.line)).toEqual([1, 4]);
  });

  it("drops page numbers and field codes", () => {
    const lines = normalizeText("第一段。\n— 1 —\nPAGE  \n- 2 -\n第二段。\n");
    expect(lines.map((l) => l.text)).toEqual(["第一段。", "第二段。"]);
  });

  it("does not join header lines, headings or table cells", () => {
    const text = [
      "浙江省人民政府文件",
      "浙政发〔2018〕16号",
      "二、主要任务",
      "(一)大力实施政府系统党的建设工程。",
      "\t序号",
      "\t重点任务",
    ].join("\n");
    expect(normalizeText(text).map((l) => l.text)).toEqual([
      "浙江省人民政府文件",
      "浙政发〔2018〕16号",
      "二、主要任务",
      "(一)大力实施政府系统党的建设工程。",
      "序号",
      "重点任务",
    ]);
  });

  it("joins a responsibility bracket broken before its closing part", () => {
    const lines = normalizeText(
      "2.推进公共服务均等化标准化。(责任单位:省发展改革委,各市、县〔市、区〕政\n\n府)\n",
    );
    expect(lines.map((l) => l.text)).toEqual([
      "2.推进公共服务均等化标准化。(责任单位:省发展改革委,各市、县〔市、区〕政府)",
    ]);
  });

  it("breaks lines at every line terminator and drops every kind of white space", () => {
    // Word's manual line break (\v), form feed, NEL, line and paragraph separators; thin and
    // narrow no-break spaces inside Chinese text. A line of U+2028 alone once came through as text.
    const lines = normalizeText(
      "一、总体要求\v(一)加强领导\f(二)强化考核\u0085(三)做好宣传\u2028\u2028(四)抓好落实\u2029推进\u2009数字\u202F政府\u205F建设",
    );
    expect(lines.map((l) => l.text)).toEqual([
      "一、总体要求",
      "(一)加强领导",
      "(二)强化考核",
      "(三)做好宣传",
      "(四)抓好落实",
      "推进数字政府建设",
    ]);
    expect(normalizeText("\u2028")).toEqual([]);
  });

  it("never lets a site's bar of links (首页 | 政务公开 | 繁體) swallow the lines after it", () => {
    const lines = normalizeText(
      "今天是：无障碍浏览 | 长者模式 | 繁體\n一、主要任务\n（一）推进改造。组织实施改造工程。\n",
    );
    expect(lines.map((l) => l.norm)).toEqual([
      "今天是:无障碍浏览|长者模式|繁體",
      "一、主要任务",
      "(一)推进改造。组织实施改造工程。",
    ]);
    // A pipe row whose closing pipe went to the next line still gets it back.
    const row = normalizeText("| 1 | 推进改造 | 市发展改革委\n|\n");
    expect(row.map((l) => l.norm)).toEqual(["|1|推进改造|市发展改革委|"]);
  });

  it("keeps display text and folded text aligned", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) =>
        normalizeText(s).every((l) => l.norm.length === l.text.length && l.text.trim() !== ""),
      ),
    );
  });
});
