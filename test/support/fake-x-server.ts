/**
 * A fake X API on 127.0.0.1 that checks what X checks: the OAuth 1.0a HMAC-SHA1 signature (over the
 * real https://api.x.com URL), the JSON payload, the weighted length (twitter-text) and duplicate
 * texts, and the v2 media upload (fake-x-media.ts). It records accepted posts and every request,
 * and can be scripted to fail the next POST /2/tweets requests the way X does. Used by tests and by `npm run demo`, so it imports no
 * test framework. It never talks to the internet.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import twitter from "twitter-text";
import {
  type FakeXMedia,
  type FakeXMediaFault,
  type FakeXMediaOptions,
  fakeXMedia,
} from "./fake-x-media.js";

export interface FakeXCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly accessToken: string;
  readonly accessSecret: string;
}

export interface FakeXOptions {
  /** The only credentials the fake accepts. */
  readonly credentials: FakeXCredentials;
  /** Posts accepted per rolling 24 hours before answering 429 with x-user-limit-24hour-* headers. */
  readonly dailyPostLimit?: number;
  /** Posts accepted per 15-minute window before answering 429 (default 100, X's figure). */
  readonly windowPostLimit?: number;
  readonly media?: FakeXMediaOptions;
}

/** One of X's rate limits as sent in headers (reset is sent in epoch seconds). */
export interface FakeXLimit {
  readonly limit: number;
  readonly remaining: number;
  /** A fixed time, or this long after the answer (so a slow client still gets a future reset). */
  readonly reset: Date | { readonly afterMs: number };
}

/** A scripted answer to one POST /2/tweets request. */
export type FakeXFault =
  /** 429 with whichever limit headers are given; body is v2 problem JSON or v1 `code 88`. */
  | {
      readonly kind: "rate-limit";
      readonly window?: FakeXLimit;
      readonly userDay?: FakeXLimit;
      readonly appDay?: FakeXLimit;
      readonly body?: "problem" | "v1";
    }
  /** 401 as X sends it for bad or revoked keys and tokens. */
  | { readonly kind: "unauthorized" }
  /** 403 for an app without write permission ("oauth1-permissions" variant when `variant` is set). */
  | { readonly kind: "no-write-permission"; readonly variant?: "not-permitted" | "oauth1" }
  /** 403 for an app that is not attached to a Project. */
  | { readonly kind: "client-not-enrolled" }
  /** 402 for a pay-per-use account without credits. */
  | { readonly kind: "credits-depleted" }
  /** A 5xx answer with X's problem JSON. */
  | { readonly kind: "server-error"; readonly status: 500 | 502 | 503 | 504 }
  /** Any other answer, verbatim. */
  | { readonly kind: "answer"; readonly status: number; readonly body: unknown }
  /** Close the connection without answering; with `afterAccepting`, the post goes out first. */
  | { readonly kind: "drop"; readonly afterAccepting?: boolean }
  /** Wait, then handle the request normally. */
  | { readonly kind: "delay"; readonly ms: number };

export interface FakeXPost {
  readonly id: string;
  readonly text: string;
  readonly at: Date;
  /** The uploaded images the post carries (bytes and alt text as X received them). */
  readonly media?: readonly FakeXMedia[];
}

export interface FakeXRequest {
  readonly method: string;
  readonly path: string;
  /** HTTP status answered; 0 when the connection was dropped without an answer. */
  readonly status: number;
}

export interface FakeX {
  /** Base URL, e.g. http://127.0.0.1:PORT: what CRIEUR_X_API_URL is set to. */
  readonly url: string;
  /** Accepted posts, in order. */
  readonly posts: ReadonlyArray<FakeXPost>;
  readonly requests: ReadonlyArray<FakeXRequest>;
  /** POST /2/tweets requests whose body fully arrived, answered or not (a crash test waits on it). */
  readonly tweetRequestsReceived: number;
  /** Queues scripted answers for the next POST /2/tweets requests, consumed in order. */
  failNext(...faults: FakeXFault[]): void;
  /** Forgets the scripted answers no request used yet. */
  clearFaults(): void;
  /** Queues scripted answers for the next media upload requests. */
  failNextMedia(...faults: FakeXMediaFault[]): void;
  close(): Promise<void>;
}

/** Fixed, recognisable test credentials (never real ones). */
export function fakeXCredentials(): FakeXCredentials {
  return {
    apiKey: "fake-api-key-AAAA1111",
    apiSecret: "fake-api-secret-BBBB2222",
    accessToken: "1234567890-fake-access-token-CCCC3333",
    accessSecret: "fake-access-secret-DDDD4444",
  };
}

