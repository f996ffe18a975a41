/**
 * A fake Mastodon instance on 127.0.0.1 that checks what Mastodon checks: the Bearer token and its
 * scopes, the status payload (visibility, language, content warning, media ids), the instance's
 * own length limit counted the way Mastodon counts (graphemes, each http(s) URL as
 * characters_reserved_per_url, content warning included), the media flow (POST /api/v2/media →
 * 202, GET /api/v1/media/:id → 206 until processed → 200), and the Idempotency-Key: a key seen
 * within the hour answers with the status it created, not a new one. It can be scripted to fail
 * the next requests the way an instance does. It never talks to the internet.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import twitter from "twitter-text";

export interface FakeMastodonLimits {
  readonly maxCharacters: number;
  readonly charactersReservedPerUrl: number;
  readonly maxMediaAttachments: number;
  readonly imageSizeLimit: number;
  readonly supportedMimeTypes: readonly string[];
}

export interface FakeMastodonOptions {
  /** The only token accepted. */
  readonly token: string;
  /** Scopes the token has (default write:statuses and write:media). */
  readonly scopes?: readonly string[];
  readonly limits?: Partial<FakeMastodonLimits>;
  /** How many times GET /api/v1/media/:id answers 206 before 200 (default 2; 0: upload answers 200). */
  readonly processingPolls?: number;
  /** Answer 404 on /api/v2/instance, like servers older than Mastodon 4.0. */
  readonly v1Only?: boolean;
  readonly now?: () => Date;
}

/** A scripted answer to one request on `path` (default POST /api/v1/statuses). */
export type FakeMastodonFault = { readonly path?: "statuses" | "media" } & (
  | { readonly kind: "rate-limit"; readonly reset: Date | string }
  | { readonly kind: "server-error"; readonly status: 500 | 502 | 503 | 504 }
  /** Close the connection without answering; with `afterAccepting`, the status is created first. */
  | { readonly kind: "drop"; readonly afterAccepting?: boolean }
  | { readonly kind: "answer"; readonly status: number; readonly body: unknown }
);

export interface FakeMastodonStatus {
  readonly id: string;
  readonly text: string;
  readonly visibility: string;
  readonly language: string | null;
  readonly spoilerText: string;
  readonly media: readonly {
    readonly id: string;
    readonly description: string;
    readonly bytes: number;
    readonly type: string;
  }[];
  readonly idempotencyKey: string | undefined;
}

export interface FakeMastodonRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly idempotencyKey: string | undefined;
}

export interface FakeMastodon {
  readonly url: string;
  readonly statuses: ReadonlyArray<FakeMastodonStatus>;
  readonly requests: ReadonlyArray<FakeMastodonRequest>;
  failNext(...faults: FakeMastodonFault[]): void;
  /** Forgets scripted answers no request met. */
  clearFaults(): void;
  close(): Promise<void>;
}

const DEFAULT_LIMITS: FakeMastodonLimits = {
  maxCharacters: 500,
  charactersReservedPerUrl: 23,
  maxMediaAttachments: 4,
  imageSizeLimit: 16 * 1024 * 1024,
  supportedMimeTypes: ["image/jpeg", "image/png", "image/gif", "image/webp"],
};
const IDEMPOTENCY_TTL_MS = 60 * 60_000;
const VISIBILITIES = new Set(["public", "unlisted", "private", "direct"]);
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

interface Media {
  readonly id: string;
  readonly description: string;
  readonly bytes: number;
  readonly type: string;
  pollsLeft: number;
}

