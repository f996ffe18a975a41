import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);

// src/publishers/bluesky-session.ts
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
function memorySessionStore() {
  let kept;
  return {
    load: async () => kept === void 0 ? {} : { stored: kept },
    save: async (stored) => {
      kept = stored;
    }
  };
}
var FORMAT = "crieur-bluesky-session";
var VERSION = 1;
var ASSOCIATED_DATA = Buffer.from(`${FORMAT} v${VERSION}`);
function encryptedFileSessionStore(path, secret) {
  return {
    async load() {
      let raw;
      try {
        raw = await readFile(path, "utf8");
      } catch (error) {
        if (error.code === "ENOENT") return {};
        return {
          unreadable: `the session file ${path} cannot be read (${error.message})`
        };
      }
      const stored = open(raw, secret);
      return stored === void 0 ? {
        unreadable: `the session file ${path} does not open with this app password (changed, or the file is damaged)`
      } : { stored };
    },
    async save(stored) {
      if (stored === void 0) {
        await rm(path, { force: true });
        return;
      }
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(seal(stored, secret))}
`, { mode: 384 });
      await rename(temporary, path);
    }
  };
}
function seal(stored, secret) {
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
    data: data.toString("base64")
  };
}
function open(raw, secret) {
  try {
    const file = JSON.parse(raw);
    if (file.format !== FORMAT || file.version !== VERSION) return void 0;
    const salt = Buffer.from(String(file.salt), "base64");
    const decipher = createDecipheriv(
      "aes-256-gcm",
      deriveKey(secret, salt),
      Buffer.from(String(file.iv), "base64")
    );
    decipher.setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(Buffer.from(String(file.tag), "base64"));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(String(file.data), "base64")),
      decipher.final()
    ]).toString("utf8");
    const stored = JSON.parse(plain);
    const session = stored.session;
    const complete = typeof stored.service === "string" && typeof stored.identifier === "string" && [session?.did, session?.handle, session?.accessJwt, session?.refreshJwt].every(
      (field) => typeof field === "string" && field !== ""
    );
    return complete ? stored : void 0;
  } catch {
    return void 0;
  }
}
function deriveKey(secret, salt) {
  return scryptSync(secret, salt, 32);
}

export {
  memorySessionStore,
  encryptedFileSessionStore,
  seal,
  open
};
