/** No key asked yet (a key of the caller's can never be this). */
const INGEN: unique symbol = Symbol("ingen");

/**
 * A memo of values computed from a key, for pure functions asked about the same few keys again and
 * again on the hot path (a calendar day's text, a payer's payment day, a Content-Type's parts). At
 * most `max` keys are kept, so a long-running process with ever new keys does not grow: a key beyond
 * that is computed each time. `berakna` must depend on the key alone.
 *
 * @example
 * const PARTS = new BegransatMinne<string, string[]>(256, (ct) => ct.split(";"));
 * PARTS.hamta("text/xml; charset=utf-8") // computed once, then remembered
 */
export class BegransatMinne<K, V> {
  private readonly varden = new Map<K, V>();
  // The key asked last, when remembered, and its value: runs of one key (a serialization's tags of
  // one namespace prefix) are then answered by one comparison instead of a Map lookup each.
  private senastNyckel: K | typeof INGEN = INGEN;
  private senastVarde: V | undefined;

  constructor(
    private readonly max: number,
    private readonly berakna: (nyckel: K) => V,
  ) {}

  hamta(nyckel: K): V {
    if (nyckel === this.senastNyckel) return this.senastVarde as V;
    const kand = this.varden.get(nyckel);
    if (kand !== undefined) {
      this.senastNyckel = nyckel;
      this.senastVarde = kand;
      return kand;
    }
    const v = this.berakna(nyckel);
    if (this.varden.size < this.max) this.varden.set(nyckel, v);
    return v;
  }

  /** How many keys are remembered. */
  get storlek(): number {
    return this.varden.size;
  }
}
