// The Compound File Binary container (OLE2) that .doc and Word-compatible .wps files are stored in,
// checked before any library walks it: a crafted file whose sector chains loop sends a naive
// reader (word-extractor's among them) round the loop forever, growing memory until the process
// dies. Every chain a reader follows is walked here once, bounded by the number of sectors the
// file really holds.

/** The eight bytes every compound file starts with. */
export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const HEADER_SIZE = 512;
/** Sector ids at or above this are markers: free, end of chain, FAT sector, DIFAT sector. */
const MAX_REGULAR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;
const DIR_ENTRY_SIZE = 128;
const MINI_SECTOR_SIZE = 64;
const MINI_CUTOFF = 4096;
const TYPE_STORAGE = 1;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

/** A stream of the container, by its name, with its bytes as the chains give them. */
export interface CfbFile {
  /** Names of the streams and storages under the root, in directory order. */
  names: string[];
  /** The bytes of a stream directly under the root, or null if there is none of that name. */
  stream(name: string): Uint8Array | null;
}

/** True when the bytes start like a compound file. */
export function isCfb(bytes: Uint8Array): boolean {
  return CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Checks a compound file's header, FAT, mini FAT, directory chain, directory tree and every
 * stream's chain (in range, no loops, no sector shared by two chains of one table), and gives
 * access to its root streams. Throws a plain Error saying what is wrong.
 */
export function readCfb(bytes: Uint8Array): CfbFile {
  if (bytes.length < HEADER_SIZE || !isCfb(bytes)) throw new Error("not a compound file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const shift = u16(30);
  if (shift !== 9 && shift !== 12) throw new Error(`unusual sector size 2^${shift}`);
  if (u16(32) !== 6) throw new Error("unusual mini sector size");
  if (u32(56) !== MINI_CUTOFF) throw new Error("unusual mini stream cutoff");
  const size = 1 << shift;
  const perSector = size / 4;
  const sectors = Math.ceil((bytes.length - size) / size);
  if (sectors <= 0) throw new Error("no sectors (truncated)");
  const sector = (id: number): Uint8Array => {
    const start = (id + 1) * size;
    if (id >= sectors || start >= bytes.length)
      throw new Error(`sector ${id} lies past the end (truncated)`);
    return bytes.subarray(start, Math.min(start + size, bytes.length));
  };
  const word = (data: Uint8Array, k: number): number =>
    k * 4 + 4 <= data.length
      ? new DataView(data.buffer, data.byteOffset).getUint32(k * 4, true)
      : FREE;

  // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain.
  const fatCount = u32(44);
  if (fatCount === 0 || fatCount > sectors) throw new Error(`declares ${fatCount} FAT sectors`);
  const fatSectors: number[] = [];
  for (let k = 0; k < 109 && fatSectors.length < fatCount; k++) fatSectors.push(u32(76 + k * 4));
  const difatCount = u32(72);
  if (difatCount > sectors) throw new Error(`declares ${difatCount} DIFAT sectors`);
  let difat = u32(68);
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatCount) {
    if (difat > MAX_REGULAR || seenDifat.has(difat) || seenDifat.size >= difatCount) {
      throw new Error("damaged DIFAT chain");
    }
    seenDifat.add(difat);
    const data = sector(difat);
    for (let k = 0; k < perSector - 1 && fatSectors.length < fatCount; k++) {
      fatSectors.push(word(data, k));
    }
    difat = word(data, perSector - 1);
  }
  // word-extractor follows the DIFAT chain as many times as the header says.
  if (difatCount > seenDifat.size && fatCount > 109) throw new Error("damaged DIFAT chain");
  const fat = new Uint32Array(fatCount * perSector).fill(FREE);
  fatSectors.forEach((id, k) => {
    if (id > MAX_REGULAR) throw new Error("damaged FAT sector list");
    const data = sector(id);
    for (let j = 0; j < perSector; j++) fat[k * perSector + j] = word(data, j);
  });

  /** Follows a chain in `table`, refusing loops, ids out of range and sectors used twice. */
  const chain = (
    table: Uint32Array,
    start: number,
    limit: number,
    used: Set<number>,
    what: string,
  ) => {
    const ids: number[] = [];
    for (let id = start; id !== END_OF_CHAIN; id = table[id] ?? FREE) {
      if (id > MAX_REGULAR) throw new Error(`damaged chain of ${what}`);
      if (id >= limit) throw new Error(`chain of ${what} runs past the end (truncated)`);
      if (used.has(id)) throw new Error(`chain of ${what} loops or overlaps another`);
      used.add(id);
      ids.push(id);
    }
    return ids;
  };
  const usedFat = new Set<number>([...fatSectors, ...seenDifat]);
  const read = (ids: number[], unit: (id: number) => Uint8Array, length: number): Uint8Array => {
    const out = new Uint8Array(Math.min(length, ids.length * 4096));
    let at = 0;
    for (const id of ids) {
      if (at >= out.length) break;
      const part = unit(id).subarray(0, out.length - at);
      out.set(part, at);
      at += part.length;
    }
    if (at < length) throw new Error("a stream is shorter than its size (truncated)");
    return out;
  };

  const dirIds = chain(fat, u32(48), sectors, usedFat, "the directory");
  const dir = read(dirIds, sector, dirIds.length * size);
  const dirView = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const count = Math.floor(dir.length / DIR_ENTRY_SIZE);
  const entry = (i: number) => {
    const at = i * DIR_ENTRY_SIZE;
    const nameBytes = Math.min(64, Math.max(0, dirView.getUint16(at + 64, true) - 2));
    return {
      name: new TextDecoder("utf-16le").decode(dir.subarray(at, at + nameBytes)),
      type: dir[at + 66] ?? 0,
      left: dirView.getUint32(at + 68, true),
      right: dirView.getUint32(at + 72, true),
      child: dirView.getUint32(at + 76, true),
      start: dirView.getUint32(at + 116, true),
      size: dirView.getUint32(at + 120, true),
    };
  };
  const root = entry(0);
  if (count === 0 || root.type !== TYPE_ROOT) throw new Error("no root directory entry");

  // The directory tree: every id in range, every entry reached once (word-extractor recurses).
  const reached = new Set<number>([0]);
  const rootNames: { name: string; id: number }[] = [];
  const storages = [0];
  for (let storage = storages.pop(); storage !== undefined; storage = storages.pop()) {
    const pending = [entry(storage).child];
    const underRoot = storage === 0;
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      if (id === NO_STREAM) continue;
      if (id >= count || reached.has(id)) throw new Error("damaged directory tree");
      reached.add(id);
      const e = entry(id);
      if (underRoot) rootNames.push({ name: e.name, id });
      if (e.type === TYPE_STORAGE) storages.push(id);
      pending.push(e.right, e.left);
    }
  }
  rootNames.sort((p, q) => p.id - q.id);

  // The mini stream (in the root entry's chain) and the mini FAT.
  const miniStream = read(
    chain(
      fat,
      root.start === NO_STREAM ? END_OF_CHAIN : root.start,
      sectors,
      usedFat,
      "the mini stream",
    ),
    sector,
    root.size,
  );
  const miniFatIds = chain(
    fat,
    u32(60) === NO_STREAM ? END_OF_CHAIN : u32(60),
    sectors,
    usedFat,
    "the mini FAT",
  );
  if (miniFatIds.length !== u32(64)) throw new Error("damaged mini FAT");
  const miniFatBytes = read(miniFatIds, sector, miniFatIds.length * size);
  const miniFat = new Uint32Array(miniFatBytes.length / 4);
  for (let k = 0; k < miniFat.length; k++) miniFat[k] = word(miniFatBytes, k);
  const miniSectors = Math.floor(miniStream.length / MINI_SECTOR_SIZE);
  const miniSector = (id: number) =>
    miniStream.subarray(id * MINI_SECTOR_SIZE, (id + 1) * MINI_SECTOR_SIZE);

  // Every stream's chain, checked once; their bytes read on demand.
  const usedMini = new Set<number>();
  const chains = new Map<number, number[]>();
  for (const id of [...reached].sort((p, q) => p - q)) {
    const e = entry(id);
    if (e.type !== TYPE_STREAM || e.size === 0) continue;
    chains.set(
      id,
      e.size < MINI_CUTOFF
        ? chain(miniFat, e.start, miniSectors, usedMini, `stream ${e.name}`)
        : chain(fat, e.start, sectors, usedFat, `stream ${e.name}`),
    );
    const unit = e.size < MINI_CUTOFF ? MINI_SECTOR_SIZE : size;
    if ((chains.get(id)?.length ?? 0) * unit < e.size) {
      throw new Error(`stream ${e.name} is shorter than its size (truncated)`);
    }
  }

  return {
    names: rootNames.map((n) => n.name),
    stream(name) {
      const found = rootNames.find((n) => n.name === name);
      if (found === undefined) return null;
      const e = entry(found.id);
      if (e.type !== TYPE_STREAM) return null;
      const ids = chains.get(found.id) ?? [];
      return read(ids, e.size < MINI_CUTOFF ? miniSector : sector, e.size);
    },
  };
}
