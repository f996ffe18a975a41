/**
 * The Mastodon publisher: text → a status through the instance's REST API, with plain fetch (the
 * four endpoints it needs do not justify a client library). Every attempt at the same post carries
 * the same Idempotency-Key, so a retry after a lost answer gets the status created the first time
 * (the instance remembers a key about an hour). Limits come from the instance (/api/v2/instance),
 * not from Mastodon's defaults. It never logs, never touches state, and never puts the token in a
 * message.
 */
import { createHash } from "node:crypto";
import { type LengthRules, MASTODON_DEFAULT_LENGTH } from "../rules/length.js";
import type { MastodonCredentials } from "./credentials.js";
import {
  describeFailure,
  quoteSaid,
  type RetryPolicy,
  rateLimitResumeAt,
  retrying,
} from "./http-retry.js";
import {
  type Post,
  type PostImage,
  PublishError,
  type Publisher,
  type PublisherLimits,
  type PublishOptions,
} from "./publisher.js";

export interface MastodonPublisherOptions extends RetryPolicy {
  readonly credentials: MastodonCredentials;
  /** Socket idle timeout per request (default 30 s), so a hung connection cannot stall a run. */
  readonly timeoutMs?: number;
  /** Checks while the instance processes an image (default 30, one a second). */
  readonly mediaPolls?: number;
}

