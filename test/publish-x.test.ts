/**
 * The X publisher end to end: the real twitter-api-v2 client talking HTTP to the fake X, which
 * checks OAuth signatures, payloads, lengths and duplicates like X does.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { TwitterApi } from "twitter-api-v2";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import type { XCredentials } from "../src/publishers/credentials.js";
import { PublishError } from "../src/publishers/publisher.js";
import { createXPublisher, type XPublisherOptions } from "../src/publishers/x.js";
import {
  type FakeX,
  type FakeXFault,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";

const credentials = fakeXCredentials();
const secrets = Object.values(credentials);

let fake: FakeX;
let sleeps: number[];

beforeEach(async () => {
  fake = await startFakeX({ credentials });
  sleeps = [];
});
afterEach(async () => {
  await fake.close();
});

function publisher(overrides: Partial<XPublisherOptions> = {}) {
  return createXPublisher({
    credentials,
    apiBaseUrl: fake.url,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}

/** Publishes and returns the PublishError, checking that its message holds no secret. */
async function failure(promise: Promise<unknown>): Promise<PublishError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PublishError);
  const publishError = error as PublishError;
  for (const secret of secrets) expect(publishError.message).not.toContain(secret);
  return publishError;
}

const statuses = () => fake.requests.map((r) => r.status);
const inSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

describe("posting", () => {
  it.each([
    "Plain text",
    "Exposition « Lumières » — vernissage jeudi à 18 h 30 ! https://example.org/agenda?x=1&y=(2)*",
    "Emoji 🎨🇫🇷 and CJK 美術館, quotes 'single' \"double\"",
    "x".repeat(280),
  ])("posts %j with a signature the fake accepts", async (text) => {
    const post = await publisher().publish(text);
    expect(fake.posts.map((p) => p.text)).toEqual([text]);
    expect(post).toEqual({
      id: fake.posts[0]?.id,
      url: `https://x.com/i/web/status/${fake.posts[0]?.id}`,
    });
    expect(fake.requests).toEqual([{ method: "POST", path: "/2/tweets", status: 201 }]);
  });

  it("sends successive posts, each with its own id", async () => {
    const x = publisher();
    const first = await x.publish("first");
    const second = await x.publish("second");
    expect(first.id).not.toBe(second.id);
    expect(fake.posts.map((p) => p.text)).toEqual(["first", "second"]);
  });

  it("applies a path prefix of the base URL after signing", async () => {
    await failure(publisher({ apiBaseUrl: `${fake.url}/proxy/` }).publish("hello"));
    expect(fake.requests).toEqual([{ method: "POST", path: "/proxy/2/tweets", status: 404 }]);
  });

  it("refuses a base URL that is not http(s)", () => {
    expect(() => publisher({ apiBaseUrl: "ftp://127.0.0.1" })).toThrow(UsageError);
    expect(() => publisher({ apiBaseUrl: "127.0.0.1:8080" })).toThrow(/CRIEUR_X_API_URL/);
  });
});

describe("credentials", () => {
  it.each<[string, Partial<XCredentials>]>([
    ["API secret", { apiSecret: "wrong-api-secret" }],
    ["access secret", { accessSecret: "wrong-access-secret" }],
    ["API key", { apiKey: "wrong-api-key" }],
    ["access token", { accessToken: "wrong-access-token" }],
  ])("a wrong %s is an auth failure, not retried", async (_, wrong) => {
    const error = await failure(
      publisher({ credentials: { ...credentials, ...wrong } }).publish("hi"),
    );
    expect(error.kind).toBe("auth");
    expect(error.details.status).toBe(401);
    expect(error.message).toContain("X_API_KEY");
    for (const value of Object.values(wrong)) expect(error.message).not.toContain(value);
    expect(fake.posts).toEqual([]);
    expect(statuses()).toEqual([401]);
  });

  it.each<[FakeXFault, string]>([
    [{ kind: "unauthorized" }, "X_ACCESS_SECRET"],
    [{ kind: "no-write-permission" }, '"Read and write"'],
    [{ kind: "no-write-permission", variant: "oauth1" }, "regenerate the access token and secret"],
    [{ kind: "client-not-enrolled" }, "attach the app to a Project"],
    [{ kind: "credits-depleted" }, "Add credits or raise the spending limit"],
  ])("%j → auth telling what to fix", async (fault, fix) => {
    fake.failNext(fault);
    const error = await failure(publisher().publish("hi"));
    expect(error.kind).toBe("auth");
    expect(error.message).toContain(fix);
    expect(fake.requests).toHaveLength(1);
  });
});

