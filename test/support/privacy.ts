import { expect } from "vitest";

/**
 * Every unmasked form of a 12-digit personidentitet: 12 digits, YYYYMMDD-NNNN, YYMMDD-NNNN and
 * the 10 digits YYMMDDNNNN.
 *
 * @example
 * unmaskedForms("199608239829") // ["199608239829", "19960823-9829", "960823-9829", "9608239829"]
 */
export function unmaskedForms(pid: string): string[] {
  if (!/^\d{12}$/.test(pid)) return [pid];
  return [pid, `${pid.slice(0, 8)}-${pid.slice(8)}`, `${pid.slice(2, 8)}-${pid.slice(8)}`, pid.slice(2)];
}

/** Asserts that no unmasked form of any of the personidentiteter occurs in `text`. */
export function expectNoPersonnummer(text: string, pids: readonly string[]): void {
  for (const pid of pids)
    for (const form of unmaskedForms(pid))
      expect(text.includes(form), `unmasked personidentitet ${form.slice(0, 6)}… found`).toBe(false);
}

/** An in-memory line sink for the event log; `records()` parses every JSON line. */
export function memoryDestination(): {
  write(line: string): void;
  lines: string[];
  records(): Record<string, unknown>[];
} {
  const lines: string[] = [];
  return {
    lines,
    write(line: string) {
      lines.push(line);
    },
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
