/**
 * One HTTP GET over node:http / node:https, shared by the feed fetch (fetch.ts) and the image
 * download (image.ts), which own redirects and messages: the status and headers, then the body
 * decompressed and read up to a byte cap. Node's built-in fetch would do the same at several times
 * the cost (on Node 20 its WebAssembly HTTP parser alone adds about 40 MB to a run). No keep-alive:
 * each request has its own connection, closed once its response is read or discarded, so no idle
 * socket outlives the run.
 */
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { pipeline, type Readable, Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";
import { CrieurError } from "../errors.js";
import { translateFailure } from "./fetch-error.js";

/** What fetch.ts and image.ts need of a response. */
export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  /** A header's value (repeated ones joined by ", "), or undefined when absent. */
  header(name: string): string | undefined;
  /** The body as it comes off the wire (still compressed): read it with readCapped. */
  readonly message: IncomingMessage;
}

export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/**
 * Sends a GET and resolves with the response once its headers are in; `signal` ends the request
 * (connection, headers or body) when it aborts. Rejects only with FeedFetchError.
 */
export async function request(
  url: URL,
  headers: Readonly<Record<string, string>>,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<HttpResponse> {
  try {
    return await new Promise<HttpResponse>((resolve, reject) => {
      const send = url.protocol === "https:" ? httpsRequest : httpRequest;
      const outgoing = send(url, { headers, signal, agent: false }, (message) => {
        resolve({
          status: message.statusCode ?? 0,
          statusText: message.statusMessage ?? "",
          header: (name) => joined(message.headers[name.toLowerCase()]),
          message,
        });
      });
      // Stays attached: a failure after the headers also reaches the body, where it is reported.
      outgoing.on("error", reject);
      outgoing.end();
    });
  } catch (error) {
    throw translateFailure(error, url.href, signal, timeoutMs, "answer");
  }
}

function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * Reads the body, decompressed, chunk by chunk, so an endless or huge response (or a small
 * compressed bomb) is cut off as soon as it passes `maxBytes`, with `tooLargeError`.
 */
export async function readCapped(
  response: HttpResponse,
  url: string,
  signal: AbortSignal,
  options: { readonly timeoutMs: number; readonly maxBytes: number },
  tooLargeError: () => Error,
): Promise<Uint8Array> {
  const declared = Number(response.header("content-length") ?? Number.NaN);
  if (declared > options.maxBytes) {
    discard(response);
    throw tooLargeError();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of decoded(response)) {
      total += (chunk as Buffer).byteLength;
      if (total > options.maxBytes) throw tooLargeError();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    // Ours (the size cap); anything else came from the network or the decompression.
    if (error instanceof CrieurError) throw error;
    throw translateFailure(error, url, signal, options.timeoutMs, "download");
  } finally {
    discard(response);
  }
  return Buffer.concat(chunks, total);
}

/** Releases the connection of a response whose body is not wanted (or no longer). */
export function discard(response: HttpResponse): void {
  response.message.destroy();
}

/** The body through the decoders its Content-Encoding names; as sent when one is unknown. */
function decoded(response: HttpResponse): Readable {
  const codings = (response.header("content-encoding") ?? "")
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  const decoders = codings.reverse().map(decoder);
  if (decoders.length === 0 || decoders.includes(undefined)) return response.message;
  const streams = decoders as Transform[];
  // Any failure, the network's or a decoder's, destroys every stream with it: the loop reading
  // the last one sees it.
  pipeline([response.message, ...streams], () => undefined);
  return streams[streams.length - 1] as Transform;
}

function decoder(coding: string): Transform | undefined {
  switch (coding) {
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createAnyInflate();
    case "br":
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

/**
 * "deflate" should be zlib-wrapped (RFC 9110 §8.4.1.2), yet some servers send it raw; the first
 * bytes tell: a zlib header names method 8 and, read as a 16-bit number, is a multiple of 31.
 */
function createAnyInflate(): Transform {
  let inflate: Transform | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.byteLength === 0) return done();
      if (inflate === undefined) {
        const zlib =
          (chunk.readUInt8(0) & 0x0f) === 8 &&
          (chunk.byteLength < 2 || chunk.readUInt16BE(0) % 31 === 0);
        inflate = zlib ? createInflate() : createInflateRaw();
        inflate.on("data", (data: Buffer) => this.push(data));
        inflate.on("error", (error) => this.destroy(error));
      }
      inflate.write(chunk, () => done());
    },
    flush(done) {
      if (inflate === undefined) return done();
      inflate.once("end", () => done());
      inflate.end();
    },
  });
}
