import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { HOLDOUT_SEEDS, PROFILES, syntheticChildren } from "../../bench/eval/datasets.js";
import { fold } from "../../src/text/fold.js";
import { segmentBySentence } from "../../src/text/segment.js";
import { SEEDS } from "../helpers/seeds.js";

// The oracle: jieba itself on the whole text.
const require = createRequire(import.meta.url);
const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
const { dict } = require("@node-rs/jieba/dict.js") as typeof import("@node-rs/jieba/dict.js");
const jieba = Jieba.withDict(dict);
const whole = (text: string) => jieba.cut(text, false);

describe("segmenting sentence by sentence gives jieba's words of the whole text", async () => {
  const synthetic = (await syntheticChildren(PROFILES, HOLDOUT_SEEDS)).slice(0, 30);
  const documents = [
    ...Object.values(SEEDS),
    "test/fixtures/formats/000.traditional.txt",
    ...synthetic.map((c) => c.text),
  ];

  it.each(documents)("%s", (path) => {
    const text = fold(readFileSync(path, "utf8"));
    const words = segmentBySentence(text);
    expect(words.join("")).toBe(text);
    expect(words).toEqual(whole(text));
  });

  it("at the edges: blank sentences, line ends, white space, marks in a row, emoji", () => {
    for (const text of [
      "",
      "\n",
      "  加强领导。 \r\n\r\n 完善机制;推进改革!?",
      "\uFEFF一、总体要求\r\n（一）指导思想。\u3000\u3000坚持以人民为中心；",
      "到2020年,实现“最多跑一次”改革全覆盖😀。。。末尾没有句号",
      " \t ",
    ]) {
      const folded = fold(text);
      expect(segmentBySentence(folded), JSON.stringify(text)).toEqual(whole(folded));
    }
  });
});
