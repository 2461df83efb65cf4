import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderaDokumentation } from "./dokumentation.js";

const DOCS = join(dirname(fileURLToPath(import.meta.url)), "../../docs/faltregler");
const STALE = "docs/faltregler is stale: run `npm run docs:faltregler` and commit the result.";

describe("docs/faltregler", () => {
  const sidor = renderaDokumentation();

  it("has exactly one page per table plus README.md", () => {
    const filer = readdirSync(DOCS)
      .filter((f) => f.endsWith(".md"))
      .sort();
    expect(filer, STALE).toEqual([...sidor.keys()].sort());
  });

  it.each([...sidor.keys()])("%s is generated from the current tables", (fil) => {
    expect(readFileSync(join(DOCS, fil), "utf8") === sidor.get(fil), `${fil}: ${STALE}`).toBe(true);
  });

  it("lists every field and cross-field rule by id", () => {
    const csn = sidor.get("csn-svar.md")!;
    expect(csn).toContain("`CSN.Studiemedel.Utbetalning.inomPeriod`");
    expect(sidor.get("ssbt-fraga.md")).toContain("`CSN.arendeidentitet.maxLength`");
    // ssbt/11: the SKV block errors, and the inherited rows of ssbt/10.
    const v11 = sidor.get("ssbt-v11-svar.md")!;
    expect(v11).toContain("`SSBT.svar.SKV.skatteuppgifter.error.felkod`");
    expect(v11).toContain('`"9071005"`');
    expect(v11).toContain("`SSBT.svar.CSN.data.svar`");
    expect(v11).toContain("Härledd från [ssbt-svar](ssbt-svar.md)");
  });
});
