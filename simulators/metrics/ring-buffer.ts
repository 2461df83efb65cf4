import { HarnessError } from "../../contract/errors.js";

/**
 * A fixed-capacity ring buffer: keeps the last `capacity` items, dropping the oldest. Memory is
 * bounded by construction, which is what the privacy rules ask of any history we keep.
 *
 * @example
 * const r = new RingBuffer<number>(2);
 * r.push(1); r.push(2); r.push(3);
 * r.toArray() // [2, 3]
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private next = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new HarnessError(
        "BAD_OPTION",
        `Invalid trace capacity ${capacity}: pass a positive integer (the number of masked traces to keep).`,
      );
    this.items = new Array<T | undefined>(capacity).fill(undefined);
  }

  /** Adds an item, overwriting the oldest when full. */
  push(item: T): void {
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size += 1;
  }

  /** Number of items held (≤ capacity). */
  get length(): number {
    return this.size;
  }

  /** The items, oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    const start = (this.next - this.size + this.capacity) % this.capacity;
    for (let i = 0; i < this.size; i++) out.push(this.items[(start + i) % this.capacity] as T);
    return out;
  }

  /** Empties the buffer (and drops the references, so nothing lingers in memory). */
  clear(): void {
    this.items.fill(undefined);
    this.next = 0;
    this.size = 0;
  }
}
