/**
 * The Ed25519 key an evidence bundle is signed with: a PEM private key the user passes
 * (`--key FILE`), or a per-user key created once in the user's config folder. Nothing here reads
 * the environment: the CLI passes the folder in ({@link defaultKeyDir}).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HarnessError } from "../../contract/errors.js";

/** The file name of the per-user key in its folder. */
export const USER_KEY_FILE = "evidence-ed25519.pem";

/** A key pair ready to sign, with what a reader needs to check it. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as PEM (SubjectPublicKeyInfo). */
  publicKeyPem: string;
  /** `sha256:<hex>` of the public key's DER (SPKI) bytes. */
  fingerprint: string;
  /** Where the private key came from. */
  path: string;
  /** True when the per-user key was created by this call (print its public key once). */
  created: boolean;
}

/**
 * The folder of the per-user key: `$XDG_CONFIG_HOME/ssbtek-harness`, else `~/.config/ssbtek-harness`.
 *
 * @example
 * defaultKeyDir({ XDG_CONFIG_HOME: "/tmp/cfg" }, "/home/me") // "/tmp/cfg/ssbtek-harness"
 * defaultKeyDir({}, "/home/me") // "/home/me/.config/ssbtek-harness"
 */
export function defaultKeyDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  return join(xdg ? xdg : join(home, ".config"), "ssbtek-harness");
}

/**
 * `sha256:<hex>` of a public key's DER (SPKI) encoding: what a certificate shows and a reader
 * compares with the fingerprint they were given.
 *
 * @example
 * keyFingerprint(createPublicKey(pem)) // "sha256:4f1c…"
 */
export function keyFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: "spki", format: "der" });
  return `sha256:${createHash("sha256").update(der).digest("hex")}`;
}

function fromPrivate(privateKey: KeyObject, path: string, created: boolean): SigningKey {
  if (privateKey.asymmetricKeyType !== "ed25519")
    throw new HarnessError(
      "BAD_KEY",
      `The key ${path} is a ${privateKey.asymmetricKeyType ?? "unknown"} key: evidence is signed with Ed25519. Create one with \`openssl genpkey -algorithm ed25519 -out key.pem\`.`,
    );
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    fingerprint: keyFingerprint(publicKey),
    path,
    created,
  };
}

function readPrivate(path: string, created: boolean): SigningKey {
  let pem: string;
  try {
    pem = readFileSync(path, "utf8");
  } catch (e) {
    throw new HarnessError(
      "BAD_KEY",
      `Cannot read the signing key ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Pass --key with a PEM Ed25519 private key.`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new HarnessError(
      "BAD_KEY",
      `${path} is not a PEM private key. Pass --key with a PEM Ed25519 private key (\`openssl genpkey -algorithm ed25519 -out key.pem\`).`,
    );
  }
  return fromPrivate(key, path, created);
}

/**
 * The signing key: `keyFile` when given (a PEM Ed25519 private key), else the per-user key in
 * `keyDir`, created there (mode 0600) the first time.
 *
 * @example
 * const key = loadSigningKey({ keyDir: defaultKeyDir(process.env, os.homedir()) });
 * if (key.created) console.error(`New signing key; public key:\n${key.publicKeyPem}`);
 */
export function loadSigningKey(o: { keyFile?: string; keyDir: string }): SigningKey {
  if (o.keyFile) return readPrivate(o.keyFile, false);
  const path = join(o.keyDir, USER_KEY_FILE);
  try {
    return readPrivate(path, false);
  } catch (e) {
    if (!(e instanceof HarnessError) || !/ENOENT/.test(e.message)) throw e;
  }
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  try {
    mkdirSync(o.keyDir, { recursive: true, mode: 0o700 });
    // "wx": a key another run created meanwhile is kept, never overwritten.
    writeFileSync(path, pem, { mode: 0o600, flag: "wx" });
    chmodSync(path, 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return readPrivate(path, false);
    throw new HarnessError(
      "BAD_KEY",
      `Cannot create the signing key ${path}: ${code ?? (e as Error).message}. Pass --key with a PEM Ed25519 private key.`,
    );
  }
  return fromPrivate(privateKey, path, true);
}

/**
 * A public key from text: PEM (SPKI, or a private key whose public half is meant), or base64 DER SPKI.
 * Throws a HarnessError for anything else.
 *
 * @example
 * parsePublicKey(readFileSync("signer.pub.pem", "utf8")).asymmetricKeyType // "ed25519"
 */
export function parsePublicKey(text: string, source = "the public key"): KeyObject {
  let key: KeyObject;
  try {
    const t = text.trim();
    key = t.startsWith("-----")
      ? createPublicKey(t)
      : createPublicKey({ key: Buffer.from(t, "base64"), format: "der", type: "spki" });
  } catch {
    throw new HarnessError(
      "BAD_KEY",
      `${source} is not a public key: pass a PEM public key (the one certify printed, or evidence.json's publicKey).`,
    );
  }
  if (key.asymmetricKeyType !== "ed25519")
    throw new HarnessError(
      "BAD_KEY",
      `${source} is a ${key.asymmetricKeyType} key: evidence is signed with Ed25519.`,
    );
  return key;
}
