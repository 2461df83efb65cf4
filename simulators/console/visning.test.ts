import { describe, expect, it } from "vitest";
import { visaMeddelande } from "./visning.js";

const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("visaMeddelande", () => {
  it("pretty-prints XML and opens base64 XML, base64 JSON and XML in a string in place", () => {
    const inre =
      '<?xml version="1.0"?><csn:Svar xmlns:csn="urn:csn"><csn:pnr>199608239829</csn:pnr></csn:Svar>';
    const json = JSON.stringify({ personnummer: "199608239829", period: { from: "2026-01-01" } });
    const skv = "&lt;Svar&gt;&lt;Id&gt;19960823-9829&lt;/Id&gt;&lt;/Svar&gt;";
    const text = `<a><svar>${b64(inre)}</svar><lefi>${b64(json)}</lefi><skv>${skv}</skv><b/></a>`;
    expect(visaMeddelande(text)).toBe(
      [
        "<a>",
        "  <svar>",
        "    <!-- base64, avkodad: XML -->",
        '    <?xml version="1.0"?>',
        '    <csn:Svar xmlns:csn="urn:csn">',
        "      <csn:pnr>19960823-****</csn:pnr>",
        "    </csn:Svar>",
        "  </svar>",
        "  <lefi>",
        "    <!-- base64, avkodad: JSON -->",
        "    {",
        '      "personnummer": "19960823-****",',
        '      "period": {',
        '        "from": "2026-01-01"',
        "      }",
        "    }",
        "  </lefi>",
        "  <skv>",
        "    <!-- XML i texten -->",
        "    <Svar>",
        "      <Id>19960823-****</Id>",
        "    </Svar>",
        "  </skv>",
        "  <b/>",
        "</a>",
      ].join("\n"),
    );
  });

  it("hides a long base64 value that is neither XML nor JSON: masking cannot see inside it", () => {
    const blob = b64(`binary ${"\u0001".repeat(40)} 199608239829`);
    const out = visaMeddelande(`<a><x>${blob}</x></a>`);
    expect(out).toMatch(/<x>\[base64, \d+ byte, visas inte\]<\/x>/);
    expect(out).not.toContain(blob);
  });

  it("masks every spelling, in JSON bodies and plain text too", () => {
    expect(visaMeddelande('{"a":"9608239829","b":"960823-9829","c":199608239829}')).toBe(
      '{\n  "a": "960823-****",\n  "b": "960823-****",\n  "c": 19960823-****\n}',
    );
    expect(visaMeddelande("personnummer 19960823-9829 saknas")).toBe("personnummer 19960823-**** saknas");
  });

  it("never throws on broken input and cuts very large bodies", () => {
    expect(visaMeddelande("<a><b>unclosed")).toContain("unclosed");
    expect(visaMeddelande(new Uint8Array([0xff, 0xfe, 0x3c]))).toBeTypeOf("string");
    const stor = visaMeddelande(`<a>${"x".repeat(400_000)}</a>`);
    expect(stor.length).toBeLessThan(300_000);
    expect(stor).toMatch(/tecken till visas inte\)$/);
  });
});
