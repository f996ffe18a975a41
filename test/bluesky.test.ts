/**
 * The Bluesky publisher end to end: the real @atproto/api client against a real PDS (and PLC
 * directory) started in this process, through a counting proxy that can lose answers. The PDS
 * validates every record against the lexicons, stores blobs, and answers HTTP 500 to a second
 * write at the same record key, as Bluesky's PDS does. The harness is a separate package
 * (test/bluesky-pds); without it these tests are skipped with a message, except in CI, where they
 * must run.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type BlueskyPublisherOptions,
  createBlueskyPublisher,
  type SessionEvent,
} from "../src/publishers/bluesky.js";
import { encryptedFileSessionStore, type SessionStore } from "../src/publishers/bluesky-session.js";
import { readBlueskyCredentials } from "../src/publishers/credentials.js";
import { PublishError } from "../src/publishers/publisher.js";
import { INSTALL_HINT, pdsInstalled, startPds, type TestPds } from "./bluesky-pds/harness.js";
import { startXrpcProxy, type XrpcProxy } from "./support/xrpc-proxy.js";

const installed = pdsInstalled();
const LOGIN = "com.atproto.server.createSession";
const REFRESH = "com.atproto.server.refreshSession";
const CREATE = "com.atproto.repo.createRecord";
const variables = {
  identifier: "BSKY_HANDLE",
  appPassword: "BSKY_APP_PASSWORD",
  service: "BSKY_SERVICE",
};
// The 1×1 transparent PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

if (!installed) {
  describe("Bluesky against a real PDS", () => {
    if (process.env.CI === "true") {
      it("runs in CI", () => {
        throw new Error(`CI must run the Bluesky tests, but ${INSTALL_HINT}.`);
      });
    } else {
      console.warn(`Bluesky tests skipped: ${INSTALL_HINT}.`);
      it.skip(INSTALL_HINT, () => {});
    }
  });
}

describe.runIf(installed)("Bluesky against a real PDS", () => {
  let pds: TestPds;
  let proxy: XrpcProxy;
  let account: { handle: string; did: string; appPassword: string };
  let sleeps: number[];
  let events: SessionEvent[];
  let directory: string;
  let accounts = 0;

  beforeAll(async () => {
    proxy = await startXrpcProxy();
    // Accounts' DID documents point at the proxy, so the client keeps talking through it.
    pds = await startPds({ publicUrl: () => proxy.url });
    proxy.forwardTo(pds.url);
    directory = await mkdtemp(join(tmpdir(), "crieur-bluesky-"));
  }, 120_000);
  afterAll(async () => {
    await pds?.close();
    await proxy?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });
  beforeEach(async () => {
    account = await createAccount(pds.url, `news${++accounts}.test`);
    sleeps = [];
    events = [];
  });

  function publisher(overrides: Partial<BlueskyPublisherOptions> & { appPassword?: string } = {}) {
    const credentials = readBlueskyCredentials(
      {
        BSKY_HANDLE: account.handle,
        BSKY_APP_PASSWORD: overrides.appPassword ?? account.appPassword,
        BSKY_SERVICE: proxy.url,
      },
      variables,
    );
    if (credentials === undefined) throw new Error("no credentials");
    return createBlueskyPublisher({
      credentials,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      onSession: (event) => events.push(event),
      ...overrides,
    });
  }

  const sessionFile = () => join(directory, `${account.handle}.session`);
  const fileStore = (): SessionStore =>
    encryptedFileSessionStore(sessionFile(), account.appPassword);
  const logins = () => proxy.count(LOGIN);
  const records = () => listPosts(pds.url, account.did);

  async function failure(promise: Promise<unknown>): Promise<PublishError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).not.toContain(account.appPassword);
    return error as PublishError;
  }

  describe("posting", () => {
    it("posts a record with link and hashtag facets and languages, which the PDS validates", async () => {
      const before = logins();
      const text = "Café ☕ news: https://example.org/été #Actualité";
      const post = await publisher().publish(text, {
        idempotencyKey: "feed/1@bsky",
        langs: ["fr"],
      });
      const [record] = await records();
      expect(post.id).toBe(record?.uri);
      expect(post.url).toMatch(
        new RegExp(`^https://bsky\\.app/profile/${account.handle}/post/[2-7a-j][2-7a-z]{12}$`),
      );
      expect(record?.value).toMatchObject({
        $type: "app.bsky.feed.post",
        text,
        langs: ["fr"],
        facets: [
          {
            index: { byteStart: 16, byteEnd: 41 },
            features: [{ $type: "app.bsky.richtext.facet#link", uri: "https://example.org/été" }],
          },
          {
            index: { byteStart: 42, byteEnd: 53 },
            features: [{ $type: "app.bsky.richtext.facet#tag", tag: "Actualité" }],
          },
        ],
      });
      expect(logins() - before).toBe(1);
      expect(events).toEqual([{ kind: "logged-in", reason: "no saved session" }]);
    });

    it("has the PDS refuse a facet of the wrong shape, so the validation above is real", async () => {
      const session = await login(pds.url, account.handle, account.appPassword);
      const answer = await fetch(`${pds.url}/xrpc/${CREATE}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${session.accessJwt}`,
        },
        body: JSON.stringify({
          repo: account.did,
          collection: "app.bsky.feed.post",
          record: {
            $type: "app.bsky.feed.post",
            text: "x https://example.org",
            createdAt: new Date().toISOString(),
            facets: [
              {
                index: { byteStart: "2", byteEnd: 21 },
                features: [{ $type: "app.bsky.richtext.facet#link", uri: "https://example.org" }],
              },
            ],
          },
        }),
      });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ error: "InvalidRequest" });
    });

    it("has a text over 300 graphemes rejected", async () => {
      const error = await failure(publisher().publish("é".repeat(301)));
      expect(error.kind).toBe("rejected");
      expect(error.message).toMatch(/HTTP 400.*InvalidRequest/);
    });

    it("adds a link card with the image as its thumbnail", async () => {
      await publisher().publish("Read this https://example.org/a", {
        link: { url: "https://example.org/a", title: "A title", description: "What it says" },
        image: { bytes: PNG, mime: "image/png", alt: "A dot" },
      });
      const [record] = await records();
      expect(record?.value.embed).toMatchObject({
        $type: "app.bsky.embed.external",
        external: {
          uri: "https://example.org/a",
          title: "A title",
          description: "What it says",
          thumb: { $type: "blob", mimeType: "image/png", size: PNG.length },
        },
      });
    });

    it("leaves out a thumbnail over 1,000,000 bytes, with a note", async () => {
      const big = Buffer.concat([PNG, Buffer.alloc(1_000_001 - PNG.length)]);
      const post = await publisher().publish("Big https://example.org/b", {
        link: { url: "https://example.org/b", title: "B", description: "" },
        image: { bytes: big, mime: "image/png", alt: "" },
      });
      const [record] = await records();
      expect(record?.value.embed).toEqual({
        $type: "app.bsky.embed.external",
        external: { uri: "https://example.org/b", title: "B", description: "" },
      });
      expect(post.notes).toEqual([
        "The image was left out: it is 1000001 bytes, over Bluesky's 1000000.",
      ]);
    });

    it("an image the PDS cannot read (it answers 500) is left out; the post goes out", async () => {
      // A PNG whose second chunk claims 117 MB: the PDS fails reading its chunks.
      const broken = Buffer.concat([PNG.subarray(0, 16), Buffer.alloc(200, 0x07)]);
      const post = await publisher().publish("Broken picture https://example.org/c", {
        link: { url: "https://example.org/c", title: "C", description: "" },
        image: { bytes: broken, mime: "image/png", alt: "" },
      });
      const [record] = await records();
      expect(record?.value.text).toBe("Broken picture https://example.org/c");
      expect(record?.value.embed).toEqual({
        $type: "app.bsky.embed.external",
        external: { uri: "https://example.org/c", title: "C", description: "" },
      });
      expect(post.notes?.[0]).toMatch(/^The image was left out: .*HTTP 500/);
    });

    it("attaches the image with its alt text when there is no link", async () => {
      await publisher().publish("A picture", {
        image: { bytes: PNG, mime: "image/png", alt: "A dot" },
      });
      const [record] = await records();
      expect(record?.value.embed).toMatchObject({
        $type: "app.bsky.embed.images",
        images: [{ alt: "A dot", image: { $type: "blob", mimeType: "image/png" } }],
      });
    });
  });

  describe("exactly once", () => {
    it("writes the same record key for the same item: a repeat is a duplicate that names the post", async () => {
      const first = await publisher().publish("Once", { idempotencyKey: "feed/7@bsky" });
      const error = await failure(
        publisher().publish("Once, again", { idempotencyKey: "feed/7@bsky" }),
      );
      expect(error.kind).toBe("duplicate");
      expect(error.details.post).toEqual({ id: first.id, url: first.url });
      // The PDS answered the repeat with HTTP 500, and the publisher asked before anything else.
      const tail = proxy.calls.slice(-2).map((call) => `${call.method} ${call.status}`);
      expect(tail).toEqual([`${CREATE} 500`, "com.atproto.repo.getRecord 200"]);
      expect((await records()).map((r) => r.value.text)).toEqual(["Once"]);
      expect(sleeps).toEqual([]);
    });

    it("finds its own record after a lost answer and returns it as posted", async () => {
      const bluesky = publisher();
      proxy.failNext({ method: CREATE, kind: "lose-answer" });
      const post = await bluesky.publish("Lost answer", { idempotencyKey: "feed/8@bsky" });
      const posts = await records();
      expect(posts.map((r) => r.uri)).toEqual([post.id]);
      expect(proxy.calls.slice(-2).map((call) => `${call.method} ${call.status}`)).toEqual([
        `${CREATE} 0`,
        "com.atproto.repo.getRecord 200",
      ]);
      expect(sleeps).toEqual([]);
    });

    it("retries a 500 after checking that no record was written", async () => {
      proxy.failNext({
        method: CREATE,
        kind: "answer",
        status: 500,
        body: { error: "InternalServerError", message: "Internal Server Error" },
      });
      const post = await publisher().publish("Retried", { idempotencyKey: "feed/9@bsky" });
      expect((await records()).map((r) => r.uri)).toEqual([post.id]);
      expect(sleeps).toEqual([1000]);
    });

    it("tells with lookup whether the post with a key is on Bluesky", async () => {
      const bluesky = publisher();
      expect(await bluesky.lookup?.("feed/10@bsky")).toBeUndefined();
      const post = await bluesky.publish("Looked up", { idempotencyKey: "feed/10@bsky" });
      expect(await publisher().lookup?.("feed/10@bsky")).toEqual({ id: post.id, url: post.url });
    });
  });

  describe("session", () => {
    it("logs in once; the next run resumes the saved session without a login", async () => {
      const before = logins();
      await publisher({ sessionStore: fileStore() }).publish("Run 1");
      const refreshes = proxy.count(REFRESH);
      await publisher({ sessionStore: fileStore() }).publish("Run 2");
      await publisher({ sessionStore: fileStore() }).publish("Run 3");
      expect(logins() - before).toBe(1);
      expect(proxy.count(REFRESH) - refreshes).toBe(2);
      expect(events).toEqual([
        { kind: "logged-in", reason: "no saved session" },
        { kind: "resumed" },
        { kind: "resumed" },
      ]);
      expect((await records()).length).toBe(3);
    });

    it("keeps the session encrypted: no token, DID or handle in the file", async () => {
      await publisher({ sessionStore: fileStore() }).publish("Sealed");
      const file = await readFile(sessionFile(), "utf8");
      const { stored } = await fileStore().load();
      expect(stored?.session.did).toBe(account.did);
      for (const clear of [
        stored?.session.accessJwt,
        stored?.session.refreshJwt,
        account.did,
        account.handle,
      ]) {
        expect(file).not.toContain(clear);
      }
      // Another app password cannot open it, and the publisher then logs in.
      const other = await encryptedFileSessionStore(sessionFile(), "zzzz-zzzz-zzzz-zzzz").load();
      expect(other.stored).toBeUndefined();
      expect(other.unreadable).toContain("does not open with this app password");
    });

    it("logs in again when the saved session was revoked", async () => {
      await publisher({ sessionStore: fileStore() }).publish("Before");
      const { stored } = await fileStore().load();
      await fetch(`${pds.url}/xrpc/com.atproto.server.deleteSession`, {
        method: "POST",
        headers: { authorization: `Bearer ${stored?.session.refreshJwt}` },
      });
      const before = logins();
      await publisher({ sessionStore: fileStore() }).publish("After");
      expect(logins() - before).toBe(1);
      expect(events.at(-1)).toEqual({
        kind: "logged-in",
        reason: "the saved session has expired or was revoked",
      });
    });

    it("does not log in when refreshing failed for lack of network", async () => {
      await publisher({ sessionStore: fileStore() }).publish("Before");
      const before = logins();
      proxy.failNext({ method: REFRESH, kind: "drop" });
      const error = await failure(
        publisher({ sessionStore: fileStore(), retries: 0 }).publish("During"),
      );
      expect(error.kind).toBe("transient");
      expect(logins() - before).toBe(0);
      // The saved session is still good for the next run.
      await publisher({ sessionStore: fileStore() }).publish("After");
      expect(logins() - before).toBe(0);
    });

    it("starts over with a login when the session file is damaged", async () => {
      await writeFile(sessionFile(), "not a session");
      await publisher({ sessionStore: fileStore() }).publish("Fresh");
      expect(events).toEqual([
        {
          kind: "logged-in",
          reason: `the session file ${sessionFile()} does not open with this app password (changed, or the file is damaged)`,
        },
      ]);
    });
  });

  describe("refusals", () => {
    it("names the variables, never the password, when the app password is wrong", async () => {
      const error = await failure(publisher({ appPassword: "aaaa-bbbb-cccc-dddd" }).publish("Hi"));
      expect(error.kind).toBe("auth");
      expect(error.message).toContain("BSKY_HANDLE");
      expect(error.message).toContain("BSKY_APP_PASSWORD");
      expect(error.message).not.toContain("aaaa-bbbb-cccc-dddd");
    });

    it("stops at a login rate limit until its reset, warning about the lockout", async () => {
      const reset = Math.floor(Date.now() / 1000) + 600;
      proxy.failNext({
        method: LOGIN,
        kind: "answer",
        status: 429,
        body: { error: "RateLimitExceeded", message: "Rate Limit Exceeded" },
        headers: {
          "ratelimit-limit": "30",
          "ratelimit-remaining": "0",
          "ratelimit-reset": String(reset),
        },
      });
      const error = await failure(publisher().publish("Hi"));
      expect(error.kind).toBe("rate-limited");
      expect(error.details.resumeAt).toEqual(new Date(reset * 1000));
      expect(error.message).toContain("lock the account for a day");
    });
  });
});

async function createAccount(
  pdsUrl: string,
  handle: string,
): Promise<{ handle: string; did: string; appPassword: string }> {
  const created = await xrpc(pdsUrl, "com.atproto.server.createAccount", {
    handle,
    email: `${handle}@example.org`,
    password: `main-password-${handle}`,
  });
  const app = await xrpc(
    pdsUrl,
    "com.atproto.server.createAppPassword",
    { name: "crieur" },
    created.accessJwt,
  );
  return { handle, did: created.did, appPassword: app.password };
}

async function login(
  pdsUrl: string,
  identifier: string,
  password: string,
): Promise<{ accessJwt: string }> {
  return xrpc(pdsUrl, "com.atproto.server.createSession", { identifier, password });
}

// biome-ignore lint/suspicious/noExplicitAny: test helper over the PDS's JSON answers.
async function xrpc(pdsUrl: string, method: string, body: unknown, token?: string): Promise<any> {
  const answer = await fetch(`${pdsUrl}/xrpc/${method}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${method}: HTTP ${answer.status} ${await answer.text()}`);
  return answer.json();
}

async function listPosts(
  pdsUrl: string,
  did: string,
): Promise<{ uri: string; value: Record<string, unknown> & { text?: string; embed?: unknown } }[]> {
  const answer = await fetch(
    `${pdsUrl}/xrpc/com.atproto.repo.listRecords?repo=${did}&collection=app.bsky.feed.post&limit=100`,
  );
  return ((await answer.json()) as { records: { uri: string; value: Record<string, unknown> }[] })
    .records;
}
