/**
 * Fetch stage, the network edge: a feed URL and the validators saved from the last run → the
 * feed's text (decoded by decode.ts) or "not-modified". One overall time limit covers redirects,
 * headers and body; the body is streamed and cut off past a byte cap. Every failure becomes a
 * FeedFetchError whose message tells the owner what happened and what to do. It never retries
 * (the next scheduled run is the retry) and never touches state.
 */
import { STATUS_CODES } from "node:http";
import { CRIEUR_VERSION } from "../version.js";
import { decodeFeedBytes } from "./decode.js";
import { FeedFetchError, formatBytes, NEXT_RUN } from "./fetch-error.js";
import {
  discard,
  type HttpResponse,
  isSuccess,
  REDIRECT_STATUSES,
  readCapped,
  request,
} from "./http-get.js";

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
    const response = await request(current, headers, signal, options.timeoutMs);

    if (REDIRECT_STATUSES.has(response.status)) {
      discard(response);
      const location = response.header("location");
      if (location === undefined) {
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
      discard(response);
      return { kind: "not-modified" };
    }
    if (!isSuccess(response)) {
      discard(response);
      throw statusError(response, current.href, url);
    }

    const finalUrl = current.href;
    const body = await readCapped(response, finalUrl, signal, options, () =>
      tooLarge(finalUrl, options.maxBytes),
    );
    const decoded = await decodeFeedBytes(body, response.header("content-type"));
    return {
      kind: "fetched",
      text: decoded.text,
      url: current.href,
      validators: validatorsOf(response),
      bytes: body.byteLength,
      encoding: decoded.encoding,
      notes: decoded.notes,
    };
  }
}

/** Parses `raw` and accepts only http(s); `feedUrl` names the feed in the message. */
function httpUrl(raw: string, feedUrl: string): URL {
  // webcal:// is how sites link a calendar to subscribe to: it is fetched over https.
  const address = raw.replace(/^webcal:\/\//i, "https://");
  const parsed = URL.canParse(address) ? new URL(address) : undefined;
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

function tooLarge(url: string, maxBytes: number): FeedFetchError {
  return new FeedFetchError(
    `Feed ${url} is larger than ${formatBytes(maxBytes)}; raise fetch.maxBytes in feeds.yml if it is legitimate.`,
    { url, reason: "too-large" },
  );
}

function statusError(response: HttpResponse, url: string, feedUrl: string): FeedFetchError {
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
      ? parseRetryAfter(response.header("retry-after"), new Date())
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
function parseRetryAfter(value: string | undefined, now: Date): Date | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return new Date(now.getTime() + Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : new Date(date);
}

function validatorsOf(response: HttpResponse): Validators {
  const etag = response.header("etag");
  const lastModified = response.header("last-modified");
  return {
    ...(etag === undefined ? {} : { etag }),
    ...(lastModified === undefined ? {} : { lastModified }),
  };
}
