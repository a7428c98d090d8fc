import { describe, expect, it } from "vitest";
import { type DriftLabel, driftOf } from "../../src/diff/deadline-drift-label.js";
import { type Deadline, NO_DEADLINE } from "../../src/model/deadline.js";
import { parseDeadline } from "../../src/parse/parse-deadline.js";

const at = (phrase: string, year: number | null = 2018): Deadline =>
  parseDeadline(phrase, { year });

/** [parent phrase, child phrase, label, days] — phrases from the seed plans' 时间要求 cells. */
const TABLE: [string, string, DriftLabel, number | null][] = [
  // same
  ["2019年底", "2019年12月底前完成", "same", 0],
  ["2018年12月底前全覆盖", "2018年底前全覆盖", "same", 0],
  ["2019年12月底前完成", "2019年底前完成", "same", 0],
  ["每年推进", "逐年推进", "same", null],
  ["逐年推进", "每年开展", "same", null],
  ["每年编制", "每年执行", "same", null],
  ["执行党中央和省委规定", "按中央和省委、市委部署推进", "same", null],
  ["适时完成", "持续推进", "same", null],
  ["2018—2020年", "2018-2020年", "same", 0],
  ["", "", "same", null],
  // later / earlier, by due date; a period counts by its end
  ["2018年12月底前完成", "2019年6月底前完成", "later", 181],
  ["2019年12月底前完成", "2020年底前完成", "later", 366],
  ["2019年6月底前基本建立", "2018年底前完成", "earlier", -181],
  ["2018—2020年", "2018—2022年", "later", 730],
  ["2018—2022年", "2019年底前完成", "earlier", -1096],
  ["2019年底前完成", "2018—2020年", "later", 366],
  // removed: a date becomes another kind
  ["2018年12月底前完成", "持续推进", "removed", null],
  ["2019年底基本完成", "逐年推进", "removed", null],
  ["2018年7月底前完成", "执行党中央和省委规定", "removed", null],
  ["2018年8月底前形成方案", "", "removed", null],
  // vaguer: a period or recurrence becomes ongoing / mandate / none
  ["逐年推进", "持续推进", "vaguer", null],
  ["2018—2022年", "按中央和省委、市委部署推进", "vaguer", null],
  ["每年开展", "", "vaguer", null],
  // stricter
  ["持续推进", "2019年底前完成", "stricter", null],
  ["执行党中央和省委规定", "每年推进", "stricter", null],
  ["", "2018年12月底前完成", "stricter", null],
  ["适时完成", "2018—2020年", "stricter", null],
  ["每年开展", "2019年6月底前完成", "stricter", null],
  ["2018—2020年", "2020年底前完成", "stricter", 0],
  // different
  ["2018—2022年", "每年开展", "different", null],
  ["2018—2020年", "逐年推进", "different", null],
  ["每年推进", "2018—2020年", "different", null],
  ["每年开展", "每季度", "different", null],
  ["2018—2020年", "2019—2020年", "different", 0],
  ["2020年底前完成", "2018—2020年", "different", 0],
  ["持续推进", "执行党中央和省委规定", "different", null],
  ["持续推进", "", "different", null],
];

describe("driftOf", () => {
  it.each(TABLE)("%s → %s: %s (%s days)", (parent, child, label, days) => {
    expect(driftOf(at(parent), at(child))).toEqual({ label, days });
  });

  it("parses the phrases of the table as the kinds the labels assume", () => {
    expect(at("2019年底").kind).toBe("date");
    expect(at("2018—2022年").kind).toBe("period");
    expect(at("每年开展").kind).toBe("recurring");
    expect(at("每季度").every).toBe("quarter");
    expect(at("持续推进").kind).toBe("ongoing");
    expect(at("按中央和省委、市委部署推进").kind).toBe("mandate");
    expect(at("")).toEqual(NO_DEADLINE);
  });

  it("compares dates of unknown year by their wording only", () => {
    expect(at("6月底前完成", null).due).toBeNull();
    expect(driftOf(at("6月底前完成", null), at("6月底前完成", null))).toEqual({
      label: "same",
      days: null,
    });
    expect(driftOf(at("6月底前完成", null), at("12月底前完成", null))).toEqual({
      label: "different",
      days: null,
    });
    expect(driftOf(at("6月底前完成", null), at("2018年12月底前完成"))).toEqual({
      label: "different",
      days: null,
    });
  });

  it("is antisymmetric in days between dated deadlines", () => {
    const a = at("2018年12月底前完成");
    const b = at("2019年6月底前完成");
    expect(driftOf(a, b).days).toBe(-(driftOf(b, a).days ?? 0));
  });
});
