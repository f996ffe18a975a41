/**
 * The X publisher: text → a post on X through twitter-api-v2 (OAuth 1.0a user context), or a
 * PublishError whose kind says what the orchestrator should do. Transient failures (5xx, network)
 * are retried a bounded number of times; a "duplicate" answer on a retry means an earlier attempt
 * went out. It never logs, never touches state, and never puts a secret in a message.
 */

import type { IncomingHttpHeaders } from "node:http";
import http from "node:http";
import {
  ApiPartialResponseError,
  ApiRequestError,
  ApiResponseError,
  type ITwitterApiClientPlugin,
  TwitterApi,
  type TwitterApiErrorData,
} from "twitter-api-v2";
import { UsageError } from "../errors.js";
import { X_LENGTH } from "../rules/length.js";
import type { XCredentials } from "./credentials.js";
import {
  type Post,
  type PostImage,
  PublishError,
  type Publisher,
  type PublishOptions,
} from "./publisher.js";
import { uploadImage } from "./x-media.js";

export interface XPublisherOptions {
  readonly credentials: XCredentials;
  /** Where to send API calls instead of https://api.x.com (CRIEUR_X_API_URL), e.g. a fake X. */
  readonly apiBaseUrl?: string;
  /** Waits between retries; tests inject a no-op. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Retries after a transient failure (default 2, so at most 3 attempts). */
  readonly retries?: number;
  /** Socket idle timeout per request (default 30 s), so a hung connection cannot stall a run. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const FIRST_BACKOFF_MS = 1_000;
const FALLBACK_RATE_LIMIT_MS = 15 * 60_000;

/** A Publisher for X; post URLs are https://x.com/i/web/status/{id}. */
export function createXPublisher(options: XPublisherOptions): Publisher {
  const { credentials, retries = 2 } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const client = new TwitterApi(
    {
      appKey: credentials.apiKey,
      appSecret: credentials.apiSecret,
      accessToken: credentials.accessToken,
      accessSecret: credentials.accessSecret,
    },
    { plugins: [transport(options.apiBaseUrl, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)] },
  );

  // After an upload that took too long, the others of this run go without their images.
  let uploadsTimedOut = false;

  async function attempt(text: string, mediaId: string | undefined): Promise<Post> {
    const { data } = await client.v2.tweet(
      mediaId === undefined ? { text } : { text, media: { media_ids: [mediaId] } },
    );
    if (typeof data?.id !== "string" || data.id === "") {
      // Retrying is safe: if the post did go out, the retry answers "duplicate".
      throw new PublishError("X accepted the request but its answer had no post id.", "transient");
    }
    return { id: data.id, url: `https://x.com/i/web/status/${data.id}` };
  }

  return {
    network: "x",
    resendWindowMs: 24 * 60 * 60_000,
    limits: async () => ({ length: X_LENGTH, maxImages: 1 }),
    async publish(text: string, publish: PublishOptions = {}): Promise<Post> {
      const notes: string[] = [];
      // Uploaded once: a retry of the same post reuses it.
      const mediaId = publish.image ? await uploadOnce(publish.image, notes) : undefined;
      const withNotes = (post: Post): Post => (notes.length > 0 ? { ...post, notes } : post);
      try {
        return withNotes(await sendWithRetries(text, mediaId));
      } catch (error) {
        // X refusing the post for its image (e.g. "Your media IDs are invalid") must not cost the
        // post: nothing went out, so it is sent once more without it.
        if (
          mediaId === undefined ||
          !(error instanceof PublishError) ||
          error.kind !== "rejected" ||
          error.details.maybeSent
        ) {
          throw error;
        }
        notes.push(`The image was left out: X refused the post with it (${error.message})`);
        return withNotes(await sendWithRetries(text, undefined));
      }
    },
  };

  async function uploadOnce(image: PostImage, notes: string[]): Promise<string | undefined> {
    if (uploadsTimedOut) {
      notes.push("The image was left out: an earlier upload to X in this run took too long.");
      return undefined;
    }
    const upload = await uploadImage(client, image, (error) => translateXError(error).message);
    if ("leftOut" in upload) {
      if (upload.timedOut) uploadsTimedOut = true;
      notes.push(upload.leftOut);
      return undefined;
    }
    if (upload.note) notes.push(upload.note);
    return upload.mediaId;
  }

  async function sendWithRetries(text: string, mediaId: string | undefined): Promise<Post> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt(text, mediaId);
      } catch (error) {
        const translated = translateXError(error);
        // After a lost answer, any later refusal leaves it open whether the text went out.
        const failure =
          tries > 1 && translated.kind !== "duplicate"
            ? new PublishError(translated.message, translated.kind, {
                ...translated.details,
                maybeSent: true,
              })
            : translated;
        if (failure.kind === "duplicate" && tries > 1) {
          throw new PublishError(
            "X already has this exact text: an earlier attempt in this run went out although its answer was lost, so the item counts as posted.",
            "duplicate",
            { ...failure.details, maybeSent: true },
          );
        }
        if (failure.kind !== "transient") throw failure;
        if (tries > retries) {
          throw new PublishError(
            `${failure.message} Tried ${tries} time${tries === 1 ? "" : "s"}; the next run sends the same text again (X refuses it if one of these attempts went out).`,
            "transient",
            { ...failure.details, maybeSent: true },
          );
        }
        await sleep(FIRST_BACKOFF_MS * 2 ** (tries - 1));
      }
    }
  }
}

