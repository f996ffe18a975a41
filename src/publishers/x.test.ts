import type { IncomingHttpHeaders } from "node:http";
import {
  ApiPartialResponseError,
  ApiRequestError,
  ApiResponseError,
  type TwitterApiErrorData,
} from "twitter-api-v2";
import { describe, expect, it } from "vitest";
import { PublishError } from "./publisher.js";
import { translateXError } from "./x.js";

const NOW = new Date("2026-03-01T12:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const epoch = (date: Date) => String(date.getTime() / 1000);

/** An ApiResponseError as twitter-api-v2 builds it (rateLimit parsed only with x-rate-limit-limit). */
function responseError(
  code: number,
  data: TwitterApiErrorData | string | undefined,
  headers: IncomingHttpHeaders = {},
): ApiResponseError {
  return new ApiResponseError(`Request failed with code ${code}`, {
    code,
    data: data as TwitterApiErrorData,
    headers,
    request: {} as never,
    response: {} as never,
  });
}

function limit(prefix: string, remaining: number, reset: Date): IncomingHttpHeaders {
  return {
    [`${prefix}-limit`]: "17",
    [`${prefix}-remaining`]: String(remaining),
    [`${prefix}-reset`]: epoch(reset),
  };
}

const tooMany = { title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank" };

describe("translateXError: rate limits", () => {
  it.each([
    {
      name: "15-minute window exhausted",
      headers: limit("x-rate-limit", 0, at(7)),
      resumeAt: at(7),
    },
    {
      name: "window and account's day exhausted: the later reset wins",
      headers: { ...limit("x-rate-limit", 0, at(7)), ...limit("x-user-limit-24hour", 0, at(600)) },
      resumeAt: at(600),
    },
    {
      name: "app's day exhausted, window not",
      headers: { ...limit("x-rate-limit", 4, at(7)), ...limit("x-app-limit-24hour", 0, at(300)) },
      resumeAt: at(300),
    },
    {
      name: "a day limit with requests left does not count",
      headers: { ...limit("x-rate-limit", 0, at(7)), ...limit("x-user-limit-24hour", 3, at(600)) },
      resumeAt: at(7),
    },
    {
      name: "account's day headers without x-rate-limit-* (the library skips them)",
      headers: limit("x-user-limit-24hour", 0, at(900)),
      resumeAt: at(900),
    },
    {
      name: "nothing exhausted: the window reset",
      headers: limit("x-rate-limit", 2, at(11)),
      resumeAt: at(11),
    },
    { name: "no headers: 15 minutes from now", headers: {}, resumeAt: at(15) },
    {
      name: "resets already past: 15 minutes from now",
      headers: { ...limit("x-rate-limit", 0, at(-1)), ...limit("x-user-limit-24hour", 0, at(-5)) },
      resumeAt: at(15),
    },
    {
      name: "garbage header values: 15 minutes from now",
      headers: { "x-rate-limit-remaining": "zero", "x-rate-limit-reset": "soon" },
      resumeAt: at(15),
    },
  ])("$name", ({ headers, resumeAt }) => {
    const error = translateXError(responseError(429, tooMany, headers), NOW);
    expect(error.kind).toBe("rate-limited");
    expect(error.details).toEqual({ status: 429, resumeAt });
    expect(error.message).toContain(`posting resumes at ${resumeAt.toISOString()}`);
  });

  it.each([
    {
      name: "v1 code 88 body",
      code: 429,
      data: { errors: [{ code: 88, message: "Rate limit exceeded" }] },
    },
    { name: "legacy 420", code: 420, data: undefined },
  ])("$name is rate-limited", ({ code, data }) => {
    const error = translateXError(responseError(code, data), NOW);
    expect(error.kind).toBe("rate-limited");
    expect(error.details.resumeAt).toEqual(at(15));
  });

  it("names the limit that was reached", () => {
    const headers = {
      ...limit("x-rate-limit", 0, at(7)),
      ...limit("x-user-limit-24hour", 0, at(600)),
    };
    expect(translateXError(responseError(429, tooMany, headers), NOW).message).toContain(
      "the account's 24-hour limit is reached",
    );
  });
});

describe("translateXError: answers from X", () => {
  it.each([
    {
      name: "duplicate text (v2)",
      code: 403,
      data: {
        detail: "You are not allowed to create a Tweet with duplicate content.",
        type: "about:blank",
        title: "Forbidden",
      },
      kind: "duplicate",
      says: ["already has a post with exactly this text"],
    },
    {
      name: "duplicate text (v1 code 187)",
      code: 403,
      data: { errors: [{ code: 187, message: "Status is a duplicate." }] },
      kind: "duplicate",
      says: ["exactly this text"],
    },
    {
      name: "bad keys or tokens",
      code: 401,
      data: { title: "Unauthorized", detail: "Unauthorized", type: "about:blank" },
      kind: "auth",
      says: ["X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_SECRET"],
    },
    {
      name: "app without write permission",
      code: 403,
      data: {
        detail: "You are not permitted to perform this action.",
        type: "about:blank",
        title: "Forbidden",
      },
      kind: "auth",
      says: ['"Read and write"', "regenerate the access token and secret", "X_ACCESS_TOKEN"],
    },
    {
      name: "oauth1-permissions problem",
      code: 403,
      data: {
        title: "Forbidden",
        detail: "Your client app is not configured with the appropriate oauth1 app permissions.",
        type: "https://api.twitter.com/2/problems/oauth1-permissions",
      },
      kind: "auth",
      says: ['"Read and write"'],
    },
    {
      name: "v1 code 261 (no write right)",
      code: 403,
      data: { errors: [{ code: 261, message: "Application cannot perform write actions." }] },
      kind: "auth",
      says: ['"Read and write"'],
    },
    {
      name: "client not enrolled",
      code: 403,
      data: {
        title: "Client Forbidden",
        detail: "You must use keys and tokens from an App attached to a Project.",
        type: "https://api.twitter.com/2/problems/client-forbidden",
      },
      kind: "auth",
      says: ["attach the app to a Project", "X_API_KEY"],
    },
    {
      name: "credits depleted (402)",
      code: 402,
      data: {
        title: "CreditsDepleted",
        detail: "Your enrolled account does not have any credits to fulfill this request.",
        type: "https://api.twitter.com/2/problems/credits",
      },
      kind: "auth",
      says: ["Add credits or raise the spending limit"],
    },
    {
      name: "spending cap reached (403)",
      code: 403,
      data: {
        title: "Forbidden",
        detail: "Spend cap reached for this billing cycle.",
        type: "about:blank",
      },
      kind: "auth",
      says: ["Add credits or raise the spending limit"],
    },
    {
      name: "suspended account",
      code: 403,
      data: { title: "Forbidden", detail: "This account is suspended.", type: "about:blank" },
      kind: "auth",
      says: ["suspended or locked"],
    },
    {
      name: "server error",
      code: 500,
      data: {
        title: "Internal Server Error",
        detail: "Internal Server Error",
        type: "about:blank",
      },
      kind: "transient",
      says: ["HTTP 500"],
    },
    {
      name: "gateway error with an HTML body",
      code: 502,
      data: "<html>\n <body>Bad   Gateway</body></html>",
      kind: "transient",
      says: ["HTTP 502", "<body>Bad Gateway</body>"],
    },
    {
      name: "service unavailable without a body",
      code: 503,
      data: undefined,
      kind: "transient",
      says: ["X failed with HTTP 503."],
    },
    {
      name: "invalid request",
      code: 400,
      data: {
        errors: [{ parameters: { text: [""] }, message: "The `text` field is too long." }],
        title: "Invalid Request",
        detail: "One or more parameters to your request was invalid.",
        type: "https://api.twitter.com/2/problems/invalid-request",
      },
      kind: "rejected",
      says: ["HTTP 400", "One or more parameters", "The `text` field is too long."],
    },
    {
      name: "other 403 about the content",
      code: 403,
      data: {
        title: "Forbidden",
        detail: "This request looks like it might be automated.",
        type: "about:blank",
      },
      kind: "rejected",
      says: ["HTTP 403", "looks like it might be automated"],
    },
    {
      name: "not found",
      code: 404,
      data: { title: "Not Found Error", detail: "", type: "about:blank" },
      kind: "rejected",
      says: ['HTTP 404: "Not Found Error"'],
    },
  ])("$name → $kind", ({ code, data, kind, says }) => {
    const error = translateXError(responseError(code, data as TwitterApiErrorData), NOW);
    expect(error).toBeInstanceOf(PublishError);
    expect(error.kind).toBe(kind);
    expect(error.details.status).toBe(code);
    for (const words of says) expect(error.message).toContain(words);
  });
});

describe("translateXError: failures before an answer", () => {
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
    code: "ECONNREFUSED",
  });
  it.each([
    {
      name: "connection refused",
      error: new ApiRequestError("Request failed.", { request: {} as never, error: refused }),
      says: "Could not reach X: connect ECONNREFUSED 127.0.0.1:9.",
    },
    {
      name: "reset without the code in its message",
      error: new ApiRequestError("Request failed.", {
        request: {} as never,
        error: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
      }),
      says: "ECONNRESET socket hang up",
    },
    {
      name: "timeout",
      error: new ApiRequestError("Request failed.", {
        request: {} as never,
        error: new Error("Request timeout."),
      }),
      says: "Could not reach X: Request timeout.",
    },
    {
      name: "answer cut off",
      error: new ApiPartialResponseError("Request failed with partial response", {
        request: {} as never,
        response: {} as never,
        rawContent: '{"da',
        responseError: new Error("Response has been interrupted before response could be parsed."),
      }),
      says: "X's answer was cut off (Response has been interrupted",
    },
    { name: "anything else", error: new TypeError("boom"), says: "failed unexpectedly: boom." },
    { name: "a non-error", error: "weird", says: "failed unexpectedly: weird." },
  ])("$name → transient", ({ error, says }) => {
    const translated = translateXError(error, NOW);
    expect(translated.kind).toBe("transient");
    expect(translated.message).toContain(says);
  });

  it("passes a PublishError through", () => {
    const original = new PublishError("already translated", "rejected", { status: 400 });
    expect(translateXError(original, NOW)).toBe(original);
  });
});