/** What /api/v2/instance says, as far as posting is concerned. */
export interface MastodonInstanceLimits extends PublisherLimits {
  readonly length: Extract<LengthRules, { network: "mastodon" }>;
  readonly imageSizeLimit: number | undefined;
  readonly imageTypes: readonly string[] | undefined;
  readonly altTextLimit: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MEDIA_POLL_MS = 1_000;
// Mastodon's fallback window: 300 requests per 5 minutes.
const FALLBACK_RATE_LIMIT_MS = 5 * 60_000;
const DEFAULT_ALT_TEXT_LIMIT = 1_500;
// The instance keeps a key one hour after the status was created; the in-flight record is older.
const IDEMPOTENCY_WINDOW_MS = 55 * 60_000;

export function createMastodonPublisher(options: MastodonPublisherOptions): Publisher {
  const { credentials } = options;
  const api = new MastodonApi(credentials, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let limits: Promise<MastodonInstanceLimits> | undefined;
  const instanceLimits = () => {
    limits ??= readInstanceLimits(api).catch((error: unknown) => {
      limits = undefined;
      throw error;
    });
    return limits;
  };

  async function uploadImage(image: PostImage, notes: string[]): Promise<string | undefined> {
    const instance = await instanceLimits();
    const skip = imageProblem(image, instance);
    if (skip !== undefined) {
      notes.push(`The image was left out: ${skip}.`);
      return undefined;
    }
    try {
      return await upload(image, instance, notes);
    } catch (error) {
      // The post matters more than its image: even a token without write:media only loses it
      // (a token that fails altogether stops at the post itself).
      notes.push(
        `The image was left out: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  }

  async function upload(
    image: PostImage,
    instance: MastodonInstanceLimits,
    notes: string[],
  ): Promise<string | undefined> {
    const form = new FormData();
    form.set("file", new Blob([image.bytes], { type: image.mime }), fileName(image.mime));
    form.set("description", [...image.alt].slice(0, instance.altTextLimit).join(""));
    const uploaded = await api.call("POST", "/api/v2/media", { body: form });
    if (uploaded.status === 413 || uploaded.status === 422) {
      notes.push(
        `The image was left out: Mastodon refused it (HTTP ${uploaded.status}${quoteSaid(uploaded.said)}).`,
      );
      return undefined;
    }
    if (uploaded.status !== 200 && uploaded.status !== 202)
      throw api.failure(uploaded, "upload the image");
    const id = stringField(uploaded.body, "id");
    if (id === undefined)
      throw new PublishError("Mastodon accepted the image but gave no media id.", "transient");
    if (uploaded.status === 200) return id;
    // 202: still processing; GET answers 206 until it is done.
    for (let poll = 1; poll <= (options.mediaPolls ?? 30); poll++) {
      await sleep(MEDIA_POLL_MS);
      const state = await api.call("GET", `/api/v1/media/${encodeURIComponent(id)}`);
      if (state.status === 200) return id;
      if (state.status !== 206) throw api.failure(state, "check the image's processing");
    }
    throw new PublishError("Mastodon was still processing it after waiting for it.", "transient");
  }

  async function attempt(text: string, publish: PublishOptions, key: string): Promise<Post> {
    const notes: string[] = [];
    const mediaId =
      publish.image === undefined ? undefined : await uploadImage(publish.image, notes);
    const language = publish.langs?.[0]?.split("-")[0]?.toLowerCase();
    const payload = {
      status: text,
      visibility: publish.visibility ?? "public",
      ...(language ? { language } : {}),
      ...(publish.contentWarning ? { spoiler_text: publish.contentWarning } : {}),
      ...(mediaId ? { media_ids: [mediaId] } : {}),
    };
    const answer = await api.call("POST", "/api/v1/statuses", {
      json: payload,
      headers: { "idempotency-key": key },
    });
    if (answer.status !== 200) throw api.failure(answer, "post");
    const id = stringField(answer.body, "id");
    if (id === undefined) {
      // Retrying is safe: the same key gets the status if it was created.
      throw new PublishError(
        "Mastodon accepted the post but its answer had no status id.",
        "transient",
      );
    }
    const url =
      stringField(answer.body, "url") ??
      stringField(answer.body, "uri") ??
      `${credentials.instanceUrl}/statuses/${id}`;
    return { id, url, ...(notes.length > 0 ? { notes } : {}) };
  }

  return {
    network: "mastodon",
    resendWindowMs: IDEMPOTENCY_WINDOW_MS,
    limits: instanceLimits,
    publish(text: string, publish: PublishOptions = {}): Promise<Post> {
      const key = idempotencyKey(publish.idempotencyKey ?? `text:${text}`);
      return retrying(
        options,
        () => attempt(text, publish, key),
        "the next run sends it again with the same idempotency key, so Mastodon answers with the status if one of these attempts created it",
      );
    },
  };
}

/** A header-safe key that does not reveal the item: the instance stores it. */
function idempotencyKey(identity: string): string {
  return `crieur-${createHash("sha256").update(identity).digest("hex").slice(0, 40)}`;
}

async function readInstanceLimits(api: MastodonApi): Promise<MastodonInstanceLimits> {
  let answer = await api.call("GET", "/api/v2/instance");
  // Servers older than Mastodon 4.0 only have v1, with the same configuration block.
  if (answer.status === 404) answer = await api.call("GET", "/api/v1/instance");
  if (answer.status !== 200) throw api.failure(answer, "read the instance's limits");
  const configuration = objectField(answer.body, "configuration");
  const statuses = objectField(configuration, "statuses");
  const media = objectField(configuration, "media_attachments");
  return {
    length: {
      network: "mastodon",
      maxLength:
        positiveField(statuses, "max_characters") ??
        positiveField(answer.body, "max_toot_chars") ??
        MASTODON_DEFAULT_LENGTH.maxLength,
      urlLength:
        positiveField(statuses, "characters_reserved_per_url") ?? MASTODON_DEFAULT_LENGTH.urlLength,
    },
    maxImages: numberField(statuses, "max_media_attachments") ?? 4,
    imageSizeLimit: positiveField(media, "image_size_limit"),
    imageTypes: stringArrayField(media, "supported_mime_types"),
    altTextLimit: positiveField(media, "description_limit") ?? DEFAULT_ALT_TEXT_LIMIT,
  };
}

function imageProblem(image: PostImage, instance: MastodonInstanceLimits): string | undefined {
  if (instance.maxImages < 1) return "this instance takes no attachments";
  if (instance.imageTypes !== undefined && !instance.imageTypes.includes(image.mime)) {
    return `this instance does not take ${image.mime} files`;
  }
  if (instance.imageSizeLimit !== undefined && image.bytes.length > instance.imageSizeLimit) {
    return `it is ${image.bytes.length} bytes, over this instance's ${instance.imageSizeLimit}`;
  }
  return undefined;
}

function fileName(mime: string): string {
  return `image.${(mime.split("/")[1] ?? "bin").replace(/[^a-z0-9]/gi, "")}`;
}

/** One answer from the instance: status, parsed JSON body, and what Mastodon said in it. */
interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly said: string;
  readonly headers: Headers;
}

class MastodonApi {
  constructor(
    readonly credentials: MastodonCredentials,
    readonly timeoutMs: number,
  ) {}

  async call(
    method: "GET" | "POST",
    path: string,
    request: { json?: unknown; body?: FormData; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.credentials.accessToken}`,
      accept: "application/json",
      ...request.headers,
    };
    if (request.json !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.credentials.instanceUrl}${path}`, {
        method,
        headers,
        body: request.json !== undefined ? JSON.stringify(request.json) : (request.body ?? null),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: "error",
      });
      text = await response.text();
    } catch (error) {
      throw new PublishError(
        `Could not reach the Mastodon instance ${this.credentials.instanceUrl}: ${describeFailure(error)}.`,
        "transient",
      );
    }
    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    const said =
      stringField(body, "error") ??
      (body === undefined ? text.replace(/\s+/g, " ").trim().slice(0, 200) : "");
    return { status: response.status, body, said, headers: response.headers };
  }

  /** The PublishError for an answer that is not the expected one. */
  failure(answer: Answer, doing: string, now: Date = new Date()): PublishError {
    const { status } = answer;
    const where = this.credentials.instanceUrl;
    const said = quoteSaid(answer.said);
    const { variables } = this.credentials;
    if (status === 429) {
      const resumeAt = rateLimitResumeAt(
        answer.headers.get("x-ratelimit-reset"),
        now,
        FALLBACK_RATE_LIMIT_MS,
      );
      return new PublishError(
        `${where} is refusing new requests for now (HTTP 429${said}); posting resumes at ${resumeAt.toISOString()}.`,
        "rate-limited",
        { status, resumeAt },
      );
    }
    if (status === 401) {
      return new PublishError(
        `${where} rejected the access token (HTTP 401${said}). Create a new one under Preferences → Development → your application, and update the secret ${variables.accessToken}.`,
        "auth",
        { status },
      );
    }
    if (status === 403) {
      return new PublishError(
        `${where} did not let the access token ${doing} (HTTP 403${said}). The application needs the scopes write:statuses and write:media (Preferences → Development → your application); after changing them, regenerate the token and update ${variables.accessToken}. A suspended or disabled account gets this answer too.`,
        "auth",
        { status },
      );
    }
    if (status === 404 || status === 410) {
      return new PublishError(
        `${where} has no Mastodon API here (HTTP ${status} while trying to ${doing}). Check that ${variables.instanceUrl} is the address of the instance the account is on.`,
        "auth",
        { status },
      );
    }
    if (status >= 500) {
      return new PublishError(`${where} failed with HTTP ${status}${said}.`, "transient", {
        status,
      });
    }
    return new PublishError(
      `${where} rejected this post (HTTP ${status}${said}). Check the item's text and the post template.`,
      "rejected",
      { status },
    );
  }
}

function objectField(value: unknown, name: string): unknown {
  const field = typeof value === "object" && value !== null ? Reflect.get(value, name) : undefined;
  return typeof field === "object" && field !== null ? field : undefined;
}

function stringField(value: unknown, name: string): string | undefined {
  const field = typeof value === "object" && value !== null ? Reflect.get(value, name) : undefined;
  return typeof field === "string" && field !== "" ? field : undefined;
}

function numberField(value: unknown, name: string): number | undefined {
  const field = typeof value === "object" && value !== null ? Reflect.get(value, name) : undefined;
  return typeof field === "number" && Number.isInteger(field) && field >= 0 ? field : undefined;
}

function positiveField(value: unknown, name: string): number | undefined {
  const field = numberField(value, name);
  return field === undefined || field === 0 ? undefined : field;
}

function stringArrayField(value: unknown, name: string): string[] | undefined {
  const field = typeof value === "object" && value !== null ? Reflect.get(value, name) : undefined;
  return Array.isArray(field) && field.every((entry) => typeof entry === "string")
    ? field
    : undefined;
}