export async function startFakeMastodon(options: FakeMastodonOptions): Promise<FakeMastodon> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const scopes = new Set(options.scopes ?? ["write:statuses", "write:media"]);
  const now = options.now ?? (() => new Date());
  const statuses: FakeMastodonStatus[] = [];
  const requests: FakeMastodonRequest[] = [];
  const faults: FakeMastodonFault[] = [];
  const media = new Map<string, Media>();
  const keys = new Map<string, { status: FakeMastodonStatus; at: number }>();
  let nextId = 110_000_000_000_000_000n;
  let url = "";

  function send(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    requests.push({
      method: req.method ?? "",
      path: req.url ?? "",
      status,
      idempotencyKey: header(req, "idempotency-key"),
    });
    const json = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(json),
      ...headers,
    });
    res.end(json);
  }

  function drop(req: http.IncomingMessage, res: http.ServerResponse): void {
    requests.push({
      method: req.method ?? "",
      path: req.url ?? "",
      status: 0,
      idempotencyKey: header(req, "idempotency-key"),
    });
    res.socket?.destroy();
  }

  function statusJson(status: FakeMastodonStatus): unknown {
    return {
      id: status.id,
      uri: `${url}/users/crieur/statuses/${status.id}`,
      url: `${url}/@crieur/${status.id}`,
      content: `<p>${status.text}</p>`,
      visibility: status.visibility,
      language: status.language,
      spoiler_text: status.spoilerText,
      media_attachments: status.media.map((m) => ({
        id: m.id,
        type: "image",
        description: m.description,
      })),
    };
  }

  /** Mastodon's own count: graphemes, URLs with a scheme as the reserved length. */
  function countable(text: string): number {
    const urls = twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
    let rest = text;
    for (const { indices } of [...urls].reverse()) {
      rest =
        rest.slice(0, indices[0]) +
        "x".repeat(limits.charactersReservedPerUrl) +
        rest.slice(indices[1]);
    }
    return [...graphemes.segment(rest)].length;
  }

  function instance(req: http.IncomingMessage, res: http.ServerResponse): void {
    send(req, res, 200, {
      domain: "fake.example",
      title: "Fake Mastodon",
      version: "4.3.0",
      configuration: {
        statuses: {
          max_characters: limits.maxCharacters,
          max_media_attachments: limits.maxMediaAttachments,
          characters_reserved_per_url: limits.charactersReservedPerUrl,
        },
        media_attachments: {
          supported_mime_types: limits.supportedMimeTypes,
          image_size_limit: limits.imageSizeLimit,
          description_limit: 1500,
        },
      },
    });
  }

  /** Bearer token check; answers 401/403 itself and returns false when refused. */
  function authorized(req: http.IncomingMessage, res: http.ServerResponse, scope: string): boolean {
    if (header(req, "authorization") !== `Bearer ${options.token}`) {
      send(req, res, 401, { error: "The access token is invalid" });
      return false;
    }
    if (!scopes.has(scope) && !scopes.has("write")) {
      send(req, res, 403, { error: "This action is outside the authorized scopes" });
      return false;
    }
    return true;
  }

  async function uploadMedia(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    raw: Buffer,
  ): Promise<void> {
    if (!authorized(req, res, "write:media")) return;
    let form: FormData;
    try {
      form = await new Response(raw, {
        headers: { "content-type": header(req, "content-type") ?? "" },
      }).formData();
    } catch {
      send(req, res, 422, { error: "Validation failed: File can't be blank" });
      return;
    }
    const file = form.get("file");
    if (!(file instanceof Blob)) {
      send(req, res, 422, { error: "Validation failed: File can't be blank" });
      return;
    }
    const description = String(form.get("description") ?? "");
    if (!limits.supportedMimeTypes.includes(file.type)) {
      send(req, res, 422, {
        error: `Validation failed: File content type is invalid (${file.type})`,
      });
      return;
    }
    if (file.size > limits.imageSizeLimit) {
      send(req, res, 422, { error: "Validation failed: File file size must be less than 16 MB" });
      return;
    }
    if ([...description].length > 1500) {
      send(req, res, 422, {
        error: "Validation failed: Description is too long (maximum is 1500 characters)",
      });
      return;
    }
    const id = String(nextId++);
    const polls = options.processingPolls ?? 2;
    media.set(id, { id, description, bytes: file.size, type: file.type, pollsLeft: polls });
    send(req, res, polls === 0 ? 200 : 202, {
      id,
      type: "image",
      url: polls === 0 ? `${url}/media/${id}` : null,
      description,
    });
  }

  function mediaState(req: http.IncomingMessage, res: http.ServerResponse, id: string): void {
    if (!authorized(req, res, "write:media")) return;
    const item = media.get(id);
    if (item === undefined) {
      send(req, res, 404, { error: "Record not found" });
      return;
    }
    const processing = item.pollsLeft > 0;
    if (processing) item.pollsLeft--;
    send(req, res, processing ? 206 : 200, {
      id,
      type: "image",
      url: processing ? null : `${url}/media/${id}`,
      description: item.description,
    });
  }

  function postStatus(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    raw: Buffer,
    after?: "drop",
  ): void {
    if (!authorized(req, res, "write:statuses")) return;
    const key = header(req, "idempotency-key");
    const remembered = key === undefined ? undefined : keys.get(key);
    if (remembered !== undefined && now().getTime() - remembered.at < IDEMPOTENCY_TTL_MS) {
      send(req, res, 200, statusJson(remembered.status));
      return;
    }
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw.toString("utf8"));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
        throw new Error("not an object");
      body = parsed as Record<string, unknown>;
    } catch {
      send(req, res, 400, { error: "The request body is not valid JSON" });
      return;
    }
    const problem = statusProblem(body);
    if (typeof problem === "string") {
      send(req, res, 422, { error: `Validation failed: ${problem}` });
      return;
    }
    const { text, spoilerText, visibility, language, attached } = problem;
    const status: FakeMastodonStatus = {
      id: String(nextId++),
      text,
      visibility,
      language,
      spoilerText,
      media: attached.map(({ id, description, bytes, type }) => ({ id, description, bytes, type })),
      idempotencyKey: key,
    };
    statuses.push(status);
    if (key !== undefined) keys.set(key, { status, at: now().getTime() });
    if (after === "drop") drop(req, res);
    else send(req, res, 200, statusJson(status));
  }

  /** What Mastodon's validations say about a status payload, or the status's parts. */
  function statusProblem(body: Record<string, unknown>) {
    const text = body.status;
    const spoilerText = typeof body.spoiler_text === "string" ? body.spoiler_text : "";
    const visibility = body.visibility ?? "public";
    const language = body.language ?? null;
    const mediaIds = body.media_ids ?? [];
    if (typeof text !== "string" || text.trim() === "") return "Text can't be blank";
    if (countable(text) + [...graphemes.segment(spoilerText)].length > limits.maxCharacters) {
      return `Text character limit of ${limits.maxCharacters} exceeded`;
    }
    if (typeof visibility !== "string" || !VISIBILITIES.has(visibility)) {
      return "Visibility is not included in the list";
    }
    if (language !== null && (typeof language !== "string" || !/^[a-z]{2,3}$/.test(language))) {
      return "Language is not a valid ISO 639 code";
    }
    if (!Array.isArray(mediaIds) || mediaIds.length > limits.maxMediaAttachments) {
      return "Media attachments are too many";
    }
    const attached: Media[] = [];
    for (const id of mediaIds) {
      const item = typeof id === "string" ? media.get(id) : undefined;
      if (item === undefined) return "Media could not be found";
      if (item.pollsLeft > 0) {
        return "Cannot attach files that have not finished processing. Try again in a moment!";
      }
      attached.push(item);
    }
    return { text, spoilerText, visibility, language: language as string | null, attached };
  }

  function answerFault(
    fault: FakeMastodonFault,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): void {
    switch (fault.kind) {
      case "rate-limit": {
        const reset = typeof fault.reset === "string" ? fault.reset : fault.reset.toISOString();
        send(
          req,
          res,
          429,
          { error: "Too many requests" },
          { "x-ratelimit-limit": "300", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
        );
        return;
      }
      case "server-error":
        send(req, res, fault.status, {
          error: "We're sorry, but something went wrong on our end.",
        });
        return;
      case "drop":
        drop(req, res);
        return;
      case "answer":
        send(req, res, fault.status, fault.body);
    }
  }

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    raw: Buffer,
  ): Promise<void> {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const route =
      req.method === "POST" && path === "/api/v1/statuses"
        ? "statuses"
        : req.method === "POST" && path === "/api/v2/media"
          ? "media"
          : undefined;
    const faultIndex =
      route === undefined ? -1 : faults.findIndex((f) => (f.path ?? "statuses") === route);
    const fault = faultIndex === -1 ? undefined : faults.splice(faultIndex, 1)[0];
    const get = req.method === "GET";
    if (fault !== undefined && !(fault.kind === "drop" && fault.afterAccepting)) {
      answerFault(fault, req, res);
    } else if (
      get &&
      (path === "/api/v1/instance" || (path === "/api/v2/instance" && !options.v1Only))
    ) {
      instance(req, res);
    } else if (route === "media") {
      await uploadMedia(req, res, raw);
    } else if (get && path.startsWith("/api/v1/media/")) {
      mediaState(req, res, decodeURIComponent(path.slice("/api/v1/media/".length)));
    } else if (route === "statuses") {
      postStatus(req, res, raw, fault === undefined ? undefined : "drop");
    } else {
      send(req, res, 404, { error: "Record not found" });
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      handle(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        send(req, res, 500, { error: String(error) });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    statuses,
    requests,
    failNext: (...next) => {
      faults.push(...next);
    },
    clearFaults: () => {
      faults.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
