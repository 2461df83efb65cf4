import { describe, expect, it } from "vitest";
import { korMedOmforsok } from "./omforsok.js";

const race = () => new Error("Test failed …\n\t0) The following request was expected but not received: …");

describe("korMedOmforsok", () => {
  it("tries again after the mock server's bookkeeping race, when the test itself got through", async () => {
    let n = 0;
    await korMedOmforsok(async (klar) => {
      n++;
      klar();
      if (n < 2) throw race();
    });
    expect(n).toBe(2);
  });

  it("does not retry a real failure, nor a race when the test function did not finish", async () => {
    let n = 0;
    await expect(
      korMedOmforsok(async () => {
        n++;
        throw new Error("mismatch: expected SSBT-1004");
      }),
    ).rejects.toThrow("mismatch");
    await expect(
      korMedOmforsok(async () => {
        n++;
        throw race();
      }),
    ).rejects.toThrow("expected but not received");
    expect(n).toBe(2);
  });

  it("gives up after the last try", async () => {
    let n = 0;
    await expect(
      korMedOmforsok(async (klar) => {
        n++;
        klar();
        throw race();
      }, 3),
    ).rejects.toThrow("expected but not received");
    expect(n).toBe(3);
  });
});
