import { describe, expect, it } from "vitest";
import { formatSoak, runSoak } from "./soak.js";

describe("npm run soak (20-second smoke run)", () => {
  it("offers a steady rate with rotating faults: every request is answered or refused, none lost", async () => {
    const r = await runSoak({ rate: 25, durationS: 20, sampleEveryS: 5 });
    expect(r.sent).toBeGreaterThanOrEqual(480);
    expect(r.complete + r.expectedFaults + r.refused + r.lost).toBe(r.sent);
    expect(r.lost, r.lostSamples.join("; ")).toBe(0);
    expect(r.expectedFaults).toBeGreaterThan(0); // the rotation reached the answers
    expect(r.rssMb.length).toBeGreaterThanOrEqual(3);
    const text = formatSoak(r);
    expect(text).toMatch(
      /sent \d+: complete answers \d+, answers with expected fault sections \d+, refused \(503 SSBT-3001\) \d+, lost 0/,
    );
    expect(text).toContain("server RSS (MB, every sample)");
    expect(r.serverSummary).toContain("On the wire (arrival → last byte sent)");
  }, 120_000);
});
