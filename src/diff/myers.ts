/**
 * The shortest edit script between two sequences, as jsdiff's `diffArrays` finds it (Myers'
 * O(ND) algorithm with jsdiff's pruning of diagonals past the edges): the same runs, the same
 * choices between equally short scripts, so a word diff reads exactly as with jsdiff.
 *
 * Written here for speed only: items are compared as small integers (their keys interned per
 * call), paths are indexed by diagonal in a plain array rather than by negative indexes on an
 * array (which jsdiff uses, and which makes every access a dictionary lookup), and no clock is
 * read per step. A test checks it against jsdiff on random sequences with many ties.
 */

/** A run of the script: items kept (from the new sequence), added, or removed. */
export interface Run<T> {
  op: "=" | "+" | "-";
  items: T[];
}

interface Component {
  count: number;
  added: boolean;
  removed: boolean;
  previous: Component | undefined;
}

interface Path {
  oldPos: number;
  last: Component | undefined;
}

/** The runs that turn `before` into `after`, items equal when their keys are. */
export function diffSequences<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): Run<T>[] {
  const ids = new Map<string, number>();
  const intern = (item: T): number => {
    const k = key(item);
    let id = ids.get(k);
    if (id === undefined) {
      id = ids.size;
      ids.set(k, id);
    }
    return id;
  };
  const oldIds = before.map(intern);
  const newIds = after.map(intern);
  const last = shortestScript(oldIds, newIds);
  return runsOf(last, before, after);
}

function shortestScript(oldIds: number[], newIds: number[]): Component | undefined {
  const oldLen = oldIds.length;
  const newLen = newIds.length;
  const maxEdit = oldLen + newLen;
  const offset = maxEdit + 1;
  const best: (Path | undefined)[] = new Array(2 * offset + 1).fill(undefined);
  const extract = (path: Path, diagonal: number): number => {
    let oldPos = path.oldPos;
    let newPos = oldPos - diagonal;
    let common = 0;
    while (
      newPos + 1 < newLen &&
      oldPos + 1 < oldLen &&
      oldIds[oldPos + 1] === newIds[newPos + 1]
    ) {
      newPos++;
      oldPos++;
      common++;
    }
    if (common > 0)
      path.last = { count: common, added: false, removed: false, previous: path.last };
    path.oldPos = oldPos;
    return newPos;
  };
  const start: Path = { oldPos: -1, last: undefined };
  best[offset] = start;
  let newPos = extract(start, 0);
  if (start.oldPos + 1 >= oldLen && newPos + 1 >= newLen) return start.last;
  let minDiagonal = Number.NEGATIVE_INFINITY;
  let maxDiagonal = Number.POSITIVE_INFINITY;
  for (let edit = 1; edit <= maxEdit; edit++) {
    const top = Math.min(maxDiagonal, edit);
    for (let d = Math.max(minDiagonal, -edit); d <= top; d += 2) {
      const removePath = best[offset + d - 1];
      const addPath = best[offset + d + 1];
      if (removePath) best[offset + d - 1] = undefined;
      let canAdd = false;
      if (addPath) {
        const addNewPos = addPath.oldPos - d;
        canAdd = 0 <= addNewPos && addNewPos < newLen;
      }
      const canRemove = removePath !== undefined && removePath.oldPos + 1 < oldLen;
      if (!canAdd && !canRemove) {
        best[offset + d] = undefined;
        continue;
      }
      // Branch from the path that is farthest along the old sequence (an insertion on a tie).
      const path =
        !canRemove || (canAdd && (removePath as Path).oldPos < (addPath as Path).oldPos)
          ? extend(addPath as Path, true, false, 0)
          : extend(removePath as Path, false, true, 1);
      newPos = extract(path, d);
      if (path.oldPos + 1 >= oldLen && newPos + 1 >= newLen) return path.last;
      best[offset + d] = path;
      if (path.oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, d - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, d + 1);
    }
  }
  return undefined;
}

function extend(path: Path, added: boolean, removed: boolean, oldStep: number): Path {
  const last = path.last;
  const last2 =
    last && last.added === added && last.removed === removed
      ? { count: last.count + 1, added, removed, previous: last.previous }
      : { count: 1, added, removed, previous: last };
  return { oldPos: path.oldPos + oldStep, last: last2 };
}

function runsOf<T>(
  last: Component | undefined,
  before: readonly T[],
  after: readonly T[],
): Run<T>[] {
  const components: Component[] = [];
  for (let c = last; c; c = c.previous) components.push(c);
  components.reverse();
  const runs: Run<T>[] = [];
  let oldPos = 0;
  let newPos = 0;
  for (const c of components) {
    if (c.removed) {
      runs.push({ op: "-", items: before.slice(oldPos, oldPos + c.count) });
      oldPos += c.count;
    } else {
      runs.push({ op: c.added ? "+" : "=", items: after.slice(newPos, newPos + c.count) });
      newPos += c.count;
      if (!c.added) oldPos += c.count;
    }
  }
  return runs;
}
