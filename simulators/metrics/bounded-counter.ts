/** Key that collects every count beyond a {@link BoundedCounter}'s capacity. */
export const OVRIGT = "övrigt";

/**
 * Counts per key (e.g. per felkod) with a fixed maximum number of distinct keys: once full, new
 * keys are counted under {@link OVRIGT}. Keys are cut to 40 characters. Felkoder come from
 * upstream systems, so without a bound their variety could grow memory without end.
 *
 * @example
 * const c = new BoundedCounter(2);
 * c.add("SSBT-2001"); c.add("SSBT-2002"); c.add("-1005");
 * c.toJSON() // { "SSBT-2001": 1, "SSBT-2002": 1, "övrigt": 1 }
 */
export class BoundedCounter {
  private readonly counts = new Map<string, number>();

  constructor(readonly capacity = 64) {}

  /** Adds `n` (default 1) to `key`. */
  add(key: string, n = 1): void {
    const k = key.slice(0, 40);
    const target = this.counts.has(k) || this.counts.size < this.capacity ? k : OVRIGT;
    this.counts.set(target, (this.counts.get(target) ?? 0) + n);
  }

  /** Number of distinct keys held (≤ capacity + 1). */
  get size(): number {
    return this.counts.size;
  }

  /** Counts as a plain object, keys sorted. */
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  clear(): void {
    this.counts.clear();
  }
}
