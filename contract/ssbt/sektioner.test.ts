import { describe, expect, it } from "vitest";
import { ContractViolation } from "../errors.js";
import { NS } from "../namespaces.js";
import { el } from "../xml/node.js";
import { FK_SEKTION } from "./sektioner.js";

const ns = NS.ssbt10;
const fk = (lefi: string) =>
  el(ns, "FK", [el(ns, "fraga", [el(ns, "aktorsid", ["026-51"]), el(ns, "lefiJsonFraga", [lefi])])], {
    inkludera: "true",
  });
const las = (lefi: string) => FK_SEKTION.lasFraga(fk(lefi), { version: "v10", ns, path: "/x/FK" });

describe("FK_SEKTION.lasFraga", () => {
  it("keeps base64 as it is, and base64 sent with line breaks without them", () => {
    expect(las("eyJhIjoxfQ==").fraga?.lefiJsonFraga).toBe("eyJhIjoxfQ==");
    expect(las("eyJh\n IjoxfQ==\r\n").fraga?.lefiJsonFraga).toBe("eyJhIjoxfQ==");
  });

  it("refuses what is no base64, with or without whitespace, naming the element", () => {
    for (const bad of ["eyJ", "ey J", "eyJhIjoxfQ=?", "e\u00e5JhIjoxfQ=="]) {
      const e = (() => {
        try {
          las(bad);
        } catch (x) {
          return x;
        }
      })();
      expect(e).toBeInstanceOf(ContractViolation);
      expect(e).toMatchObject({ rule: "xsd.base64Binary", path: "/x/FK/fraga/lefiJsonFraga" });
    }
  });
});
