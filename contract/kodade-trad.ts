import type { XmlElement } from "./xml/node.js";

/**
 * The models trees were encoded from, keyed by the encoded tree. In-process, the receiving side is
 * handed the very tree the sender built (`parsedXml`): SSBT's client gets the simulator's answer,
 * a simulator SSBT's question. Decoding such an answer strictly would only give its model back
 * (every codec's round trip and every simulator's schema validity are tested on their own), so
 * the client takes the model instead of decoding the tree and encoding it again; a document sent
 * as text inside the tree (Skatteverket's `forfragan` and `svar`) need not be parsed back. A tree
 * changed on its way (a dialect, a parsed HTTP body) is another object and is read as before.
 *
 * Only the last tree is remembered: in-process the receiver reads a message before its sender
 * encodes the next one of the same kind, and a miss only costs the decode. A memory of one keeps
 * nothing alive beyond the next message; a WeakMap keyed by the trees kept every model alive until
 * a full collection (under load, four times the bytes promoted out of V8's young generation).
 *
 * @example
 * const SVAR = new KodadeTrad<Svar>();
 * return { body: SVAR.minns(encodeSvar(svar), svar) }; // the simulator
 * const svar = SVAR.modell(body) ?? decodeSvar(body); // SSBT's client
 */
export class KodadeTrad<T extends object> {
  #trad: XmlElement | undefined;
  #modell: T | undefined;

  /** Remembers that `trad` was encoded from `modell` (which must not change afterwards); returns `trad`. */
  minns(trad: XmlElement, modell: T): XmlElement {
    this.#trad = trad;
    this.#modell = modell;
    return trad;
  }

  /** The model `trad` was encoded from, when it is the tree remembered last; read-only. */
  modell(trad: XmlElement): T | undefined {
    return trad === this.#trad ? this.#modell : undefined;
  }
}
