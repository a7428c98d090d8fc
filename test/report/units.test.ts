import { describe, expect, it } from "vitest";
import { unitsText } from "../../src/report/shared/units.js";

describe("unitsText", () => {
  it("joins lead units, then the supporting ones", () => {
    expect(unitsText({ lead: ["市发展改革委", "市财政局"], support: [], raw: null }, "zh")).toBe(
      "市发展改革委、市财政局",
    );
    expect(
      unitsText({ lead: ["市发展改革委"], support: ["各县〔市、区〕政府"], raw: null }, "zh"),
    ).toBe("市发展改革委；配合：各县〔市、区〕政府");
    expect(unitsText({ lead: ["A", "B"], support: ["C"], raw: null }, "en")).toBe(
      "A, B; support: C",
    );
    expect(unitsText({ lead: [], support: ["C"], raw: null }, "zh")).toBe("配合：C");
    expect(unitsText({ lead: [], support: [], raw: null }, "zh")).toBe("");
    expect(unitsText(undefined, "zh")).toBe("");
  });
});
