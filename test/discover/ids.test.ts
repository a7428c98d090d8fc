import { describe, expect, it } from "vitest";
import { assignIds } from "../../src/discover/ids.js";

describe("assignIds", () => {
  it("derives ids from file names, valid in a run config and unique", () => {
    const ids = assignIds([
      { path: "/a/000_e50b.txt", index: 1, bundled: false },
      { path: "/a/gazette.txt", index: 1, bundled: true },
      { path: "/a/gazette.txt", index: 2, bundled: true },
      { path: "/b/000_e50b.docx", index: 1, bundled: false },
      { path: "/b/嘉兴市实施方案.txt", index: 1, bundled: false },
      { path: "/b/湖州市实施方案.txt", index: 1, bundled: false },
      { path: "/b/plan v2 (final).pdf", index: 1, bundled: false },
    ]);
    expect(ids.slice(0, 4)).toEqual(["000_e50b", "gazette-1", "gazette-2", "000_e50b-2"]);
    for (const id of ids) expect(id).toMatch(/^[\w.-]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[6]).toMatch(/^plan-v2-final-[0-9a-f]{6}$/);
  });

  it("gives the same ids for the same names", () => {
    const docs = [{ path: "/x/嘉兴.txt", index: 1, bundled: false }];
    expect(assignIds(docs)).toEqual(assignIds(docs));
  });
});
