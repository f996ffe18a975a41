import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encryptedFileSessionStore, open, type StoredSession, seal } from "./bluesky-session.js";

const secret = "abcd-efgh-ijkl-mnop";
const stored: StoredSession = {
  service: "https://bsky.social",
  identifier: "news.bsky.social",
  session: {
    did: "did:plc:abcdefghijklmnopqrstuvwx",
    handle: "news.bsky.social",
    accessJwt: "eyJhbGciOi.access-token.sig",
    refreshJwt: "eyJhbGciOi.refresh-token.sig",
    active: true,
  },
};

describe("seal and open", () => {
  it("round-trips with the same secret and keeps nothing in clear", () => {
    const sealed = JSON.stringify(seal(stored, secret));
    expect(open(sealed, secret)).toEqual(stored);
    for (const clear of ["access-token", "refresh-token", "did:plc", "news.bsky.social"]) {
      expect(sealed).not.toContain(clear);
    }
  });

  it("uses a new salt and IV each time", () => {
    expect(seal(stored, secret).data).not.toBe(seal(stored, secret).data);
  });

  it("opens nothing with another secret, a changed byte or another format", () => {
    const sealed = seal(stored, secret);
    expect(open(JSON.stringify(sealed), "abcd-efgh-ijkl-mnoq")).toBeUndefined();
    const data = Buffer.from(sealed.data, "base64");
    data[0] = (data[0] ?? 0) ^ 1;
    expect(
      open(JSON.stringify({ ...sealed, data: data.toString("base64") }), secret),
    ).toBeUndefined();
    expect(open(JSON.stringify({ ...sealed, version: 2 }), secret)).toBeUndefined();
    expect(open("{", secret)).toBeUndefined();
  });
});

describe("encryptedFileSessionStore", () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "crieur-session-"));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("has no session before the first save, then the saved one; undefined forgets it", async () => {
    const path = join(directory, "cache", "bluesky.session");
    const store = encryptedFileSessionStore(path, secret);
    expect(await store.load()).toEqual({});
    await store.save(stored);
    expect(await encryptedFileSessionStore(path, secret).load()).toEqual({ stored });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, "utf8")).not.toContain("refresh-token");
    await store.save(undefined);
    expect(await store.load()).toEqual({});
  });

  it("says why a file it cannot open is ignored", async () => {
    const path = join(directory, "bluesky.session");
    await writeFile(path, "garbage");
    const { stored: none, unreadable } = await encryptedFileSessionStore(path, secret).load();
    expect(none).toBeUndefined();
    expect(unreadable).toContain("does not open with this app password");
  });
});
