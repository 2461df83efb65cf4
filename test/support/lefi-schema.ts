import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { readReference } from "./reference.js";

const SPEC = "ssbtek-v10/contract/se/forsakringskassan/schema/lefi/lefi-formansinformation-v9.openapi.yaml";
const cache = new Map<string, ValidateFunction>();

/**
 * A JSON-schema validator for one schema of the LEFI v9 OpenAPI spec (read from ../shared/reference
 * at test time), e.g. "LefiExternFormansinformationSvar".
 */
export function lefiValidator(schemaName: string): ValidateFunction {
  let v = cache.get(schemaName);
  if (!v) {
    const doc = parse(readReference(SPEC)) as { components: { schemas: Record<string, unknown> } };
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    // OpenAPI 3.0 number formats are not JSON-schema formats.
    ajv.addFormat("double", true);
    ajv.addFormat("float", true);
    ajv.addFormat("int32", true);
    ajv.addFormat("int64", true);
    ajv.addSchema({ $id: "lefi", components: doc.components });
    v = ajv.getSchema(`lefi#/components/schemas/${schemaName}`);
    if (!v) throw new Error(`No schema ${schemaName} in the LEFI spec`);
    cache.set(schemaName, v);
  }
  return v;
}