/** The environment crieur reads its X keys from, pointed at these credentials. */
export function credentialsEnv(credentials: FakeXCredentials): Record<string, string> {
  return {
    X_API_KEY: credentials.apiKey,
    X_API_SECRET: credentials.apiSecret,
    X_ACCESS_TOKEN: credentials.accessToken,
    X_ACCESS_SECRET: credentials.accessSecret,
  };
}

const REAL_API_ORIGIN = "https://api.x.com";
const WINDOW_MS = 15 * 60_000;
const WINDOW_POST_LIMIT = 100;
const DAY_MS = 24 * 60 * 60_000;
const MAX_BODY_BYTES = 1_000_000;
// An append carries a 1 MiB chunk (twitter-api-v2's default) in a multipart body.
const MAX_MEDIA_BODY_BYTES = 6_000_000;
// X rejects OAuth timestamps too far from its clock (v1 error 135).
const MAX_CLOCK_SKEW_S = 300;
const TWEET_FIELDS = new Set([
  "text",
  "media",
  "reply",
  "quote_tweet_id",
  "poll",
  "reply_settings",
  "for_super_followers_only",
  "direct_message_deep_link",
  "geo",
  "nullcast",
  "community_id",
]);

export async function startFakeX(options: FakeXOptions): Promise<FakeX> {
  const posts: FakeXPost[] = [];
  const requests: FakeXRequest[] = [];
  const faults: FakeXFault[] = [];
  const seenNonces = new Set<string>();
  let tweetRequestsReceived = 0;
  const timers = new Set<NodeJS.Timeout>();
  let nextId = 1_900_000_000_000_000_000n;
  const media = fakeXMedia(options.media);

  function record(req: http.IncomingMessage, status: number): void {
    requests.push({ method: req.method ?? "", path: req.url ?? "", status });
  }

  function send(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    record(req, status);
    if (res.destroyed) return;
    const json = JSON.stringify(body);
    const type = status >= 400 && !isV1Body(body) ? "application/problem+json" : "application/json";
    res.writeHead(status, {
      "content-type": `${type}; charset=utf-8`,
      "content-length": Buffer.byteLength(json),
      ...headers,
    });
    res.end(json);
  }

  function drop(req: http.IncomingMessage, res: http.ServerResponse): void {
    record(req, 0);
    res.socket?.destroy();
  }

  function problem(status: number, title: string, detail: string, type = "about:blank"): unknown {
    return { title, detail, type, status };
  }

  function limitHeaders(prefix: string, limit: FakeXLimit): Record<string, string> {
    return {
      [`${prefix}-limit`]: String(limit.limit),
      [`${prefix}-remaining`]: String(limit.remaining),
      [`${prefix}-reset`]: String(Math.floor(resetTime(limit.reset).getTime() / 1000)),
    };
  }

  /** The limit headers X sends with every POST /2/tweets answer, from what was posted so far. */
  function currentLimits(now: Date): Record<string, string> {
    const inWindow = posts.filter((p) => now.getTime() - p.at.getTime() < WINDOW_MS);
    const windowStart = inWindow[0]?.at ?? now;
    const windowLimit = options.windowPostLimit ?? WINDOW_POST_LIMIT;
    const headers = limitHeaders("x-rate-limit", {
      limit: windowLimit,
      remaining: Math.max(0, windowLimit - inWindow.length),
      reset: new Date(windowStart.getTime() + WINDOW_MS),
    });
    if (options.dailyPostLimit === undefined) return headers;
    const inDay = posts.filter((p) => now.getTime() - p.at.getTime() < DAY_MS);
    return {
      ...headers,
      ...limitHeaders("x-user-limit-24hour", {
        limit: options.dailyPostLimit,
        remaining: Math.max(0, options.dailyPostLimit - inDay.length),
        reset: new Date((inDay[0]?.at ?? now).getTime() + DAY_MS),
      }),
    };
  }

  function answerFault(
    fault: Exclude<FakeXFault, { kind: "drop" } | { kind: "delay" }>,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): void {
    switch (fault.kind) {
      case "rate-limit": {
        const headers = {
          ...(fault.window && limitHeaders("x-rate-limit", fault.window)),
          ...(fault.userDay && limitHeaders("x-user-limit-24hour", fault.userDay)),
          ...(fault.appDay && limitHeaders("x-app-limit-24hour", fault.appDay)),
        };
        const body =
          fault.body === "v1"
            ? { errors: [{ code: 88, message: "Rate limit exceeded" }] }
            : problem(429, "Too Many Requests", "Too Many Requests");
        send(req, res, 429, body, headers);
        return;
      }
      case "unauthorized":
        send(req, res, 401, problem(401, "Unauthorized", "Unauthorized"));
        return;
      case "no-write-permission":
        send(
          req,
          res,
          403,
          fault.variant === "oauth1"
            ? problem(
                403,
                "Forbidden",
                "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.",
                "https://api.twitter.com/2/problems/oauth1-permissions",
              )
            : problem(403, "Forbidden", "You are not permitted to perform this action."),
        );
        return;
      case "client-not-enrolled":
        send(req, res, 403, {
          title: "Client Forbidden",
          detail:
            "When authenticating requests to the X API v2 endpoints, you must use keys and tokens from an X developer App that is attached to a Project.",
          reason: "client-not-enrolled",
          type: "https://api.twitter.com/2/problems/client-forbidden",
        });
        return;
      case "credits-depleted":
        send(req, res, 402, {
          title: "CreditsDepleted",
          detail: "Your enrolled account does not have any credits to fulfill this request.",
          type: "https://api.twitter.com/2/problems/credits",
        });
        return;
      case "server-error": {
        const titles = {
          500: "Internal Server Error",
          502: "Bad Gateway",
          503: "Service Unavailable",
          504: "Gateway Timeout",
        };
        send(
          req,
          res,
          fault.status,
          problem(fault.status, titles[fault.status], titles[fault.status]),
        );
        return;
      }
      case "answer":
        send(req, res, fault.status, fault.body);
        return;
    }
  }

  function postTweet(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    raw: string,
    after?: "drop",
  ): void {
    const now = new Date();
    if (!authorized(req, now)) {
      send(req, res, 401, problem(401, "Unauthorized", "Unauthorized"));
      return;
    }
    const invalid = (message: string) =>
      send(req, res, 400, {
        errors: [{ message }],
        title: "Invalid Request",
        detail: "One or more parameters to your request was invalid.",
        type: "https://api.twitter.com/2/problems/invalid-request",
      });
    if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
      invalid("The request body must be JSON (Content-Type: application/json).");
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      invalid("The request body is not valid JSON.");
      return;
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      invalid("The request body must be a JSON object.");
      return;
    }
    const unknownField = Object.keys(body).find((key) => !TWEET_FIELDS.has(key));
    if (unknownField !== undefined) {
      invalid(`The \`${unknownField}\` field is not allowed.`);
      return;
    }
    const text = (body as { text?: unknown }).text;
    if (typeof text !== "string") {
      invalid("The `text` field must be a string.");
      return;
    }
    if (!twitter.parseTweet(text).valid) {
      invalid(
        `The \`text\` field is empty or longer than 280 weighted characters (weight ${twitter.parseTweet(text).weightedLength}).`,
      );
      return;
    }
    const mediaIds = (body as { media?: { media_ids?: unknown } }).media?.media_ids;
    const hasMedia = "media" in body;
    const refused = hasMedia ? media.refuse(mediaIds) : undefined;
    if (refused !== undefined) {
      invalid(refused);
      return;
    }
    const limits = currentLimits(now);
    if (
      limits["x-rate-limit-remaining"] === "0" ||
      limits["x-user-limit-24hour-remaining"] === "0"
    ) {
      send(req, res, 429, problem(429, "Too Many Requests", "Too Many Requests"), limits);
      return;
    }
    if (posts.some((post) => post.text === text)) {
      send(
        req,
        res,
        403,
        problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content."),
        limits,
      );
      return;
    }
    const id = String(nextId++);
    const attached = hasMedia
      ? { media: (mediaIds as unknown[]).map((m) => media.media.get(String(m)) as FakeXMedia) }
      : {};
    posts.push({ id, text, at: now, ...attached });
    if (after === "drop") {
      drop(req, res);
      return;
    }
    send(req, res, 201, { data: { id, text, edit_history_tweet_ids: [id] } }, currentLimits(now));
  }

  /** Checks the OAuth 1.0a header the way X does; the signed URL is the real api.x.com one. */
  function authorized(req: http.IncomingMessage, now: Date): boolean {
    const params = parseOAuthHeader(req.headers.authorization);
    if (params === undefined) return false;
    const { credentials } = options;
    const signature = params.get("oauth_signature");
    const nonce = params.get("oauth_nonce");
    const timestamp = Number(params.get("oauth_timestamp"));
    if (
      signature === undefined ||
      nonce === undefined ||
      params.get("oauth_consumer_key") !== credentials.apiKey ||
      params.get("oauth_token") !== credentials.accessToken ||
      params.get("oauth_signature_method") !== "HMAC-SHA1" ||
      params.get("oauth_version") !== "1.0" ||
      !Number.isFinite(timestamp) ||
      Math.abs(now.getTime() / 1000 - timestamp) > MAX_CLOCK_SKEW_S ||
      seenNonces.has(nonce)
    ) {
      return false;
    }
    const url = new URL(req.url ?? "/", REAL_API_ORIGIN);
    const signed = [...params].filter(([key]) => key !== "oauth_signature");
    // JSON bodies are not signed; query parameters are.
    for (const [key, value] of url.searchParams) signed.push([key, value]);
    const normalized = signed
      .map(([key, value]) => [percentEncode(key), percentEncode(value)] as const)
      .sort(([ak, av], [bk, bv]) => (ak === bk ? compare(av, bv) : compare(ak, bk)))
      .map(([key, value]) => `${key}=${value}`)
      .join("&");
    const base = [
      req.method ?? "",
      percentEncode(`${REAL_API_ORIGIN}${url.pathname}`),
      percentEncode(normalized),
    ].join("&");
    const key = `${percentEncode(credentials.apiSecret)}&${percentEncode(credentials.accessSecret)}`;
    const expected = createHmac("sha1", key).update(base).digest();
    const received = Buffer.from(signature, "base64");
    if (received.length !== expected.length || !timingSafeEqual(received, expected)) return false;
    seenNonces.add(nonce);
    return true;
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? "/", REAL_API_ORIGIN);
    const path = url.pathname;
    if (path.startsWith("/2/media/")) {
      if (!authorized(req, new Date())) {
        send(req, res, 401, problem(401, "Unauthorized", "Unauthorized"));
        return;
      }
      const reply = (status: number, answer: unknown) => send(req, res, status, answer);
      media
        .handle(req, path, url.searchParams, body, reply)
        .catch(() => reply(500, problem(500, "Internal Error", "The fake failed.")));
      return;
    }
    const raw = body.toString("utf8");
    if (req.method === "POST" && path === "/2/tweets") {
      const fault = faults.shift();
      if (fault === undefined) {
        postTweet(req, res, raw);
      } else if (fault.kind === "drop") {
        if (fault.afterAccepting === true) postTweet(req, res, raw, "drop");
        else drop(req, res);
      } else if (fault.kind === "delay") {
        const timer = setTimeout(() => {
          timers.delete(timer);
          postTweet(req, res, raw);
        }, fault.ms);
        timers.add(timer);
      } else {
        answerFault(fault, req, res);
      }
      return;
    }
    if (req.method === "GET" && path === "/2/users/me") {
      if (!authorized(req, new Date())) {
        send(req, res, 401, problem(401, "Unauthorized", "Unauthorized"));
        return;
      }
      send(req, res, 200, {
        data: {
          id: options.credentials.accessToken.split("-")[0],
          name: "Fake X",
          username: "fake_x",
        },
      });
      return;
    }
    send(req, res, 404, problem(404, "Not Found Error", `No route for ${req.method} ${path}.`));
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    const maxBytes = req.url?.startsWith("/2/media/") ? MAX_MEDIA_BODY_BYTES : MAX_BODY_BYTES;
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        send(req, res, 413, problem(413, "Payload Too Large", "The request body is too large."));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (req.method === "POST" && req.url?.startsWith("/2/tweets")) tweetRequestsReceived += 1;
      if (size <= maxBytes) handle(req, res, Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    requests,
    get tweetRequestsReceived() {
      return tweetRequestsReceived;
    },
    failNext(...next: FakeXFault[]) {
      faults.push(...next);
    },
    clearFaults() {
      faults.length = 0;
    },
    failNextMedia(...next: FakeXMediaFault[]) {
      media.failNext(...next);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function resetTime(reset: FakeXLimit["reset"]): Date {
  return reset instanceof Date ? reset : new Date(Date.now() + reset.afterMs);
}

/** Parses `OAuth k="v", …` into decoded pairs; undefined when it is not an OAuth header. */
function parseOAuthHeader(header: string | undefined): Map<string, string> | undefined {
  if (header === undefined || !header.startsWith("OAuth ")) return undefined;
  const params = new Map<string, string>();
  for (const part of header.slice("OAuth ".length).split(",")) {
    const match = /^\s*([^=\s]+)="([^"]*)"\s*$/.exec(part);
    if (match === null) return undefined;
    const [, key = "", value = ""] = match;
    try {
      params.set(decodeURIComponent(key), decodeURIComponent(value));
    } catch {
      return undefined;
    }
  }
  return params;
}

/** RFC 3986 percent-encoding, as OAuth 1.0a requires (encodeURIComponent leaves !'()* alone). */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isV1Body(body: unknown): boolean {
  return typeof body === "object" && body !== null && "errors" in body && !("title" in body);
}
