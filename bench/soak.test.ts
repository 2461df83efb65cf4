import { describe, expect, it } from "vitest";
import { formatSoak, runSoak } from "./soak.js";

describe("npm run soak (20-second smoke run)", () => {
  it("offers a steady rate with rotating faults: every request is answered or refused, none lost", async () => {
    const r = await runSoak({ rate: 25, durationS: 20, sampleEveryS: 5, warmupS: 2 });
    expect(r.sent).toBe(500); // open loop: the schedule, whatever the answers did
    expect(r.complete + r.expectedFaults + r.refused + r.lost).toBe(r.sent);
    expect(r.lost, r.lostSamples.join("; ")).toBe(0);
    expect(r.expectedFaults).toBeGreaterThan(0); // the rotation reached the answers
    expect(r.rssMb.length).toBeGreaterThanOrEqual(3);
    expect(r.machine.cores).toBeGreaterThan(0);
    expect(r.machine.serverCpu).toBeGreaterThan(0);
    const text = formatSoak(r);
    expect(text).toMatch(
      /sent 500: complete answers \d+, answers with expected fault sections \d+, refused \(503 SSBT-3001\) \d+, lost 0/,
    );
    expect(text).toContain("server RSS (MB, every sample)");
    expect(text).toMatch(/machine: \d+ cores, load average [\d.]+ at start/);
    expect(text).toMatch(/0 lost +met \(0\)/);
    expect(text).toMatch(/verdict: (PASS|FAIL)/);
    expect(r.serverSummary).toContain("On the wire (arrival → last byte sent)");
  }, 120_000);
});
