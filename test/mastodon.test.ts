/**
 * The Mastodon publisher end to end over real HTTP against the fake instance, which checks the
 * token, the payload, its advertised limits, the media flow and the Idempotency-Key as Mastodon does.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readMastodonCredentials } from "../src/publishers/credentials.js";
import {
  createMastodonPublisher,
  type MastodonPublisherOptions,
} from "../src/publishers/mastodon.js";
import { PublishError } from "../src/publishers/publisher.js";
import {
  type FakeMastodon,
  type FakeMastodonOptions,
  startFakeMastodon,
} from "./support/fake-mastodon-server.js";

const token = "fake-mastodon-token-QmW3nP8s";
const variables = { instanceUrl: "NEWS_MASTODON_URL", accessToken: "NEWS_MASTODON_TOKEN" };
const png = {
  bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]),
  mime: "image/png",
  alt: "A lighthouse at dusk",
};

let fake: FakeMastodon;
let sleeps: number[];

async function start(options: Partial<FakeMastodonOptions> = {}): Promise<void> {
  await fake?.close();
  fake = await startFakeMastodon({ token, ...options });
}

beforeEach(async () => {
  fake = await startFakeMastodon({ token });
  sleeps = [];
});
afterEach(async () => {
  await fake.close();
});

function publisher(overrides: Partial<MastodonPublisherOptions> & { token?: string } = {}) {
  const credentials = readMastodonCredentials(
    { NEWS_MASTODON_URL: fake.url, NEWS_MASTODON_TOKEN: overrides.token ?? token },
    variables,
  );
  if (credentials === undefined) throw new Error("no credentials");
  return createMastodonPublisher({
    credentials,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>, secret = token): Promise<PublishError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PublishError);
  expect((error as PublishError).message).not.toContain(secret);
  return error as PublishError;
}

const statusRequests = () => fake.requests.filter((r) => r.path === "/api/v1/statuses");

describe("posting", () => {
  it("posts a status with visibility, language and content warning, under an idempotency key", async () => {
    const post = await publisher().publish("Hello https://example.org/a #news", {
      idempotencyKey: "feed-a/item-1@mastodon",
      langs: ["fr-CA"],
      visibility: "unlisted",
      contentWarning: "Politics",
    });
    expect(fake.statuses).toHaveLength(1);
    const [status] = fake.statuses;
    expect(status).toMatchObject({
      text: "Hello https://example.org/a #news",
      visibility: "unlisted",
      language: "fr",
      spoilerText: "Politics",
    });
    expect(post).toEqual({ id: status?.id, url: `${fake.url}/@crieur/${status?.id}` });
    expect(status?.idempotencyKey).toMatch(/^crieur-[0-9a-f]{40}$/);
    expect(status?.idempotencyKey).not.toContain("item-1");
  });

  it("derives the same key from the same item and target on every run, a different one otherwise", async () => {
    await publisher().publish("One", { idempotencyKey: "k1" });
    await publisher().publish("One, edited", { idempotencyKey: "k1" });
    await publisher().publish("Two", { idempotencyKey: "k2" });
    // The second run's attempt got the status the first one created.
    expect(fake.statuses.map((s) => s.text)).toEqual(["One", "Two"]);
    const keys = statusRequests().map((r) => r.idempotencyKey);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("counts on the key for less than the hour the instance keeps it", async () => {
    let clock = Date.parse("2026-03-01T10:00:00Z");
    await start({ now: () => new Date(clock) });
    const mastodon = publisher();
    expect(mastodon.resendWindowMs).toBe(55 * 60_000);
    await mastodon.publish("Kept", { idempotencyKey: "k" });
    clock += 59 * 60_000;
    await mastodon.publish("Kept", { idempotencyKey: "k" });
    expect(fake.statuses).toHaveLength(1);
    // Past the hour the instance has forgotten the key: a re-send would post twice.
    clock += 2 * 60_000;
    await mastodon.publish("Kept", { idempotencyKey: "k" });
    expect(fake.statuses).toHaveLength(2);
  });

  it("keys a post by its text when no key is given", async () => {
    const first = await publisher().publish("Same text");
    const second = await publisher().publish("Same text");
    expect(second.id).toBe(first.id);
    expect(fake.statuses).toHaveLength(1);
  });
});

describe("limits", () => {
  it("reads the instance's own limits", async () => {
    await start({
      limits: { maxCharacters: 5000, charactersReservedPerUrl: 25, maxMediaAttachments: 6 },
    });
    const limits = await publisher().limits?.();
    expect(limits).toMatchObject({
      length: { network: "mastodon", maxLength: 5000, urlLength: 25 },
      maxImages: 6,
    });
  });

  it("falls back to /api/v1/instance on servers without v2", async () => {
    await start({ v1Only: true, limits: { maxCharacters: 1000 } });
    expect((await publisher().limits?.())?.length.maxLength).toBe(1000);
  });

  it("asks the instance once per publisher", async () => {
    const mastodon = publisher();
    await mastodon.limits?.();
    await mastodon.publish("a", { image: png });
    await mastodon.publish("b", { image: png });
    expect(fake.requests.filter((r) => r.path.includes("/instance"))).toHaveLength(1);
  });

  it("has a text over the instance's limit rejected with Mastodon's words", async () => {
    await start({ limits: { maxCharacters: 20 } });
    const error = await failure(publisher().publish("x".repeat(21)));
    expect(error.kind).toBe("rejected");
    expect(error.message).toContain("character limit of 20");
  });
});

describe("images", () => {
  it("uploads the image with its alt text and waits while the instance processes it", async () => {
    await start({ processingPolls: 3 });
    const post = await publisher().publish("With a picture", { image: png });
    expect(post.notes).toBeUndefined();
    expect(fake.statuses[0]?.media).toEqual([
      { id: expect.any(String), description: "A lighthouse at dusk", bytes: 8, type: "image/png" },
    ]);
    const mediaChecks = fake.requests.filter((r) => r.path.startsWith("/api/v1/media/"));
    expect(mediaChecks.map((r) => r.status)).toEqual([206, 206, 206, 200]);
    expect(sleeps).toEqual([1000, 1000, 1000, 1000]);
  });

  it("posts at once when the upload answers 200", async () => {
    await start({ processingPolls: 0 });
    await publisher().publish("Quick", { image: png });
    expect(fake.statuses[0]?.media).toHaveLength(1);
    expect(fake.requests.some((r) => r.path.startsWith("/api/v1/media/"))).toBe(false);
  });

  it("gives up waiting after the configured checks: the post goes out without the image", async () => {
    await start({ processingPolls: 50 });
    const post = await publisher({ mediaPolls: 3, retries: 0 }).publish("Slow", { image: png });
    expect(fake.statuses.map((status) => [status.text, status.media])).toEqual([["Slow", []]]);
    expect(post.notes).toEqual([
      "The image was left out: Mastodon was still processing it after waiting for it.",
    ]);
  });

  it("a token without write:media loses the image, not the post", async () => {
    await start({ processingPolls: 0, scopes: ["write:statuses"] });
    const post = await publisher({ retries: 0 }).publish("No media scope", { image: png });
    expect(fake.statuses.map((status) => [status.text, status.media])).toEqual([
      ["No media scope", []],
    ]);
    expect(post.notes?.[0]).toMatch(/^The image was left out: .*write:media/);
  });

  it("an upload the instance fails (5xx) leaves the image out; the post goes out", async () => {
    await start({ processingPolls: 0 });
    fake.failNext({ path: "media", kind: "server-error", status: 503 });
    const post = await publisher({ retries: 0 }).publish("Anyway", { image: png });
    expect(fake.statuses.map((status) => [status.text, status.media])).toEqual([["Anyway", []]]);
    expect(post.notes?.[0]).toMatch(/^The image was left out: .*503/);
  });

  it.each([
    {
      name: "takes no attachments",
      limits: { maxMediaAttachments: 0 },
      note: "takes no attachments",
    },
    {
      name: "does not take the type",
      limits: { supportedMimeTypes: ["image/jpeg"] },
      note: "does not take image/png",
    },
    {
      name: "takes smaller files",
      limits: { imageSizeLimit: 4 },
      note: "8 bytes, over this instance's 4",
    },
  ])("posts without the image, with a note, when the instance $name", async ({ limits, note }) => {
    await start({ limits });
    const post = await publisher().publish("Text only", { image: png });
    expect(fake.statuses[0]?.media).toEqual([]);
    expect(post.notes?.join(" ")).toContain(note);
  });

  it("posts without the image when the instance refuses the upload", async () => {
    fake.failNext({
      path: "media",
      kind: "answer",
      status: 422,
      body: { error: "Validation failed: File content type is invalid" },
    });
    const post = await publisher().publish("Refused image", { image: png });
    expect(fake.statuses).toHaveLength(1);
    expect(post.notes?.[0]).toContain("File content type is invalid");
  });
});

describe("failures", () => {
  it("retries a lost answer with the same key and gets the status created the first time", async () => {
    fake.failNext({ kind: "drop", afterAccepting: true });
    const post = await publisher().publish("Lost answer", { idempotencyKey: "item-9" });
    expect(fake.statuses).toHaveLength(1);
    expect(post.id).toBe(fake.statuses[0]?.id);
    const keys = statusRequests().map((r) => r.idempotencyKey);
    expect(statusRequests().map((r) => r.status)).toEqual([0, 200]);
    expect(new Set(keys).size).toBe(1);
    expect(sleeps).toEqual([1000]);
  });

  it("retries 5xx and dropped connections, then reports a transient failure that may have gone out", async () => {
    fake.failNext(
      { kind: "server-error", status: 502 },
      { kind: "drop" },
      { kind: "server-error", status: 503 },
    );
    const error = await failure(publisher().publish("Down", { idempotencyKey: "item-3" }));
    expect(error.kind).toBe("transient");
    expect(error.details.maybeSent).toBe(true);
    expect(error.message).toMatch(
      /HTTP 503.*Tried 3 times; the next run sends it again with the same idempotency key/,
    );
    expect(statusRequests().map((r) => r.status)).toEqual([502, 0, 503]);
    expect(sleeps).toEqual([1000, 2000]);
    expect(fake.statuses).toHaveLength(0);
  });

  it("stops at a rate limit until X-RateLimit-Reset, without retrying", async () => {
    const reset = new Date(Date.now() + 3 * 60_000);
    reset.setMilliseconds(0);
    fake.failNext({ kind: "rate-limit", reset });
    const error = await failure(publisher().publish("Busy"));
    expect(error.kind).toBe("rate-limited");
    expect(error.details.resumeAt).toEqual(reset);
    expect(error.message).toContain(reset.toISOString());
    expect(statusRequests()).toHaveLength(1);
  });

  it("waits five minutes when the reset time is unreadable", async () => {
    fake.failNext({ kind: "rate-limit", reset: "soon" });
    const before = Date.now();
    const error = await failure(publisher().publish("Busy"));
    const wait = (error.details.resumeAt?.getTime() ?? 0) - before;
    expect(wait).toBeGreaterThanOrEqual(5 * 60_000 - 1000);
    expect(wait).toBeLessThanOrEqual(5 * 60_000 + 5000);
  });

  it("names the token's variable, never the token, when it is refused", async () => {
    const wrong = "wrong-token-Yt6Rk2";
    const error = await failure(publisher({ token: wrong }).publish("Hi"), wrong);
    expect(error.kind).toBe("auth");
    expect(error.message).toContain("NEWS_MASTODON_TOKEN");
    expect(error.message).not.toContain(token);
  });

  it("says which scopes are needed when the token lacks them", async () => {
    await start({ scopes: ["read"] });
    const error = await failure(publisher().publish("Hi"));
    expect(error.kind).toBe("auth");
    expect(error.message).toContain("write:statuses");
    expect(error.message).toContain("outside the authorized scopes");
  });

  it("reports an unreachable instance as transient", async () => {
    const url = fake.url;
    await fake.close();
    const credentials = readMastodonCredentials(
      { U: url, T: token },
      { instanceUrl: "U", accessToken: "T" },
    );
    const error = await failure(
      createMastodonPublisher({
        credentials: credentials as NonNullable<typeof credentials>,
        retries: 0,
      }).publish("Hi"),
    );
    expect(error.kind).toBe("transient");
    expect(error.message).toMatch(/Could not reach the Mastodon instance .*ECONNREFUSED/);
    fake = await startFakeMastodon({ token });
  });
});
