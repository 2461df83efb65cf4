import type { XmlElement } from "./xml/node.js";

/**
 * The models a simulator encoded its answers from, keyed by the encoded tree. In-process, SSBT's
 * client is handed the very tree the simulator built (`BastjanstSvar.parsedXml`); decoding it
 * strictly would only give that model back (every codec's round trip and every simulator's schema
 * validity are tested on their own), so the client takes the model instead of decoding the tree
 * and encoding it again. A tree changed on its way (a dialect, a parsed HTTP body) is another
 * object and is decoded as before. Weak: an answer's tree and model go with the answer.
 *
 * @example
 * const SVAR = new KodadeSvar<Svar>();
 * return { body: SVAR.minns(encodeSvar(svar), svar) }; // the simulator
 * const svar = SVAR.modell(body) ?? decodeSvar(body); // SSBT's client
 */
export class KodadeSvar<T extends object> {
  readonly #modeller = new WeakMap<XmlElement, T>();

  /** Remembers that `trad` was encoded from `modell` (which must not change afterwards); returns `trad`. */
  minns(trad: XmlElement, modell: T): XmlElement {
    this.#modeller.set(trad, modell);
    return trad;
  }

  /** The model `trad` was encoded from, when it is a remembered answer; read-only. */
  modell(trad: XmlElement): T | undefined {
    return this.#modeller.get(trad);
  }
}