describe("duplicates and rejections", () => {
  it("a text X already has is a duplicate", async () => {
    const x = publisher();
    await x.publish("same text");
    const error = await failure(x.publish("same text"));
    expect(error.kind).toBe("duplicate");
    expect(error.details.status).toBe(403);
    expect(fake.posts).toHaveLength(1);
    expect(statuses()).toEqual([201, 403]);
  });

  it("a text over 280 weighted characters is rejected by the fake's own check", async () => {
    const error = await failure(publisher().publish("🎨".repeat(141)));
    expect(error.kind).toBe("rejected");
    expect(error.details.status).toBe(400);
    expect(error.message).toContain("longer than 280 weighted characters");
    expect(fake.posts).toEqual([]);
  });

  it("a scripted 400 is rejected with X's words, not retried", async () => {
    fake.failNext({
      kind: "answer",
      status: 400,
      body: {
        errors: [{ message: "Your Tweet text is invalid." }],
        title: "Invalid Request",
        detail: "One or more parameters to your request was invalid.",
        type: "https://api.twitter.com/2/problems/invalid-request",
      },
    });
    const error = await failure(publisher().publish("hi"));
    expect(error.kind).toBe("rejected");
    expect(error.message).toContain("Your Tweet text is invalid.");
    expect(statuses()).toEqual([400]);
  });
});

describe("rate limits", () => {
  const now = Date.now();
  const reset = (minutes: number) => new Date(Math.floor(now / 1000) * 1000 + minutes * 60_000);

  it.each<[string, FakeXFault, Date | "15 minutes"]>([
    [
      "window exhausted",
      { kind: "rate-limit", window: { limit: 100, remaining: 0, reset: reset(9) } },
      reset(9),
    ],
    [
      "account's day exhausted, v1 body",
      {
        kind: "rate-limit",
        body: "v1",
        window: { limit: 100, remaining: 0, reset: reset(9) },
        userDay: { limit: 17, remaining: 0, reset: reset(700) },
      },
      reset(700),
    ],
    [
      "app's day exhausted, window not",
      {
        kind: "rate-limit",
        window: { limit: 100, remaining: 40, reset: reset(9) },
        appDay: { limit: 17, remaining: 0, reset: reset(300) },
      },
      reset(300),
    ],
    ["no headers at all", { kind: "rate-limit" }, "15 minutes"],
  ])("%s → rate-limited, no retry", async (_, fault, expected) => {
    fake.failNext(fault);
    const before = Date.now();
    const error = await failure(publisher().publish("hi"));
    const after = Date.now();
    expect(error.kind).toBe("rate-limited");
    const resumeAt = error.details.resumeAt?.getTime() ?? Number.NaN;
    if (expected === "15 minutes") {
      expect(resumeAt).toBeGreaterThanOrEqual(before + 15 * 60_000);
      expect(resumeAt).toBeLessThanOrEqual(after + 15 * 60_000);
    } else {
      expect(resumeAt).toBe(expected.getTime());
    }
    expect(statuses()).toEqual([429]);
    expect(sleeps).toEqual([]);
  });

  it("the fake's daily quota answers 429 with the account's 24-hour reset", async () => {
    const limited = await startFakeX({ credentials, dailyPostLimit: 2 });
    try {
      const x = publisher({ apiBaseUrl: limited.url });
      await x.publish("one");
      await x.publish("two");
      const error = await failure(x.publish("three"));
      const firstAt = limited.posts[0]?.at ?? new Date(Number.NaN);
      expect(error.kind).toBe("rate-limited");
      expect(error.details.resumeAt).toEqual(inSeconds(new Date(firstAt.getTime() + 86_400_000)));
      expect(limited.posts.map((p) => p.text)).toEqual(["one", "two"]);
    } finally {
      await limited.close();
    }
  });
});

