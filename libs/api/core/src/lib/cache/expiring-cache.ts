/**
 * A small in-process cache whose entries live at most `ttlMs` (0 turns it off: nothing is kept). Its owner drops
 * entries when the data behind them changes, on this instance and, through a cluster event, on the others; the
 * lifetime bounds how stale an entry can be if such a message is lost (Redis away) or the data is changed behind
 * the API's back. At most `maxEntries` are held: the oldest goes first.
 *
 * What was read before a drop must not be stored after it (a sign-out while a request was reading its session):
 * take `mark` before reading, and pass it to `set`, which then stores nothing if anything was dropped since.
 */
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  private drops = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Changes whenever an entry is dropped on purpose (not when one expires or makes room). */
  get mark(): number {
    return this.drops;
  }

  /** Stores `value` for the lifetime from now; with `mark`, only if nothing was dropped since it was taken. */
  set(key: K, value: V, mark?: number): void {
    if (this.ttlMs <= 0 || (mark !== undefined && mark !== this.drops)) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
  }

  delete(key: K): void {
    this.drops++;
    this.entries.delete(key);
  }

  /** Drops every entry `matches` picks (a session's, a person's). */
  deleteWhere(matches: (value: V, key: K) => boolean): void {
    this.drops++;
    for (const [key, entry] of this.entries) if (matches(entry.value, key)) this.entries.delete(key);
  }

  clear(): void {
    this.drops++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The values of `keys` (each once), those not held read together by `load` and kept (unless something was dropped
   * meanwhile): a batch lookup through the cache. Keys `load` does not return are absent, and not kept.
   */
  async getMany(keys: readonly K[], load: (missing: K[]) => Promise<Array<[K, V]>>): Promise<Map<K, V>> {
    const found = new Map<K, V>();
    const missing: K[] = [];
    for (const key of new Set(keys)) {
      const value = this.get(key);
      if (value === undefined) missing.push(key);
      else found.set(key, value);
    }
    if (missing.length > 0) {
      const mark = this.mark;
      for (const [key, value] of await load(missing)) {
        found.set(key, value);
        this.set(key, value, mark);
      }
    }
    return found;
  }
}
