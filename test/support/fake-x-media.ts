/**
 * The fake X's media endpoints, as X's v2 upload works: initialize (JSON: type, size, category) →
 * append (multipart: segment_index, media) → finalize (the bytes must add up) → status while
 * "processing" → metadata (alt text, at most 1,000 characters). A post may then name the media id.
 * It keeps the bytes and the alt text so a test can check what X received.
 */
import type http from "node:http";
import busboy from "busboy";

export interface FakeXMedia {
  readonly id: string;
  readonly mediaType: string;
  readonly category: string;
  readonly totalBytes: number;
  /** The appended segments, joined at finalize. */
  bytes: Buffer;
  finalized: boolean;
  alt?: string;
}

/** A scripted answer to the next media request (any of the upload endpoints). */
export type FakeXMediaFault = { readonly status: number; readonly detail: string };

export interface FakeXMediaOptions {
  /** Finalize answers "pending, check after 1 s", and status then answers "succeeded". */
  readonly processing?: boolean;
}

const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_ALT_TEXT = 1000;

type Reply = (status: number, body: unknown) => void;

export function fakeXMedia(options: FakeXMediaOptions = {}) {
  const media = new Map<string, FakeXMedia>();
  const faults: FakeXMediaFault[] = [];
  const segments = new Map<string, Buffer[]>();
  let nextId = 1_800_000_000_000_000_000n;

  const problem = (status: number, detail: string) => ({
    title: status === 400 ? "Invalid Request" : "Error",
    detail,
    type: "about:blank",
    status,
  });

  async function handle(
    req: http.IncomingMessage,
    path: string,
    query: URLSearchParams,
    raw: Buffer,
    reply: Reply,
  ): Promise<void> {
    const fault = faults.shift();
    if (fault) return reply(fault.status, problem(fault.status, fault.detail));
    if (req.method === "POST" && path === "/2/media/upload/initialize") {
      const body = json(raw);
      const type = String(body.media_type ?? "");
      const total = Number(body.total_bytes);
      if (!IMAGE_TYPES.has(type))
        return reply(400, problem(400, `media_type ${type} is not supported.`));
      if (!Number.isInteger(total) || total < 1 || total > MAX_IMAGE_BYTES) {
        return reply(400, problem(400, `total_bytes ${body.total_bytes} is out of range.`));
      }
      const id = String(nextId++);
      media.set(id, {
        id,
        mediaType: type,
        category: String(body.media_category ?? ""),
        totalBytes: total,
        bytes: Buffer.alloc(0),
        finalized: false,
      });
      segments.set(id, []);
      return reply(200, { data: { id, media_key: `3_${id}`, expires_after_secs: 86_400 } });
    }
    const step = /^\/2\/media\/upload\/(\d+)\/(append|finalize)$/.exec(path);
    if (req.method === "POST" && step) {
      const [, id = "", action] = step;
      const item = media.get(id);
      const parts = segments.get(id);
      if (!item || !parts || item.finalized)
        return reply(400, problem(400, `Unknown media id ${id}.`));
      if (action === "append") {
        const form = await multipart(req.headers["content-type"] ?? "", raw);
        const index = Number(form.get("segment_index")?.toString("utf8"));
        const chunk = form.get("media");
        if (!Number.isInteger(index) || chunk === undefined) {
          return reply(400, problem(400, "append needs segment_index and media (multipart)."));
        }
        parts[index] = chunk;
        return reply(200, { data: { expires_at: Math.floor(Date.now() / 1000) + 86_400 } });
      }
      item.bytes = Buffer.concat(parts);
      if (item.bytes.length !== item.totalBytes) {
        return reply(400, problem(400, `Got ${item.bytes.length} bytes of ${item.totalBytes}.`));
      }
      item.finalized = true;
      const processing = options.processing
        ? { processing_info: { state: "pending", check_after_secs: 1 } }
        : {};
      return reply(200, {
        data: {
          id,
          media_key: `3_${id}`,
          size: item.totalBytes,
          expires_after_secs: 86_400,
          ...processing,
        },
      });
    }
    if (req.method === "GET" && path === "/2/media/upload" && query.get("command") === "STATUS") {
      const id = query.get("media_id") ?? "";
      if (!media.get(id)?.finalized) return reply(400, problem(400, `Unknown media id ${id}.`));
      return reply(200, {
        data: { id, media_key: `3_${id}`, processing_info: { state: "succeeded" } },
      });
    }
    if (req.method === "POST" && path === "/2/media/metadata") {
      const body = json(raw);
      const id = String(body.id ?? "");
      const text = (body.metadata as { alt_text?: { text?: unknown } } | undefined)?.alt_text?.text;
      const item = media.get(id);
      if (!item?.finalized) return reply(400, problem(400, `Unknown media id ${id}.`));
      if (typeof text !== "string" || text.length > MAX_ALT_TEXT) {
        return reply(
          400,
          problem(400, "alt_text.text must be a string of at most 1000 characters."),
        );
      }
      item.alt = text;
      return reply(200, { data: { id, associated_metadata: { alt_text: { text } } } });
    }
    return reply(404, problem(404, `No route for ${req.method} ${path}.`));
  }

  /** Why a post may not carry these media ids, or undefined when it may. */
  function refuse(ids: unknown): string | undefined {
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > 4)
      return "media.media_ids must list 1 to 4 ids.";
    const unknown = ids.find((id) => !media.get(String(id))?.finalized);
    return unknown === undefined ? undefined : `Your media IDs are invalid (${String(unknown)}).`;
  }

  return {
    media,
    handle,
    refuse,
    failNext(...next: FakeXMediaFault[]) {
      faults.push(...next);
    },
  };
}

function json(raw: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw.toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The parts of a multipart body by name, as raw bytes (X's client sends files without a filename). */
function multipart(contentType: string, raw: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const parts = new Map<string, Buffer>();
    const parser = busboy({
      headers: { "content-type": contentType },
      limits: { fieldSize: 8_000_000 },
    });
    parser.on("field", (name, value) => parts.set(name, Buffer.from(value, "latin1")));
    parser.on("file", (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => parts.set(name, Buffer.concat(chunks)));
    });
    parser.on("close", () => resolve(parts));
    parser.on("error", reject);
    parser.end(raw);
  });
}