describe("transient failures and retries", () => {
  it("retries after a 500 and posts once", async () => {
    fake.failNext({ kind: "server-error", status: 500 });
    await publisher().publish("after a 500");
    expect(fake.posts.map((p) => p.text)).toEqual(["after a 500"]);
    expect(statuses()).toEqual([500, 201]);
    expect(sleeps).toEqual([1000]);
  });

  it("gives up after 503, 503 and a dropped connection, naming the real cause", async () => {
    fake.failNext(
      { kind: "server-error", status: 503 },
      { kind: "server-error", status: 503 },
      { kind: "drop" },
    );
    const error = await failure(publisher().publish("never"));
    expect(error.kind).toBe("transient");
    expect(error.message).toMatch(/ECONNRESET|socket hang up|Socket closed/);
    expect(error.message).toContain("Tried 3 times");
    expect(statuses()).toEqual([503, 503, 0]);
    expect(sleeps).toEqual([1000, 2000]);
    expect(fake.posts).toEqual([]);
  });

  it("a duplicate on a retry means the lost attempt went out", async () => {
    fake.failNext({ kind: "drop", afterAccepting: true });
    const error = await failure(publisher().publish("went out"));
    expect(error.kind).toBe("duplicate");
    // The proof that this text went out, not a refusal of a text another post has.
    expect(error.details.maybeSent).toBe(true);
    expect(error.message).toContain("earlier attempt");
    expect(fake.posts.map((p) => p.text)).toEqual(["went out"]);
    expect(statuses()).toEqual([0, 403]);
  });

  it("an answer without a post id is retried", async () => {
    fake.failNext({ kind: "answer", status: 201, body: {} });
    const post = await publisher().publish("no id first");
    expect(post.id).toBe(fake.posts[0]?.id);
    expect(statuses()).toEqual([201, 201]);
    expect(sleeps).toEqual([1000]);
  });

  it("respects retries: 0", async () => {
    fake.failNext({ kind: "server-error", status: 502 });
    const error = await failure(publisher({ retries: 0 }).publish("once"));
    expect(error.kind).toBe("transient");
    expect(error.message).toContain("Tried 1 time;");
    expect(statuses()).toEqual([502]);
    expect(sleeps).toEqual([]);
  });

  it("a delayed answer still posts", async () => {
    fake.failNext({ kind: "delay", ms: 50 });
    await publisher().publish("slow");
    expect(fake.posts.map((p) => p.text)).toEqual(["slow"]);
  });

  it("a hung request times out as transient", async () => {
    fake.failNext({ kind: "delay", ms: 60_000 });
    const error = await failure(publisher({ retries: 0, timeoutMs: 100 }).publish("hung"));
    expect(error.kind).toBe("transient");
    expect(error.message).toContain("Request timeout");
  });

  it("an unreachable X is transient with the network cause", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(publisher({ apiBaseUrl: `http://127.0.0.1:${port}` }).publish("x"));
    expect(error.kind).toBe("transient");
    expect(error.message).toContain("ECONNREFUSED");
    expect(sleeps).toEqual([1000, 2000]);
  });
});

describe("the fake X itself", () => {
  function client(secret = credentials.accessSecret) {
    const base = new URL(fake.url);
    return new TwitterApi(
      {
        appKey: credentials.apiKey,
        appSecret: credentials.apiSecret,
        accessToken: credentials.accessToken,
        accessSecret: secret,
      },
      {
        plugins: [
          {
            onBeforeRequest({ computedParams, requestOptions }) {
              computedParams.url.protocol = base.protocol;
              computedParams.url.host = base.host;
              requestOptions.agent = new http.Agent();
            },
          },
        ],
      },
    );
  }

  it("answers GET /2/users/me when the signature (query included) is right", async () => {
    const me = await client().v2.me({ "user.fields": ["created_at", "description"] });
    expect(me.data.username).toBe("fake_x");
    expect(fake.requests[0]?.path).toContain("/2/users/me?user.fields=");
    expect(statuses()).toEqual([200]);
  });

  it("refuses GET /2/users/me with a wrong secret", async () => {
    await expect(client("nope").v2.me()).rejects.toMatchObject({ code: 401 });
  });

  it.each([
    {
      name: "unknown route",
      method: "GET",
      path: "/2/nothing",
      headers: {},
      body: "",
      status: 404,
    },
    {
      name: "unsigned post",
      method: "POST",
      path: "/2/tweets",
      headers: { "content-type": "application/json" },
      body: '{"text":"hi"}',
      status: 401,
    },
  ])("$name → $status", async ({ method, path, headers, body, status }) => {
    const response = await fetch(`${fake.url}${path}`, {
      method,
      headers,
      ...(body ? { body } : {}),
    });
    expect(response.status).toBe(status);
    expect(statuses()).toEqual([status]);
  });
});
