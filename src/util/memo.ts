/**
 * A bounded memo for work that repeats across comparisons (a parent plan's texts come back for
 * every child): two generations of at most `size` entries each. An entry read while the young
 * generation fills is carried into it, so what every comparison needs stays, and what one child
 * needed is dropped two generations later — memory stays bounded however long the run.
 */
export class Memo<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly size: number) {}

  get(key: K, make: (key: K) => V): V {
    let value = this.young.get(key);
    if (value !== undefined) return value;
    value = this.old.get(key) ?? make(key);
    if (this.young.size >= this.size) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return value;
  }
}