/**
 * twitter-api-v2 has no base-URL setting. The URL is rewritten in onBeforeRequest, after the OAuth
 * signature was computed over the real https://api.x.com URL (onBeforeRequestConfig would break
 * v1 media uploads, whose body format depends on the hostname). Node's https.request accepts an
 * http: URL only with an http.Agent.
 */
function transport(apiBaseUrl: string | undefined, timeoutMs: number): ITwitterApiClientPlugin {
  const base = apiBaseUrl === undefined ? undefined : parseBaseUrl(apiBaseUrl);
  const agent = base?.protocol === "http:" ? new http.Agent() : undefined;
  const prefix = base?.pathname.replace(/\/+$/, "") ?? "";
  return {
    onBeforeRequest({ computedParams, requestOptions }) {
      requestOptions.timeout ??= timeoutMs;
      if (base === undefined) return;
      const url = computedParams.url;
      url.protocol = base.protocol;
      url.host = base.host;
      url.pathname = prefix + url.pathname;
      if (agent !== undefined) requestOptions.agent = agent;
    },
  };
}

function parseBaseUrl(value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new UsageError(
      `CRIEUR_X_API_URL must be an http(s) URL such as "http://127.0.0.1:8080", got "${value}". Unset it to post to the real X.`,
    );
  }
  return url;
}

/**
 * Maps whatever twitter-api-v2 threw to a PublishError. Pure: `now` is only used when X gives no
 * reset time for a rate limit.
 */
export function translateXError(error: unknown, now: Date = new Date()): PublishError {
  if (error instanceof PublishError) return error;
  if (error instanceof ApiResponseError) return translateResponse(error, now);
  if (error instanceof ApiRequestError) {
    return new PublishError(
      `Could not reach X: ${describeCause(requestCause(error))}.`,
      "transient",
    );
  }
  if (error instanceof ApiPartialResponseError) {
    return new PublishError(
      `X's answer was cut off (${describeCause(error.responseError)}).`,
      "transient",
    );
  }
  return new PublishError(
    `Posting to X failed unexpectedly: ${describeCause(error)}.`,
    "transient",
  );
}

function translateResponse(error: ApiResponseError, now: Date): PublishError {
  const status = error.code;
  const said = xSaid(error.data);
  const words = [said.title, said.detail, said.type].join(" ");

  if (error.rateLimitError) return rateLimited(status, error.headers, said, now);
  if (isDuplicate(error.data, said)) {
    return new PublishError(
      "X already has a post with exactly this text, so it was posted earlier.",
      "duplicate",
      { status },
    );
  }
  if (status === 401) {
    return new PublishError(
      `X rejected the credentials (HTTP 401${quote(said)}). Check the secrets X_API_KEY and X_API_SECRET (the app's API key and secret) and X_ACCESS_TOKEN and X_ACCESS_SECRET (the account's access token and secret); after regenerating any of them in the X developer portal, update the secrets.`,
      "auth",
      { status },
    );
  }
  if (status === 402 || (status === 403 && /\bcredit|\bspend|billing|payment/i.test(words))) {
    return new PublishError(
      `X refused the post because the developer account has no credits left or reached its spending limit (HTTP ${status}${quote(said)}). Add credits or raise the spending limit in the X developer portal.`,
      "auth",
      { status },
    );
  }
  if (status === 403 && /client-not-enrolled|client-forbidden|attached to a project/i.test(words)) {
    return new PublishError(
      `X refused this app (HTTP 403${quote(said)}). In the X developer portal, attach the app to a Project, and check that X_API_KEY and X_API_SECRET are that app's API key and secret.`,
      "auth",
      { status },
    );
  }
  if (
    status === 403 &&
    (/not permitted|oauth1-permissions|permission/i.test(words) || hasV1Code(error.data, 261))
  ) {
    return new PublishError(
      `X refused to let this app post (HTTP 403${quote(said)}). In the X developer portal, set the app's permissions to "Read and write", then regenerate the access token and secret and update X_ACCESS_TOKEN and X_ACCESS_SECRET.`,
      "auth",
      { status },
    );
  }
  if (status === 403 && /suspended|locked/i.test(words)) {
    return new PublishError(
      `X says the account is suspended or locked (HTTP 403${quote(said)}). Log in to x.com as that account to resolve it.`,
      "auth",
      { status },
    );
  }
  if (status >= 500) {
    return new PublishError(`X failed with HTTP ${status}${quote(said)}.`, "transient", { status });
  }
  return new PublishError(
    `X rejected this post (HTTP ${status}${quote(said)}). Check the item's text and the post template.`,
    "rejected",
    { status },
  );
}

