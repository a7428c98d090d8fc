/**
 * The word-level diff of two task texts (jieba words, same-op runs merged, one-character islands
 * folded into the change), and the wording of a task that a rewording is judged on.
 */
import type { DiffPart } from "../../model/finding.js";
import type { Task } from "../../model/task.js";
import { stripResponsibility } from "../../text/responsibility.js";
import { type Token, tokensOf } from "../../text/segment.js";
import { weakCache } from "../../util/caches.js";
import { diffSequences } from "../myers.js";

type Piece = { op: "=" | "+" | "-"; text: string };

/**
 * The word-level diff of two texts: jieba words (punctuation kept), same-op runs merged, and
 * one-character kept islands between two changes folded into the change, so the diff reads as
 * phrases rather than single characters. Level words are compared as printed (省级 → 市级 shows).
 */
export function wordDiff(parentText: string, childText: string): DiffPart[] {
  return diffWords(tokensOf(parentText), tokensOf(childText));
}

/**
 * `wordDiff` of two tasks' wordings (`wordingOf`), each task's words remembered with the task: a
 * parent's tasks are the same objects for every child compared with it.
 */
export function taskWordDiff(parent: Task, child: Task): DiffPart[] {
  return diffWords(wordsOfTask(parent), wordsOfTask(child));
}

const taskWords = weakCache<Task, Token[]>("taskWords");

function wordsOfTask(task: Task): Token[] {
  let words = taskWords.get(task);
  if (!words) {
    words = tokensOf(wordingOf(task));
    taskWords.set(task, words);
  }
  return words;
}

function diffWords(parentWords: Token[], childWords: Token[]): DiffPart[] {
  const runs = diffSequences(parentWords, childWords, (t) => t.key);
  const pieces: Piece[] = runs.map((r) => ({
    op: r.op,
    text: r.items.map((t) => t.text).join(""),
  }));
  return toParts(absorbIslands(splitCommon(groups(pieces))));
}

type Group = { kind: "kept"; text: string } | { kind: "changed"; removed: string; added: string };

function groups(pieces: Piece[]): Group[] {
  const out: Group[] = [];
  for (const piece of pieces) {
    if (piece.text === "") continue;
    const last = out[out.length - 1];
    if (piece.op === "=") {
      if (last?.kind === "kept") last.text += piece.text;
      else out.push({ kind: "kept", text: piece.text });
    } else {
      const group =
        last?.kind === "changed" ? last : { kind: "changed" as const, removed: "", added: "" };
      if (group !== last) out.push(group);
      if (piece.op === "-") group.removed += piece.text;
      else group.added += piece.text;
    }
  }
  return out;
}

/**
 * Keeps what both sides of a replacement start or end with, when that is two characters or more
 * and leaves no single character behind: jieba reads 全面推广 as one word, but 全面 is kept.
 */
function splitCommon(input: Group[]): Group[] {
  const out: Group[] = [];
  const keep = (text: string) => {
    const last = out[out.length - 1];
    if (last?.kind === "kept") last.text += text;
    else if (text) out.push({ kind: "kept", text });
  };
  for (const group of input) {
    if (group.kind === "kept") {
      keep(group.text);
      continue;
    }
    const head = commonLength(group.removed, group.added, (s, n) => s.slice(0, n));
    const removed = group.removed.slice(head);
    const added = group.added.slice(head);
    const tail = commonLength(removed, added, (s, n) => s.slice(s.length - n));
    keep(group.removed.slice(0, head));
    if (removed.length > tail || added.length > tail) {
      out.push({
        kind: "changed",
        removed: removed.slice(0, removed.length - tail),
        added: added.slice(0, added.length - tail),
      });
    }
    keep(removed.slice(removed.length - tail));
  }
  return out;
}

/** Length of the common edge of two texts (`edge` cuts n characters from the side looked at). */
function commonLength(a: string, b: string, edge: (s: string, n: number) => string): number {
  let n = 0;
  while (n < Math.min(a.length, b.length) && edge(a, n + 1) === edge(b, n + 1)) n++;
  while (n > 0 && (a.length - n === 1 || b.length - n === 1)) n--;
  return n >= 2 ? n : 0;
}

/** Folds a kept run of one character between two changes into both sides of the change. */
function absorbIslands(input: Group[]): Group[] {
  const out: Group[] = [];
  for (let i = 0; i < input.length; i++) {
    const group = input[i] as Group;
    const left = out[out.length - 1];
    const right = input[i + 1];
    if (
      group.kind === "kept" &&
      Array.from(group.text).length <= 1 &&
      left?.kind === "changed" &&
      right?.kind === "changed" &&
      (left.removed || right.removed) &&
      (left.added || right.added)
    ) {
      left.removed += group.text + right.removed;
      left.added += group.text + right.added;
      i++;
      continue;
    }
    out.push({ ...group });
  }
  return out;
}

function toParts(input: Group[]): DiffPart[] {
  return input.flatMap((g): DiffPart[] => {
    if (g.kind === "kept") return [{ op: "=", text: g.text }];
    const parts: DiffPart[] = [];
    if (g.removed) parts.push({ op: "-", text: g.removed });
    if (g.added) parts.push({ op: "+", text: g.added });
    return parts;
  });
}

/**
 * The text of one side of a diff: the child's ("+") as printed, the parent's ("-") up to
 * character width (kept text is quoted as the child prints it: ， where the parent has ,).
 */
export function sideOf(diff: readonly DiffPart[], side: "-" | "+"): string {
  return diff
    .filter((p) => p.op === "=" || p.op === side)
    .map((p) => p.text)
    .join("");
}

/** What a task says, without who does it: the text a rewording is judged on. */
export function wordingOf(task: Task): string {
  let wording = wordings.get(task);
  if (wording === undefined) {
    wording = (task.source === "body" ? stripResponsibility(task.text) : task.text).trim();
    wordings.set(task, wording);
  }
  return wording;
}

/** Wordings by task: a parent's tasks are the same objects for every child compared with it. */
const wordings = weakCache<Task, string>("wordings");
