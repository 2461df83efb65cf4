import { isPromiseLike } from "../endpoint.js";

/**
 * Most computations in one run before their answers are written. Longer runs save a little more
 * CPU but make the first answers of a run wait for the last: interleaved in one server at 32
 * connections, runs of 4 gave the best p99 (40.8 and 41.3 ms, against 46–56 ms for runs of 8, 16
 * or unbounded, and 52 ms for 1 and 2) at the same rate (1 950–2 060 answers/s).
 */
export const TURN_RUN = 4;

/**
 * Runs the computations of the requests read in one event-loop turn one after another, and holds
 * their answers' writes until the last of them is done.
 *
 * Why: on this kind of host (a virtual machine whose kernel entries flush the TLB), the same chain
 * code ran at twice the CPU per answer behind node:http as in a loop in the same process, with the
 * same JIT state: a request's reads and writes are system calls, and the computation after each one
 * starts cold. node:http computes each request as soon as it is read and writes its answer at
 * once, so every computation followed a system call. Here the reads of a turn come first (node's
 * poll phase), then the computations back to back (one `setImmediate`), up to {@link TURN_RUN}
 * of them, then their writes (docs/performance.md, item 29). The requests are computed in the
 * order they were read.
 *
 * A computation that waits for something outside the process (a timer of the timing layer, a real
 * upstream) does not hold the others: at the next turn the queue goes on without it, and its answer
 * is written when it comes.
 *
 * @example
 * const turns = new Turns();
 * const outcome = await turns.compute(() => endpoint(request));
 * await turns.writeTurn(); // undefined (no wait) when no run is under way
 * res.end(body);
 */
export class Turns {
  private readonly queue: (() => unknown)[] = [];
  private head = 0;
  /** A run is under way: computations go on one after another, writes wait. */
  private running = false;
  private scheduled = false;
  /** The computation the run waits for (0: none; a later settle of an earlier one is ignored). */
  private current = 0;
  private seq = 0;
  private writes: (() => void)[] = [];
  /** Computations in the current run so far. */
  private inRun = 0;

  /** @param perRun Most computations in one run before its answers are written (default {@link TURN_RUN}). */
  constructor(private readonly perRun = TURN_RUN) {}

  /**
   * Computes `fn()` in its turn: after the computations read before it, in the next run. Resolves
   * (or rejects) with what `fn` returns (or throws).
   */
  compute<T>(fn: () => T | PromiseLike<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        try {
          const r = fn();
          resolve(r);
          return r;
        } catch (e) {
          reject(e);
          return undefined;
        }
      });
      if (!this.running && !this.scheduled) {
        this.scheduled = true;
        setImmediate(this.run);
      }
    });
  }

  /** While a run is under way, a promise that resolves when it ends; otherwise undefined (write now). */
  writeTurn(): Promise<void> | undefined {
    return this.running ? new Promise<void>((r) => this.writes.push(r)) : undefined;
  }

  /** Computations waiting for their turn (the current one not counted). */
  get waiting(): number {
    return this.queue.length - this.head;
  }

  private readonly run = (): void => {
    this.scheduled = false;
    this.running = true;
    this.inRun = 0;
    this.next();
    // Still running after this turn's microtasks: a computation waits for a timer or I/O.
    if (this.running) setImmediate(this.release);
  };

  private next(): void {
    if (this.head >= this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
      this.end();
      return;
    }
    if (this.inRun >= this.perRun) {
      // The run's answers go out now; the rest is computed in the next turn, after that turn's reads.
      this.end();
      this.scheduled = true;
      setImmediate(this.run);
      return;
    }
    this.inRun += 1;
    const job = this.queue[this.head] as () => unknown;
    this.queue[this.head++] = undefined as never;
    const id = ++this.seq;
    this.current = id;
    const settled = () => {
      if (this.current === id) this.next();
    };
    const r = job();
    if (isPromiseLike(r)) r.then(settled, settled);
    else settled();
  }

  /** A computation did not settle within its turn: let it finish alone, write what is done, go on. */
  private readonly release = (): void => {
    if (!this.running) return;
    this.current = 0;
    this.end();
    if (this.head < this.queue.length) this.run();
  };

  private end(): void {
    this.running = false;
    const writes = this.writes;
    this.writes = [];
    for (const w of writes) w();
  }
}
