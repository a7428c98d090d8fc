import { describe, expect, it } from "vitest";
import { piecesBetween } from "../../src/util/pieces.js";

const contents = (text: string, mark: RegExp) =>
  piecesBetween(text, mark).map((p) => [text.slice(p.start, p.end), text.slice(p.from, p.to)]);

describe("piecesBetween", () => {
  it("splits at every mark and trims each piece's content, blank pieces included", () => {
    expect(contents(" 加强领导。\u3000完善机制 ;; 推进", /[。;]/)).toEqual([
      [" 加强领导", "加强领导"],
      ["\u3000完善机制 ", "完善机制"],
      ["", ""],
      [" 推进", "推进"],
    ]);
    expect(contents("", /[。]/)).toEqual([["", ""]]);
    expect(contents("。", /[。]/)).toEqual([
      ["", ""],
      ["", ""],
    ]);
  });

  it("covers the text: pieces and marks in order, content inside its piece", () => {
    const text = "  一、总体要求\n（一）指导思想。 坚持以人民为中心；\n\n";
    const pieces = piecesBetween(text, /[。；\n]/);
    let at = 0;
    for (const p of pieces) {
      expect(p.start).toBe(at);
      expect(p.start <= p.from && p.from <= p.to && p.to <= p.end).toBe(true);
      at = p.end + 1;
    }
    expect(at).toBe(text.length + 1);
  });
});
