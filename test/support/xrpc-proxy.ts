/**
 * A pass-through proxy on 127.0.0.1 in front of a real server (the test PDS), which counts the
 * XRPC calls it sees (a login is `com.atproto.server.createSession`) and can be scripted to fail
 * the next call of a given method: answer something of its own, drop the connection without
 * forwarding, or forward and then drop the connection, so the write happens but its answer is lost.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ProxyFault = { readonly method: string } & (
  | {
      readonly kind: "answer";
      readonly status: number;
      readonly body: unknown;
      readonly headers?: Record<string, string>;
    }
  | { readonly kind: "drop" }
  | { readonly kind: "lose-answer" }
);

export interface ProxyCall {
  readonly method: string;
  /** HTTP status the client got; 0 when the connection was dropped. */
  readonly status: number;
}

export interface XrpcProxy {
  readonly url: string;
  readonly calls: ReadonlyArray<ProxyCall>;
  /** How many times `method` was called (e.g. "com.atproto.server.createSession"). */
  count(method: string): number;
  failNext(...faults: ProxyFault[]): void;
  /** Sets the server calls are forwarded to (known only once it started). */
  forwardTo(url: string): void;
  close(): Promise<void>;
}

export async function startXrpcProxy(): Promise<XrpcProxy> {
  const calls: ProxyCall[] = [];
  const faults: ProxyFault[] = [];
  let upstream: URL | undefined;

  function forward(
    req: http.IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const target = new URL(req.url ?? "/", upstream);
      const request = http.request(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 502,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  }

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
  ): Promise<void> {
    const method = new URL(req.url ?? "/", "http://127.0.0.1").pathname.replace(/^\/xrpc\//, "");
    const index = faults.findIndex((fault) => fault.method === method);
    const fault = index === -1 ? undefined : faults.splice(index, 1)[0];
    if (fault?.kind === "drop") {
      calls.push({ method, status: 0 });
      res.socket?.destroy();
      return;
    }
    if (fault?.kind === "answer") {
      calls.push({ method, status: fault.status });
      const json = JSON.stringify(fault.body);
      res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
      res.end(json);
      return;
    }
    const answer = await forward(req, body);
    if (fault?.kind === "lose-answer") {
      calls.push({ method, status: 0 });
      res.socket?.destroy();
      return;
    }
    calls.push({ method, status: answer.status });
    const headers = { ...answer.headers };
    delete headers["transfer-encoding"];
    headers["content-length"] = String(answer.body.length);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      handle(req, res, Buffer.concat(chunks)).catch(() => {
        calls.push({ method: req.url ?? "", status: 502 });
        if (!res.headersSent) res.writeHead(502).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    count: (method) => calls.filter((call) => call.method === method).length,
    failNext: (...next) => {
      faults.push(...next);
    },
    forwardTo: (url) => {
      upstream = new URL(url);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
