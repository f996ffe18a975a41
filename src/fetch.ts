/**
 * Fetch stage, the network edge: a feed URL and the validators saved from the last run → the
 * feed's text (decoded by decode.ts) or "not-modified". One overall time limit covers redirects,
 * headers and body; the body is streamed and cut off past a byte cap. Every failure becomes a
 * FeedFetchError whose message tells the owner what happened and what to do. It never retries
 * (the next scheduled run is the retry) and never touches state.
 */
import { STATUS_CODES } from "node:http";
import { decodeFeedBytes } from "./decode.js";
import { CrieurError } from "./errors.js";
import { CRIEUR_VERSION } from "./version.js";

/** HTTP cache validators from the last successful fetch, sent back to get a cheap 304. */
export interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

export interface FetchOptions {
  /** Overall limit for one feed: every redirect, the headers and the whole body. */
  readonly timeoutMs: number;
  /** Largest body accepted, counted after decompression. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
}

export type FetchResult =
  | { readonly kind: "not-modified" }
  | {
      readonly kind: "fetched";
      readonly text: string;
      /** Final URL after redirects: the base for the feed's relative links. */
      readonly url: string;
      readonly validators: Validators;
      /** Body size after decompression. */
      readonly bytes: number;
      readonly encoding: string;
      /** Guesses the decoder had to make, worth telling the owner once. */
      readonly notes: readonly string[];
    };

/**
 * Why a fetch failed. "gone" (HTTP 410) means the feed should be removed; "http" covers every
 * other refused request (including a URL that is not http(s)); "network" and "tls" are about
 * reaching the server at all.
 */
export type FetchFailureReason =
  | "timeout"
  | "too-large"
  | "http"
  | "gone"
  | "redirects"
  | "network"
  | "tls";

export class FeedFetchError extends CrieurError {
  override name = "FeedFetchError";
  readonly url: string;
  readonly reason: FetchFailureReason;
  readonly status?: number;
  /** When the site asked us to come back (Retry-After on 429 and 503). */
  readonly retryAfter?: Date;

  constructor(
    message: string,
    details: {
      readonly url: string;
      readonly reason: FetchFailureReason;
      readonly status?: number;
      readonly retryAfter?: Date;
      readonly cause?: unknown;
    },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.url = details.url;
    this.reason = details.reason;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
  }
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 20_000,
  maxBytes: 5_000_000,
  maxRedirects: 5,
  userAgent: `crieur/${CRIEUR_VERSION} (+https://github.com/crieur-bot/crieur)`,
};

const ACCEPT = [
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/xml;q=0.9",
  "text/xml;q=0.9",
  "application/json;q=0.8",
  "*/*;q=0.5",
].join(", ");

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Every run fetches again, so a passing problem needs no action from the owner. */
const NEXT_RUN = "crieur will try again on the next run";

/** Fetches one feed. Resolves with its text or "not-modified"; rejects only with FeedFetchError. */
export async function fetchFeed(
  url: string,
  validators: Validators,
  options: FetchOptions,
): Promise<FetchResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const headers: Record<string, string> = {
    accept: ACCEPT,
    "accept-encoding": "gzip, deflate, br",
    "user-agent": options.userAgent,
  };
  if (validators.etag !== undefined) headers["if-none-match"] = validators.etag;
  if (validators.lastModified !== undefined) headers["if-modified-since"] = validators.lastModified;

  const visited = new Set<string>();
  let current = httpUrl(url, url);
  for (let redirects = 0; ; redirects++) {
    visited.add(current.href);
    const response = await request(current.href, headers, signal, options.timeoutMs);

    if (REDIRECT_STATUSES.has(response.status)) {
      await discard(response);
      const location = response.headers.get("location");
      if (location === null) {
        throw new FeedFetchError(
          `HTTP ${response.status} from ${current.href} redirects nowhere (no Location header) — check the feed's url in feeds.yml.`,
          { url: current.href, reason: "http", status: response.status },
        );
      }
      const next = redirectTarget(location, current, url);
      if (visited.has(next.href)) {
        throw new FeedFetchError(
          `Feed ${url} redirects in a loop (${current.href} → ${next.href}) — the site is misconfigured; check the feed's url in feeds.yml.`,
          { url: current.href, reason: "redirects", status: response.status },
        );
      }
      if (redirects >= options.maxRedirects) {
        throw new FeedFetchError(
          `Feed ${url} redirects more than ${options.maxRedirects} times (the last one to ${next.href}) — put the feed's final address in feeds.yml.`,
          { url: current.href, reason: "redirects", status: response.status },
        );
      }
      current = next;
      continue;
    }

    if (response.status === 304) {
      await discard(response);
      return { kind: "not-modified" };
    }
    if (!response.ok) {
      await discard(response);
      throw statusError(response, current.href, url);
    }

    const body = await readCapped(response, current.href, signal, options);
    const decoded = decodeFeedBytes(body, response.headers.get("content-type") ?? undefined);
    return {
      kind: "fetched",
      text: decoded.text,
      url: current.href,
      validators: validatorsOf(response.headers),
      bytes: body.byteLength,
      encoding: decoded.encoding,
      notes: decoded.notes,
    };
  }
}

