/**
 * Where the Bluesky session is kept between runs, so that a run every 30 minutes refreshes its
 * session instead of logging in (Bluesky locks an account for a day after about 100 logins). The
 * session holds tokens that act for the account, so it is never written in clear: the file is
 * encrypted with AES-256-GCM under a key derived (scrypt) from the app password, which lives only
 * in the repository's secrets. The file is meant for the Actions cache, never for a commit. A
 * file that cannot be read (another password, damage) counts as no session: the publisher logs in.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { AtpSessionData } from "@atproto/api";

/** The session saved for one account on one service. */
export interface StoredSession {
  readonly service: string;
  readonly identifier: string;
  readonly session: AtpSessionData;
}

export interface SessionStore {
  /** The saved session, or undefined when there is none or it cannot be read (with why). */
  load(): Promise<{ stored?: StoredSession; unreadable?: string }>;
  /** Saves the session; undefined forgets it (it expired or was revoked). */
  save(stored: StoredSession | undefined): Promise<void>;
}

/** A store that keeps the session for this process only: every run logs in once. */
export function memorySessionStore(): SessionStore {
  let kept: StoredSession | undefined;
  return {
    load: async () => (kept === undefined ? {} : { stored: kept }),
    save: async (stored) => {
      kept = stored;
    },
  };
}

const FORMAT = "crieur-bluesky-session";
const VERSION = 1;
const ASSOCIATED_DATA = Buffer.from(`${FORMAT} v${VERSION}`);

interface SealedFile {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  readonly salt: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

/** A store in one encrypted file at `path`, readable only with `secret` (the app password). */
export function encryptedFileSessionStore(path: string, secret: string): SessionStore {
  return {
    async load() {
      let raw: string;
      try {
        raw = await readFile(path, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
        return {
          unreadable: `the session file ${path} cannot be read (${(error as Error).message})`,
        };
      }
      const stored = open(raw, secret);
      return stored === undefined
        ? {
            unreadable: `the session file ${path} does not open with this app password (changed, or the file is damaged)`,
          }
        : { stored };
    },
    async save(stored) {
      if (stored === undefined) {
        await rm(path, { force: true });
        return;
      }
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(seal(stored, secret))}\n`, { mode: 0o600 });
      await rename(temporary, path);
    },
  };
}

export function seal(stored: StoredSession, secret: string): SealedFile {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(secret, salt), iv);
  cipher.setAAD(ASSOCIATED_DATA);
  const data = Buffer.concat([cipher.update(JSON.stringify(stored), "utf8"), cipher.final()]);
  return {
    format: FORMAT,
    version: VERSION,
    salt: salt.toString("base64"),
    iv: iv.toString("base64"),
    tag: cipher.getAuthTag().toString("base64"),
    data: data.toString("base64"),
  };
}

/** The stored session, or undefined when the text is not a sealed session this secret opens. */
export function open(raw: string, secret: string): StoredSession | undefined {
  try {
    const file = JSON.parse(raw) as Partial<SealedFile>;
    if (file.format !== FORMAT || file.version !== VERSION) return undefined;
    const salt = Buffer.from(String(file.salt), "base64");
    const decipher = createDecipheriv(
      "aes-256-gcm",
      deriveKey(secret, salt),
      Buffer.from(String(file.iv), "base64"),
    );
    decipher.setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(Buffer.from(String(file.tag), "base64"));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(String(file.data), "base64")),
      decipher.final(),
    ]).toString("utf8");
    const stored = JSON.parse(plain) as StoredSession;
    const session = stored.session;
    const complete =
      typeof stored.service === "string" &&
      typeof stored.identifier === "string" &&
      [session?.did, session?.handle, session?.accessJwt, session?.refreshJwt].every(
        (field) => typeof field === "string" && field !== "",
      );
    return complete ? stored : undefined;
  } catch {
    return undefined;
  }
}

function deriveKey(secret: string, salt: Buffer): Buffer {
  return scryptSync(secret, salt, 32);
}
