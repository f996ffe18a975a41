import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  describeFailure,
  quoteSaid,
  rateLimitResumeAt,
  retrying
} from "./chunk-CFZIYIEO.js";
import {
  PublishError
} from "./chunk-VX6FFRNQ.js";
import "./chunk-ETCY7YZ6.js";
import {
  MASTODON_DEFAULT_LENGTH
} from "./chunk-5P5WBJWX.js";
import "./chunk-3MSF6MZP.js";

// src/publishers/mastodon.ts
import { createHash } from "node:crypto";
var DEFAULT_TIMEOUT_MS = 3e4;
var MEDIA_POLL_MS = 1e3;
var FALLBACK_RATE_LIMIT_MS = 5 * 6e4;
var DEFAULT_ALT_TEXT_LIMIT = 1500;
var IDEMPOTENCY_WINDOW_MS = 55 * 6e4;
function createMastodonPublisher(options) {
  const { credentials } = options;
  const api = new MastodonApi(credentials, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  let limits;
  const instanceLimits = () => {
    limits ??= readInstanceLimits(api).catch((error) => {
      limits = void 0;
      throw error;
    });
    return limits;
  };
  async function uploadImage(image, notes) {
    const instance = await instanceLimits();
    const skip = imageProblem(image, instance);
    if (skip !== void 0) {
      notes.push(`The image was left out: ${skip}.`);
      return void 0;
    }
    try {
      return await upload(image, instance, notes);
    } catch (error) {
      notes.push(
        `The image was left out: ${error instanceof Error ? error.message : String(error)}`
      );
      return void 0;
    }
  }
  async function upload(image, instance, notes) {
    const form = new FormData();
    form.set("file", new Blob([image.bytes], { type: image.mime }), fileName(image.mime));
    form.set("description", [...image.alt].slice(0, instance.altTextLimit).join(""));
    const uploaded = await api.call("POST", "/api/v2/media", { body: form });
    if (uploaded.status === 413 || uploaded.status === 422) {
      notes.push(
        `The image was left out: Mastodon refused it (HTTP ${uploaded.status}${quoteSaid(uploaded.said)}).`
      );
      return void 0;
    }
    if (uploaded.status !== 200 && uploaded.status !== 202)
      throw api.failure(uploaded, "upload the image");
    const id = stringField(uploaded.body, "id");
    if (id === void 0)
      throw new PublishError("Mastodon accepted the image but gave no media id.", "transient");
    if (uploaded.status === 200) return id;
    for (let poll = 1; poll <= (options.mediaPolls ?? 30); poll++) {
      await sleep(MEDIA_POLL_MS);
      const state = await api.call("GET", `/api/v1/media/${encodeURIComponent(id)}`);
      if (state.status === 200) return id;
      if (state.status !== 206) throw api.failure(state, "check the image's processing");
    }
    throw new PublishError("Mastodon was still processing it after waiting for it.", "transient");
  }
  async function attempt(text, publish, key) {
    const notes = [];
    const mediaId = publish.image === void 0 ? void 0 : await uploadImage(publish.image, notes);
    const language = publish.langs?.[0]?.split("-")[0]?.toLowerCase();
    const payload = {
      status: text,
      visibility: publish.visibility ?? "public",
      ...language ? { language } : {},
      ...publish.contentWarning ? { spoiler_text: publish.contentWarning } : {},
      ...mediaId ? { media_ids: [mediaId] } : {}
    };
    const answer = await api.call("POST", "/api/v1/statuses", {
      json: payload,
      headers: { "idempotency-key": key }
    });
    if (answer.status !== 200) throw api.failure(answer, "post");
    const id = stringField(answer.body, "id");
    if (id === void 0) {
      throw new PublishError(
        "Mastodon accepted the post but its answer had no status id.",
        "transient"
      );
    }
    const url = stringField(answer.body, "url") ?? stringField(answer.body, "uri") ?? `${credentials.instanceUrl}/statuses/${id}`;
    return { id, url, ...notes.length > 0 ? { notes } : {} };
  }
  return {
    network: "mastodon",
    resendWindowMs: IDEMPOTENCY_WINDOW_MS,
    limits: instanceLimits,
    publish(text, publish = {}) {
      const key = idempotencyKey(publish.idempotencyKey ?? `text:${text}`);
      return retrying(
        options,
        () => attempt(text, publish, key),
        "the next run sends it again with the same idempotency key, so Mastodon answers with the status if one of these attempts created it"
      );
    }
  };
}
function idempotencyKey(identity) {
  return `crieur-${createHash("sha256").update(identity).digest("hex").slice(0, 40)}`;
}
async function readInstanceLimits(api) {
  let answer = await api.call("GET", "/api/v2/instance");
  if (answer.status === 404) answer = await api.call("GET", "/api/v1/instance");
  if (answer.status !== 200) throw api.failure(answer, "read the instance's limits");
  const configuration = objectField(answer.body, "configuration");
  const statuses = objectField(configuration, "statuses");
  const media = objectField(configuration, "media_attachments");
  return {
    length: {
      network: "mastodon",
      maxLength: positiveField(statuses, "max_characters") ?? positiveField(answer.body, "max_toot_chars") ?? MASTODON_DEFAULT_LENGTH.maxLength,
      urlLength: positiveField(statuses, "characters_reserved_per_url") ?? MASTODON_DEFAULT_LENGTH.urlLength
    },
    maxImages: numberField(statuses, "max_media_attachments") ?? 4,
    imageSizeLimit: positiveField(media, "image_size_limit"),
    imageTypes: stringArrayField(media, "supported_mime_types"),
    altTextLimit: positiveField(media, "description_limit") ?? DEFAULT_ALT_TEXT_LIMIT
  };
}
function imageProblem(image, instance) {
  if (instance.maxImages < 1) return "this instance takes no attachments";
  if (instance.imageTypes !== void 0 && !instance.imageTypes.includes(image.mime)) {
    return `this instance does not take ${image.mime} files`;
  }
  if (instance.imageSizeLimit !== void 0 && image.bytes.length > instance.imageSizeLimit) {
    return `it is ${image.bytes.length} bytes, over this instance's ${instance.imageSizeLimit}`;
  }
  return void 0;
}
function fileName(mime) {
  return `image.${(mime.split("/")[1] ?? "bin").replace(/[^a-z0-9]/gi, "")}`;
}
var MastodonApi = class {
  constructor(credentials, timeoutMs) {
    this.credentials = credentials;
    this.timeoutMs = timeoutMs;
  }
  credentials;
  timeoutMs;
  async call(method, path, request = {}) {
    const headers = {
      authorization: `Bearer ${this.credentials.accessToken}`,
      accept: "application/json",
      ...request.headers
    };
    if (request.json !== void 0) headers["content-type"] = "application/json";
    let response;
    let text;
    try {
      response = await fetch(`${this.credentials.instanceUrl}${path}`, {
        method,
        headers,
        body: request.json !== void 0 ? JSON.stringify(request.json) : request.body ?? null,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: "error"
      });
      text = await response.text();
    } catch (error) {
      throw new PublishError(
        `Could not reach the Mastodon instance ${this.credentials.instanceUrl}: ${describeFailure(error)}.`,
        "transient"
      );
    }
    let body;
    try {
      body = text === "" ? void 0 : JSON.parse(text);
    } catch {
      body = void 0;
    }
    const said = stringField(body, "error") ?? (body === void 0 ? text.replace(/\s+/g, " ").trim().slice(0, 200) : "");
    return { status: response.status, body, said, headers: response.headers };
  }
  /** The PublishError for an answer that is not the expected one. */
  failure(answer, doing, now = /* @__PURE__ */ new Date()) {
    const { status } = answer;
    const where = this.credentials.instanceUrl;
    const said = quoteSaid(answer.said);
    const { variables } = this.credentials;
    if (status === 429) {
      const resumeAt = rateLimitResumeAt(
        answer.headers.get("x-ratelimit-reset"),
        now,
        FALLBACK_RATE_LIMIT_MS
      );
      return new PublishError(
        `${where} is refusing new requests for now (HTTP 429${said}); posting resumes at ${resumeAt.toISOString()}.`,
        "rate-limited",
        { status, resumeAt }
      );
    }
    if (status === 401) {
      return new PublishError(
        `${where} rejected the access token (HTTP 401${said}). Create a new one under Preferences \u2192 Development \u2192 your application, and update the secret ${variables.accessToken}.`,
        "auth",
        { status }
      );
    }
    if (status === 403) {
      return new PublishError(
        `${where} did not let the access token ${doing} (HTTP 403${said}). The application needs the scopes write:statuses and write:media (Preferences \u2192 Development \u2192 your application); after changing them, regenerate the token and update ${variables.accessToken}. A suspended or disabled account gets this answer too.`,
        "auth",
        { status }
      );
    }
    if (status === 404 || status === 410) {
      return new PublishError(
        `${where} has no Mastodon API here (HTTP ${status} while trying to ${doing}). Check that ${variables.instanceUrl} is the address of the instance the account is on.`,
        "auth",
        { status }
      );
    }
    if (status >= 500) {
      return new PublishError(`${where} failed with HTTP ${status}${said}.`, "transient", {
        status
      });
    }
    return new PublishError(
      `${where} rejected this post (HTTP ${status}${said}). Check the item's text and the post template.`,
      "rejected",
      { status }
    );
  }
};
function objectField(value, name) {
  const field = typeof value === "object" && value !== null ? Reflect.get(value, name) : void 0;
  return typeof field === "object" && field !== null ? field : void 0;
}
function stringField(value, name) {
  const field = typeof value === "object" && value !== null ? Reflect.get(value, name) : void 0;
  return typeof field === "string" && field !== "" ? field : void 0;
}
function numberField(value, name) {
  const field = typeof value === "object" && value !== null ? Reflect.get(value, name) : void 0;
  return typeof field === "number" && Number.isInteger(field) && field >= 0 ? field : void 0;
}
function positiveField(value, name) {
  const field = numberField(value, name);
  return field === void 0 || field === 0 ? void 0 : field;
}
function stringArrayField(value, name) {
  const field = typeof value === "object" && value !== null ? Reflect.get(value, name) : void 0;
  return Array.isArray(field) && field.every((entry) => typeof entry === "string") ? field : void 0;
}
export {
  createMastodonPublisher
};