/** Parses `raw` and accepts only http(s); `feedUrl` names the feed in the message. */
function httpUrl(raw: string, feedUrl: string): URL {
  const parsed = URL.canParse(raw) ? new URL(raw) : undefined;
  if (parsed?.protocol !== "http:" && parsed?.protocol !== "https:") {
    throw new FeedFetchError(
      `Feed address "${raw}" is not an http:// or https:// URL — fix the feed's url in feeds.yml.`,
      { url: feedUrl, reason: "http" },
    );
  }
  return parsed;
}

function redirectTarget(location: string, current: URL, feedUrl: string): URL {
  const next = URL.canParse(location, current.href) ? new URL(location, current) : undefined;
  if (next?.protocol !== "http:" && next?.protocol !== "https:") {
    throw new FeedFetchError(
      `Feed ${feedUrl} redirects to "${location}", which is not an http(s) address — the site is misconfigured; check the feed's url in feeds.yml.`,
      { url: current.href, reason: "redirects" },
    );
  }
  return next;
}

async function request(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Response> {
  try {
    return await fetch(url, { headers, signal, redirect: "manual" });
  } catch (error) {
    throw translateFailure(error, url, signal, timeoutMs, "answer");
  }
}

/** Reads the body chunk by chunk so an endless or huge response is cut off early. */
async function readCapped(
  response: Response,
  url: string,
  signal: AbortSignal,
  options: FetchOptions,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > options.maxBytes) {
    await discard(response);
    throw tooLarge(url, options.maxBytes);
  }
  if (response.body === null) return new Uint8Array(0);

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(url, options.maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    // Cancelling releases the socket when the failure did not come from the stream itself.
    await reader.cancel().catch(() => undefined);
    throw translateFailure(error, url, signal, options.timeoutMs, "download");
  }
  return Buffer.concat(chunks, total);
}

/** Releases the connection of a response whose body we do not want. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function tooLarge(url: string, maxBytes: number): FeedFetchError {
  return new FeedFetchError(
    `Feed ${url} is larger than ${formatBytes(maxBytes)}; raise fetch.maxBytes in feeds.yml if it is legitimate.`,
    { url, reason: "too-large" },
  );
}

function statusError(response: Response, url: string, feedUrl: string): FeedFetchError {
  const status = response.status;
  const phrase = response.statusText || STATUS_CODES[status] || "";
  const from = `HTTP ${status}${phrase === "" ? "" : ` ${phrase}`} from ${url}${url === feedUrl ? "" : ` (redirected from ${feedUrl})`}`;
  if (status === 410) {
    return new FeedFetchError(
      `${from}: the site says this feed is gone for good (HTTP 410); remove it from feeds.yml or find its new address.`,
      { url, reason: "gone", status },
    );
  }
  const retryAfter =
    status === 429 || status === 503
      ? parseRetryAfter(response.headers.get("retry-after"), new Date())
      : undefined;
  const wait =
    retryAfter === undefined ? "" : ` The site asks to wait until ${retryAfter.toISOString()}.`;
  let advice: string;
  if (status === 429) {
    advice = `the site is limiting requests; ${NEXT_RUN}.${wait}`;
  } else if (status >= 500) {
    advice = `the site has a problem on its side; ${NEXT_RUN}.${wait}`;
  } else if (status === 401 || status === 403) {
    advice =
      "the site refuses access — check the feed's url in feeds.yml, or ask the site to allow crieur.";
  } else {
    advice = "check the feed's url in feeds.yml.";
  }
  return new FeedFetchError(`${from} — ${advice}`, {
    url,
    reason: "http",
    status,
    ...(retryAfter === undefined ? {} : { retryAfter }),
  });
}

/** Retry-After is either a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | null, now: Date): Date | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return new Date(now.getTime() + Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : new Date(date);
}

function validatorsOf(headers: Headers): Validators {
  const etag = headers.get("etag");
  const lastModified = headers.get("last-modified");
  return {
    ...(etag === null ? {} : { etag }),
    ...(lastModified === null ? {} : { lastModified }),
  };
}

/**
 * Undici rejects with `TypeError("fetch failed")` and hides the real reason in `cause` (an error
 * with a `code`, sometimes an AggregateError when several addresses were tried).
 */
