import { describe, expect, it } from "vitest";
import { BoundedCounter, OVRIGT } from "./bounded-counter.js";
import { RingBuffer } from "./ring-buffer.js";

describe("RingBuffer", () => {
  it("keeps the last items, oldest first", () => {
    const r = new RingBuffer<number>(3);
    expect(r.toArray()).toEqual([]);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.length).toBe(3);
  });

  it("clears", () => {
    const r = new RingBuffer<string>(2);
    r.push("a");
    r.clear();
    expect(r.toArray()).toEqual([]);
    r.push("b");
    expect(r.toArray()).toEqual(["b"]);
  });

  it("refuses a capacity below 1", () => {
    expect(() => new RingBuffer(0)).toThrow(/Invalid trace capacity 0: pass a positive integer/);
  });
});

describe("BoundedCounter", () => {
  it("counts per key up to its capacity, then under övrigt", () => {
    const c = new BoundedCounter(2);
    c.add("b");
    c.add("a");
    c.add("a");
    c.add("c");
    c.add("d", 2);
    expect(c.toJSON()).toEqual({ a: 2, b: 1, [OVRIGT]: 3 });
    expect(c.size).toBe(3);
  });

  it("cuts long keys", () => {
    const c = new BoundedCounter();
    c.add("x".repeat(100));
    expect(Object.keys(c.toJSON())[0]).toHaveLength(40);
  });
});
