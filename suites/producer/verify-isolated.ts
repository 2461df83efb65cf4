/**
 * The Pact verifier in a child process whose output goes to a log file: pact_ffi prints its
 * verification text (with ANSI colours) straight to the process's stdout, which a CLI that
 * shows a summary — or prints JSON — cannot have.
 */
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HarnessError } from "../../contract/errors.js";
import type { VerifyProviderOptions, VerifyResult } from "./verify.js";

/** The child's entry: this file itself, run with `--child`. */
const SELF = fileURLToPath(import.meta.url);

/**
 * {@link verifyProvider} in a child process; everything the verifier prints goes to `logFile`.
 *
 * @example
 * const r = await verifyProviderIsolated({ pactFiles: [fil], providerBaseUrl }, "reports/out/pact-verifier.log");
 */
export async function verifyProviderIsolated(
  o: VerifyProviderOptions,
  logFile: string,
): Promise<VerifyResult> {
  const tmp = mkdtempSync(join(tmpdir(), "ssbtek-verify-"));
  const input = join(tmp, "options.json");
  const output = join(tmp, "result.json");
  writeFileSync(input, JSON.stringify(o));
  const log = openSync(logFile, "w");
  try {
    // Source (.ts) needs tsx's loader; the built package (.js) runs as it is.
    const args = SELF.endsWith(".ts") ? ["--import", import.meta.resolve("tsx"), SELF] : [SELF];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [...args, "--child", input, output], {
        stdio: ["ignore", log, log],
        env: { ...process.env, PACT_DO_NOT_TRACK: "true" },
      });
      child.once("error", reject);
      child.once("close", resolve);
    });
    let text: string;
    try {
      text = readFileSync(output, "utf8");
    } catch {
      throw new HarnessError(
        "VERIFIER_FAILED",
        `The Pact verifier stopped (exit ${code}) without a result: see ${logFile}.`,
      );
    }
    const r = JSON.parse(text) as VerifyResult | { error: { code: string; message: string } };
    if ("error" in r) throw new HarnessError(r.error.code, r.error.message);
    return r;
  } finally {
    closeSync(log);
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function child(input: string, output: string): Promise<void> {
  const { verifyProvider } = await import("./verify.js");
  const { isHarnessError } = await import("../../contract/errors.js");
  try {
    const r = await verifyProvider(JSON.parse(readFileSync(input, "utf8")) as VerifyProviderOptions);
    writeFileSync(output, JSON.stringify(r));
  } catch (e) {
    writeFileSync(
      output,
      JSON.stringify({
        error: {
          code: isHarnessError(e) ? e.code : "VERIFIER_FAILED",
          message: (e as Error).message ?? String(e),
        },
      }),
    );
  }
}

const i = process.argv.indexOf("--child");
if (i >= 0 && process.argv[1] === SELF) await child(process.argv[i + 1]!, process.argv[i + 2]!);
