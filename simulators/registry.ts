import type { BastjanstKod } from "../contract/ssbt/model.js";
import { afSimulator } from "./af/index.js";
import type { BastjanstSimulator } from "./bastjanst.js";
import { csnSimulator } from "./csn/index.js";
import { fkSimulator } from "./fk/index.js";
import { mivSimulator } from "./miv/index.js";
import { skvSimulator } from "./skv/index.js";
import { soSimulator } from "./so/index.js";
import { tnsSimulator } from "./tns/index.js";

/** Every simulated bastjänst, by kod, in contract order. Add an eighth authority here. */
export const SIMULATORER: Readonly<Record<BastjanstKod, BastjanstSimulator>> = {
  AF: afSimulator,
  CSN: csnSimulator,
  FK: fkSimulator,
  SKV: skvSimulator,
  SO: soSimulator,
  TNS: tnsSimulator,
  MIV: mivSimulator,
};
