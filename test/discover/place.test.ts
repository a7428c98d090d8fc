import { describe, expect, it } from "vitest";
import { placeOf, placeRelation } from "../../src/discover/place.js";

const place = (issuer: string) => placeOf({ issuer, title: null });

describe("placeOf", () => {
  it("splits an issuer into its places, outermost first", () => {
    expect(place("嘉兴市南湖区人民政府")).toEqual([
      { name: "嘉兴市", level: "city" },
      { name: "南湖区", level: "district" },
    ]);
    expect(place("浙江省人民政府")).toEqual([{ name: "浙江省", level: "province" }]);
    expect(place("嘉兴市人民政府办公室")).toEqual([{ name: "嘉兴市", level: "city" }]);
  });

  it("keeps a name whose first character is a level word in one piece (杭州市, 市中区)", () => {
    expect(place("杭州市人民政府")).toEqual([{ name: "杭州市", level: "city" }]);
    expect(place("市中区人民政府")).toEqual([{ name: "市中区", level: "district" }]);
  });

  it("reads the title's issuer when there is no signature, and nothing from a bare plan title", () => {
    expect(placeOf({ issuer: null, title: "嘉兴市人民政府关于印发某方案的通知" })).toEqual([
      { name: "嘉兴市", level: "city" },
    ]);
    expect(placeOf({ issuer: null, title: "政府“两强三提高”建设行动计划" })).toEqual([]);
    expect(placeOf({ issuer: null, title: null })).toEqual([]);
  });
});

describe("placeRelation", () => {
  const district = place("嘉兴市南湖区人民政府");
  it("a district fits its own city, conflicts with another, says nothing of the province", () => {
    expect(placeRelation(district, place("嘉兴市人民政府"), "city")).toBe("fits");
    expect(placeRelation(district, place("湖州市人民政府"), "city")).toBe("conflicts");
    expect(placeRelation(district, place("浙江省人民政府"), "province")).toBe("unknown");
    expect(placeRelation(place("越城区人民政府"), place("湖州市人民政府"), "city")).toBe("unknown");
  });
});
