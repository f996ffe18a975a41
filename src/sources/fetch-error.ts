/**
 * Why a feed could not be fetched, in words for the owner: HTTP, TLS, DNS, socket and
 * decompression failures (node:http, node:https, node:zlib) translated into FeedFetchError with
 * what to do.
 */
import { CrieurError } from "../errors.js";

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

export /** Every run fetches again, so a passing problem needs no action from the owner. */
const NEXT_RUN = "crieur will try again on the next run";

/**
 * node:http and node:zlib errors carry a `code`; one wrapped in another error (Node's fetch did
 * that) has it in `cause`; an AggregateError, when several addresses were tried, in its first one.
 */
export function translateFailure(
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
  if ("code" in cause && cause.code === "EPROTO" && cause instanceof Error) {
    return opensslCode(cause.message) ?? cause.code;
  }
  if ("code" in cause && typeof cause.code === "string") return cause.code;
  if (cause instanceof AggregateError) return errorCode(cause.errors[0]);
  return undefined;
}

/**
 * node:https reports a failed handshake as EPROTO with OpenSSL's reason in the message
 * ("…:SSL routines:ssl3_get_record:wrong version number:…"); Node names that reason
 * ERR_SSL_WRONG_VERSION_NUMBER elsewhere, so it is read back into that form.
 */
function opensslCode(message: string): string | undefined {
  const reason = /:SSL routines:[^:]*:([a-z0-9 ]+):/i.exec(message)?.[1];
  return reason === undefined
    ? undefined
    : `ERR_SSL_${reason.trim().toUpperCase().replace(/ +/g, "_")}`;
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

const BAD_COMPRESSION: readonly [string, FetchFailureReason] = [
  `the server sent a compressed body that cannot be decompressed; ${NEXT_RUN}. If it lasts, tell the site's owner.`,
  "network",
];

/** Socket, DNS and decompression error codes in words, with the reason they map to. */
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
  ETIMEDOUT: [`connecting to the server timed out; ${NEXT_RUN}.`, "timeout"],
  EHOSTUNREACH: [
    `the server cannot be reached from here (no route to it); ${NEXT_RUN}.`,
    "network",
  ],
  ENETUNREACH: [`the server cannot be reached from here (no route to it); ${NEXT_RUN}.`, "network"],
  Z_DATA_ERROR: BAD_COMPRESSION,
  // A gzip or deflate body that ends too early.
  Z_BUF_ERROR: BAD_COMPRESSION,
};

function networkProblem(
  code: string | undefined,
  cause: unknown,
): readonly [problem: string, reason: FetchFailureReason] {
  // Brotli's errors are named after its own codes: ERR__ERROR_FORMAT_…, ERR_BROTLI_….
  if (code?.startsWith("ERR__ERROR_FORMAT") || code?.startsWith("ERR_BROTLI")) {
    return BAD_COMPRESSION;
  }
  const known = code === undefined ? undefined : NETWORK_PROBLEMS[code];
  if (known !== undefined) return known;
  const detail = code ?? (cause instanceof Error ? cause.message : String(cause));
  return [`a network error occurred (${detail}); ${NEXT_RUN}.`, "network"];
}

export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toFixed(1))} MB`;
  if (n >= 1_000) return `${Number((n / 1_000).toFixed(1))} kB`;
  return `${n} bytes`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
