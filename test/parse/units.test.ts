import { describe, expect, it } from "vitest";
import { toUnits } from "../../src/parse/responsibility.js";
import { parseResponsibility, splitUnitNames } from "../../src/text/units.js";

const units = (raw: string) => toUnits(parseResponsibility(raw), raw);

describe("splitUnitNames", () => {
  it.each([
    [
      "各市、县〔市、区〕政府党组,省政府各部门党委〔党组〕",
      ["各市、县〔市、区〕政府党组", "省政府各部门党委〔党组〕"],
    ],
    [
      "省编办、省发展改革委、省法制办和其他省级部门",
      ["省编办", "省发展改革委", "省法制办", "其他省级部门"],
    ],
    [
      "市委政研室〔市政府发展研究中心〕、市咨询委",
      ["市委政研室〔市政府发展研究中心〕", "市咨询委"],
    ],
    ["市编委办、市综治办等市级有关部门", ["市编委办", "市综治办", "市级有关部门"]],
    ["市自然资源和规划局、市建设局", ["市自然资源和规划局", "市建设局"]],
    ["嘉兴经济技术开发区(国际商务区)、嘉兴港区", ["嘉兴经济技术开发区(国际商务区)", "嘉兴港区"]],
    [
      "各县（市、区）政府党组，市政府各部门党委（党组）",
      ["各县（市、区）政府党组", "市政府各部门党委（党组）"],
    ],
  ])("%s", (raw, expected) => {
    expect(splitUnitNames(raw)).toEqual(expected);
  });
});

describe("parseResponsibility", () => {
  it("reads 责任单位 as lead units", () => {
    expect(units("责任单位：省政府研究室，各市、县〔市、区〕政府")).toMatchObject({
      lead: ["省政府研究室", "各市、县〔市、区〕政府"],
      support: [],
    });
  });

  it("reads 牵头部门 and 责任部门 in one bracket", () => {
    expect(units("牵头部门:市编委办,责任部门:各行政主管部门")).toMatchObject({
      lead: ["市编委办"],
      support: ["各行政主管部门"],
    });
  });

  it("reads 由…牵头，…配合 and ignores the deadline clause", () => {
    expect(units("由市安委办牵头,市级有关部门配合,2017年6月前完成")).toMatchObject({
      lead: ["市安委办"],
      support: ["市级有关部门"],
    });
  });

  it("reads several 由…牵头 items", () => {
    expect(units("第一至四项由市经信委,第五、六项由市安监局牵头,市级有关部门配合").lead).toEqual([
      "市经信委",
      "市安监局",
    ]);
  });

  it("reads X牵头落实", () => {
    expect(units("市发展改革委、市财政局、市合作交流办按职责分工分别牵头落实").lead).toEqual([
      "市发展改革委",
      "市财政局",
      "市合作交流办",
    ]);
  });

  it("reads △ as the lead marker", () => {
    expect(units("△区编办、区委政法委,区级有关部门,各镇人民政府、街道办事处")).toMatchObject({
      lead: ["区编办"],
      support: ["区委政法委", "区级有关部门", "各镇人民政府", "街道办事处"],
    });
  });
});

describe("labels in square brackets on one line (【牵头单位】…【配合单位】…【完成时限】…)", () => {
  it("reads lead and support units, and leaves the deadline to the task's text", async () => {
    const { readResponsibility } = await import("../../src/parse/responsibility.js");
    const text =
      "【牵头单位】省工业和信息化厅【配合单位】省发展改革委、省财政厅【完成时限】2027年底前";
    const line = { line: 1, text, norm: text.normalize("NFKC"), cell: false };
    const { units, labelLines } = readResponsibility([line]);
    expect(units.lead).toEqual(["省工业和信息化厅"]);
    expect(units.support).toEqual(["省发展改革委", "省财政厅"]);
    // The line keeps its deadline for the task's text: it is not a responsibility-only line.
    expect(labelLines.size).toBe(0);
    const plain = "【牵头单位】省商务厅【配合单位】省财政厅";
    const only = readResponsibility([{ line: 1, text: plain, norm: plain, cell: false }]);
    expect(only.units.lead).toEqual(["省商务厅"]);
    expect(only.labelLines.has(0)).toBe(true);
  });
});
