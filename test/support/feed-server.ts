/**
 * A local feed server for tests and the demo: serves given paths on 127.0.0.1 (port 0) with given
 * status, headers and body; answers 304 to matching ETag / Last-Modified validators; can delay a
 * response or trickle its body; logs every request with the body bytes it sent. Unknown paths are
 * 404. Never listens beyond loopback.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface FeedRoute {
  /** Default 200. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Sent as ETag; a request with a matching If-None-Match gets 304. */
  readonly etag?: string;
  /** Sent as Last-Modified; a request with an If-Modified-Since at or after it gets 304. */
  readonly lastModified?: string;
  /** Wait this long before sending the status line. */
  readonly delayMs?: number;
  /** Send the body without Content-Length (chunked transfer encoding). */
  readonly chunked?: boolean;
  /**
   * Send the body `bytes` at a time every `everyMs` (chunked); with `forever`, repeat the body
   * until the client goes away.
   */
  readonly trickle?: {
    readonly bytes: number;
    readonly everyMs: number;
    readonly forever?: boolean;
  };
  /** Announce the whole body (Content-Length) but drop the connection after this many bytes. */
  readonly cutAfter?: number;
}

export interface LoggedRequest {
  readonly method: string;
  /** Path and query as requested. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly status: number;
  /** Body bytes written before the response ended or the client went away. */
  readonly bytesSent: number;
}

export interface FeedServer {
  /** e.g. "http://127.0.0.1:43123" */
  readonly origin: string;
  readonly port: number;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Adds or replaces the route for a path (exact path and query, else path alone). */
  route(path: string, route: FeedRoute): void;
  /** Requests whose response is finished, in order. */
  readonly requests: readonly LoggedRequest[];
  /** Drops open connections (including trickling ones) and stops listening. */
  close(): Promise<void>;
}

export async function startFeedServer(
  routes: Readonly<Record<string, FeedRoute>> = {},
): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const requests: LoggedRequest[] = [];

  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    const route = table.get(path) ?? table.get(new URL(path, "http://x").pathname);
    let bytesSent = 0;
    let timer: NodeJS.Timeout | undefined;
    res.on("close", () => {
      clearTimeout(timer);
      requests.push({
        method: req.method ?? "GET",
        path,
        headers: req.headers,
        status: res.statusCode,
        bytesSent,
      });
    });
    const send = (chunk: Uint8Array): void => {
      bytesSent += chunk.byteLength;
      res.write(chunk);
    };

    const respond = (): void => {
      if (route === undefined) {
        res.writeHead(404, { "content-type": "text/plain" });
        send(Buffer.from("not found"));
        res.end();
        return;
      }
      const headers: Record<string, string> = { ...route.headers };
      if (route.etag !== undefined) headers.etag = route.etag;
      if (route.lastModified !== undefined) headers["last-modified"] = route.lastModified;
      if (isNotModified(route, req.headers)) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const body =
        typeof route.body === "string"
          ? Buffer.from(route.body)
          : (route.body ?? new Uint8Array(0));
      const trickle = route.trickle;
      if (route.cutAfter !== undefined) {
        headers["content-length"] = String(body.byteLength);
        res.writeHead(route.status ?? 200, headers);
        send(body.subarray(0, route.cutAfter));
        // Destroy once the partial body is on the wire, so the client sees a cut, not a reset.
        res.write("", () => res.destroy());
        return;
      }
      if (trickle === undefined) {
        if (route.chunked !== true) headers["content-length"] = String(body.byteLength);
        res.writeHead(route.status ?? 200, headers);
        send(body);
        res.end();
        return;
      }
      res.writeHead(route.status ?? 200, headers);
      let offset = 0;
      const tick = (): void => {
        if (res.destroyed) return;
        if (offset >= body.byteLength) {
          if (trickle.forever !== true || body.byteLength === 0) {
            res.end();
            return;
          }
          offset = 0;
        }
        send(body.subarray(offset, offset + trickle.bytes));
        offset += trickle.bytes;
        timer = setTimeout(tick, trickle.everyMs);
      };
      tick();
    };

    if (route?.delayMs === undefined) respond();
    else timer = setTimeout(respond, route.delayMs);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    url: (path) => new URL(path, origin).href,
    route: (path, route) => {
      table.set(path, route);
    },
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

function isNotModified(route: FeedRoute, headers: IncomingHttpHeaders): boolean {
  const ifNoneMatch = headers["if-none-match"];
  if (route.etag !== undefined && ifNoneMatch !== undefined) {
    return ifNoneMatch.split(",").some((tag) => tag.trim() === route.etag || tag.trim() === "*");
  }
  const ifModifiedSince = headers["if-modified-since"];
  if (route.lastModified !== undefined && ifModifiedSince !== undefined) {
    return Date.parse(ifModifiedSince) >= Date.parse(route.lastModified);
  }
  return false;
}
