import { describe, expect, it } from "vitest";
import { isOwnLevelUnit } from "../../src/text/units.js";

describe("isOwnLevelUnit", () => {
  it("reads a province's own departments as its own, lower governments never", () => {
    for (const u of ["省政府办公厅", "省数据管理中心", "省统计局", "省级有关部门"]) {
      expect(isOwnLevelUnit(u, "province")).toBe(true);
    }
    expect(isOwnLevelUnit("各市、县(市、区)政府", "province")).toBe(false);
    expect(isOwnLevelUnit("市发改局", "province")).toBe(false);
    expect(isOwnLevelUnit("省政府办公厅", "city")).toBe(false);
  });

  it("reads ministries and 国家… bodies as national", () => {
    expect(isOwnLevelUnit("工业和信息化部", "national")).toBe(true);
    expect(isOwnLevelUnit("国家发展改革委", "national")).toBe(true);
    expect(isOwnLevelUnit("省工业和信息化厅", "national")).toBe(false);
  });
});