/** What X said in an error body, whatever its shape (v2 problem JSON, v1 errors, plain text). */
interface XSaid {
  readonly title: string;
  readonly detail: string;
  readonly type: string;
}

function xSaid(data: TwitterApiErrorData | string | undefined): XSaid {
  if (typeof data === "string") {
    return { title: "", detail: data.replace(/\s+/g, " ").trim().slice(0, 200), type: "" };
  }
  const messages = (data?.errors ?? []).flatMap((e) =>
    typeof e === "object" && e !== null && "message" in e && typeof e.message === "string"
      ? [e.message]
      : [],
  );
  const parts = [data?.detail, ...messages].filter(
    (part): part is string => typeof part === "string" && part !== "",
  );
  return {
    title: typeof data?.title === "string" ? data.title : "",
    detail: [...new Set(parts)].join(" "),
    type: typeof data?.type === "string" ? data.type : "",
  };
}

function quote(said: XSaid): string {
  const text = said.detail || said.title;
  return text === "" ? "" : `: "${text}"`;
}

function isDuplicate(data: TwitterApiErrorData | string | undefined, said: XSaid): boolean {
  return /duplicate content/i.test(said.detail) || hasV1Code(data, 187);
}

function hasV1Code(data: TwitterApiErrorData | string | undefined, code: number): boolean {
  if (typeof data !== "object") return false;
  return (data.errors ?? []).some((e) => typeof e === "object" && "code" in e && e.code === code);
}

/** X's limits on posting, as named in its response headers (reset: epoch seconds). */
const LIMITS = [
  { header: "x-rate-limit", name: "the 15-minute limit" },
  { header: "x-user-limit-24hour", name: "the account's 24-hour limit" },
  { header: "x-app-limit-24hour", name: "the app's 24-hour limit" },
] as const;

function rateLimited(
  status: number,
  headers: IncomingHttpHeaders,
  said: XSaid,
  now: Date,
): PublishError {
  const limits = LIMITS.map(({ header, name }) => {
    const reset = numberHeader(headers, `${header}-reset`);
    return {
      name,
      exhausted: numberHeader(headers, `${header}-remaining`) === 0,
      resumeAt: reset === undefined ? undefined : new Date(reset * 1000),
    };
  }).filter((limit) => limit.resumeAt !== undefined && limit.resumeAt > now);
  const exhausted = limits
    .filter((limit) => limit.exhausted)
    .sort((a, b) => Number(b.resumeAt) - Number(a.resumeAt));
  // Only the 15-minute window can be left once the exhausted ones are filtered out.
  const chosen = exhausted[0] ?? limits.find((limit) => limit.name === LIMITS[0].name);
  const resumeAt = chosen?.resumeAt ?? new Date(now.getTime() + FALLBACK_RATE_LIMIT_MS);
  const reason = chosen === undefined ? "no reset time given" : `${chosen.name} is reached`;
  const words = said.detail || said.title;
  return new PublishError(
    `X is refusing new posts for now (${reason}${words === "" ? "" : `; X said "${words}"`}); posting resumes at ${resumeAt.toISOString()}.`,
    "rate-limited",
    { status, resumeAt },
  );
}

function numberHeader(headers: IncomingHttpHeaders | undefined, name: string): number | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * ApiRequestError.requestError (and so toJSON().error) is always undefined: twitter-api-v2 stores
 * the cause as `_options.error` but reads `_options.requestError`.
 */
function requestCause(error: ApiRequestError): unknown {
  const options: unknown = Reflect.get(error, "_options");
  const stored =
    typeof options === "object" && options !== null ? Reflect.get(options, "error") : undefined;
  return error.requestError ?? stored;
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    const message = cause.message.replace(/\.$/, "");
    return typeof code === "string" && !message.includes(code) ? `${code} ${message}` : message;
  }
  return cause === undefined ? "no details" : String(cause);
}