function translateFailure(
  error: unknown,
  url: string,
  signal: AbortSignal,
  timeoutMs: number,
  stage: "answer" | "download",
): FeedFetchError {
  if (signal.aborted) {
    const what = stage === "answer" ? "no answer" : "the download did not finish";
    return new FeedFetchError(
      `Feed ${url} timed out: ${what} within ${formatDuration(timeoutMs)}; ${NEXT_RUN}. If it keeps happening, raise fetch.timeoutSeconds in feeds.yml.`,
      { url, reason: "timeout", cause: error },
    );
  }
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = errorCode(cause);
  const tls = tlsProblem(code);
  if (tls !== undefined) {
    return new FeedFetchError(`Could not fetch ${url}: ${tls}`, {
      url,
      reason: "tls",
      cause: error,
    });
  }
  const [problem, reason] = networkProblem(code, cause);
  return new FeedFetchError(`Could not fetch ${url}: ${problem}`, { url, reason, cause: error });
}

function errorCode(cause: unknown): string | undefined {
  if (typeof cause !== "object" || cause === null) return undefined;
  if ("code" in cause && typeof cause.code === "string") return cause.code;
  if (cause instanceof AggregateError) return errorCode(cause.errors[0]);
  return undefined;
}

/** TLS error codes (OpenSSL via Node) in words, with what to do; undefined when not TLS. */
function tlsProblem(code: string | undefined): string | undefined {
  const ownerFix = `ask the site's owner to fix it; ${NEXT_RUN}.`;
  switch (code) {
    case undefined:
      return undefined;
    case "CERT_HAS_EXPIRED":
      return `the site's TLS certificate has expired — ${ownerFix}`;
    case "CERT_NOT_YET_VALID":
      return `the site's TLS certificate is not valid yet — ${ownerFix}`;
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
      return `the site's TLS certificate is not valid (self-signed certificate) — ${ownerFix}`;
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `the site's TLS certificate is for a different domain name — ${ownerFix}`;
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
      return `the site's TLS certificate cannot be verified (incomplete or unknown certificate chain) — ${ownerFix}`;
    case "ERR_SSL_WRONG_VERSION_NUMBER":
    case "ERR_SSL_PACKET_LENGTH_TOO_LONG":
      return "the server does not speak https at this address — check the feed's url in feeds.yml (http:// instead of https://, or the port).";
  }
  if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_") || code.includes("CERT")) {
    return `a secure (https) connection could not be set up (${code}) — ${ownerFix}`;
  }
  return undefined;
}

/** Socket and DNS error codes (Node and undici) in words, with the reason they map to. */
const NETWORK_PROBLEMS: Readonly<Record<string, readonly [string, FetchFailureReason]>> = {
  ENOTFOUND: [
    "its domain name does not exist (DNS lookup failed) — check the feed's url in feeds.yml.",
    "network",
  ],
  EAI_AGAIN: [`its domain name could not be looked up right now; ${NEXT_RUN}.`, "network"],
  ECONNREFUSED: [
    `the server refused the connection (nothing answers at that address); ${NEXT_RUN}. If it lasts, check the feed's url in feeds.yml.`,
    "network",
  ],
  ECONNRESET: [`the server closed the connection unexpectedly; ${NEXT_RUN}.`, "network"],
  EPIPE: [`the server closed the connection unexpectedly; ${NEXT_RUN}.`, "network"],
  UND_ERR_SOCKET: [`the server closed the connection unexpectedly; ${NEXT_RUN}.`, "network"],
  ETIMEDOUT: [`connecting to the server timed out; ${NEXT_RUN}.`, "timeout"],
  UND_ERR_CONNECT_TIMEOUT: [`connecting to the server timed out; ${NEXT_RUN}.`, "timeout"],
  EHOSTUNREACH: [
    `the server cannot be reached from here (no route to it); ${NEXT_RUN}.`,
    "network",
  ],
  ENETUNREACH: [`the server cannot be reached from here (no route to it); ${NEXT_RUN}.`, "network"],
  Z_DATA_ERROR: [
    `the server sent a compressed body that cannot be decompressed; ${NEXT_RUN}. If it lasts, tell the site's owner.`,
    "network",
  ],
};

function networkProblem(
  code: string | undefined,
  cause: unknown,
): readonly [problem: string, reason: FetchFailureReason] {
  const known = code === undefined ? undefined : NETWORK_PROBLEMS[code];
  if (known !== undefined) return known;
  const detail = code ?? (cause instanceof Error ? cause.message : String(cause));
  return [`a network error occurred (${detail}); ${NEXT_RUN}.`, "network"];
}

function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toFixed(1))} MB`;
  if (n >= 1_000) return `${Number((n / 1_000).toFixed(1))} kB`;
  return `${n} bytes`;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
