// Integration tests of the fetch stage against a real HTTP server on 127.0.0.1.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DEFAULT_FETCH_OPTIONS,
  type FetchOptions,
  type FetchResult,
  fetchFeed,
} from "../src/sources/fetch.js";
import { FeedFetchError } from "../src/sources/fetch-error.js";
import { CRIEUR_VERSION } from "../src/version.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Musée</title>
<item><guid>1</guid><title>Vernissage – “Lumières”</title></item>
</channel></rss>`;
const RSS_TYPE = { "content-type": "application/rss+xml; charset=utf-8" };

function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return { ...DEFAULT_FETCH_OPTIONS, timeoutMs: 10_000, ...overrides };
}

/** Runs a fetch that must fail and returns its FeedFetchError. */
async function failure(promise: Promise<FetchResult>): Promise<FeedFetchError> {
  const error = await promise.then(
    (result) => new Error(`expected a failure, got ${result.kind}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedFetchError);
  return error as FeedFetchError;
}

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

describe("fetchFeed", () => {
  it("fetches a feed, returns its validators, then gets 304 when sent them back", async () => {
    const lastModified = "Tue, 04 Mar 2025 10:00:00 GMT";
    server.route("/feed.xml", { headers: RSS_TYPE, body: RSS, etag: '"v1"', lastModified });
    const url = server.url("/feed.xml");

    const first = await fetchFeed(url, {}, options());
    expect(first).toEqual({
      kind: "fetched",
      text: RSS,
      url,
      validators: { etag: '"v1"', lastModified },
      bytes: Buffer.byteLength(RSS),
      encoding: "utf-8",
      notes: [],
    });
    if (first.kind !== "fetched") return;

    expect(await fetchFeed(url, first.validators, options())).toEqual({ kind: "not-modified" });
    const [plain, conditional] = server.requests;
    expect(plain?.headers["if-none-match"]).toBeUndefined();
    expect(plain?.headers["if-modified-since"]).toBeUndefined();
    expect(conditional?.headers["if-none-match"]).toBe('"v1"');
    expect(conditional?.headers["if-modified-since"]).toBe(lastModified);
    expect(conditional?.status).toBe(304);
  });

  it("gets 304 from Last-Modified alone", async () => {
    const lastModified = "Tue, 04 Mar 2025 10:00:00 GMT";
    server.route("/feed.xml", { body: RSS, lastModified });
    const result = await fetchFeed(server.url("/feed.xml"), { lastModified }, options());
    expect(result).toEqual({ kind: "not-modified" });
  });

  it("sends crieur's User-Agent and asks for feeds, compressed", async () => {
    server.route("/feed.xml", { body: RSS });
    await fetchFeed(server.url("/feed.xml"), {}, DEFAULT_FETCH_OPTIONS);
    const headers = server.requests[0]?.headers;
    expect(headers?.["user-agent"]).toBe(
      `crieur/${CRIEUR_VERSION} (+https://github.com/crieur-bot/crieur)`,
    );
    expect(headers?.accept).toContain("application/rss+xml");
    expect(headers?.accept).toContain("application/atom+xml");
    expect(headers?.accept).toContain("application/feed+json");
    expect(headers?.["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it.each([
    { name: "gzip", what: "gzip", encode: gzipSync },
    { name: "deflate", what: "deflate", encode: deflateSync },
    { name: "br", what: "br", encode: brotliCompressSync },
    // What some servers send as "deflate", against RFC 9110: no zlib header.
    { name: "deflate", what: "raw deflate", encode: deflateRawSync },
    { name: "x-gzip", what: "x-gzip", encode: gzipSync },
    {
      name: "gzip, br",
      what: "gzip-then-br",
      encode: (b: Buffer) => brotliCompressSync(gzipSync(b)),
    },
  ])("decompresses a $what body", async ({ name, encode }) => {
    server.route("/feed.xml", {
      headers: { ...RSS_TYPE, "content-encoding": name },
      body: encode(Buffer.from(RSS)),
    });
    const result = await fetchFeed(server.url("/feed.xml"), {}, options());
    expect(result).toMatchObject({ kind: "fetched", text: RSS, bytes: Buffer.byteLength(RSS) });
  });

  it("decodes the body with the charset of the Content-Type header", async () => {
    server.route("/feed.xml", {
      headers: { "content-type": "text/xml; charset=windows-1252" },
      body: Buffer.from([0x3c, 0x61, 0x3e, 0x80, 0x93, 0x94, 0x3c, 0x2f, 0x61, 0x3e]),
    });
    const result = await fetchFeed(server.url("/feed.xml"), {}, options());
    expect(result).toMatchObject({ text: "<a>€“”</a>", encoding: "windows-1252" });
  });

  describe("HTTP errors", () => {
    it("404 says to check the url", async () => {
      const url = server.url("/missing.xml");
      const error = await failure(fetchFeed(url, {}, options()));
      expect(error.message).toBe(
        `HTTP 404 Not Found from ${url} — check the feed's url in feeds.yml.`,
      );
      expect(error).toMatchObject({ name: "FeedFetchError", reason: "http", status: 404, url });
      expect(error.retryAfter).toBeUndefined();
    });

    it("410 means the feed is gone for good", async () => {
      server.route("/old.xml", { status: 410 });
      const error = await failure(fetchFeed(server.url("/old.xml"), {}, options()));
      expect(error).toMatchObject({ reason: "gone", status: 410 });
      expect(error.message).toContain(
        "the site says this feed is gone for good (HTTP 410); remove it from feeds.yml or find its new address",
      );
    });

    it.each([
      { status: 500, advice: "the site has a problem on its side" },
      { status: 403, advice: "the site refuses access" },
    ])("$status is explained", async ({ status, advice }) => {
      server.route("/feed.xml", { status });
      const error = await failure(fetchFeed(server.url("/feed.xml"), {}, options()));
      expect(error).toMatchObject({ reason: "http", status });
      expect(error.message).toContain(advice);
    });

    it("429 with Retry-After in seconds gives retryAfter", async () => {
      server.route("/feed.xml", { status: 429, headers: { "retry-after": "120" } });
      const before = Date.now();
      const error = await failure(fetchFeed(server.url("/feed.xml"), {}, options()));
      const after = Date.now();
      expect(error).toMatchObject({ reason: "http", status: 429 });
      const at = error.retryAfter?.getTime() ?? 0;
      expect(at).toBeGreaterThanOrEqual(before + 120_000);
      expect(at).toBeLessThanOrEqual(after + 120_000);
      expect(error.message).toContain("the site is limiting requests");
    });

    it("503 with Retry-After as an HTTP date gives retryAfter", async () => {
      const date = "Wed, 21 Oct 2037 07:28:00 GMT";
      server.route("/feed.xml", { status: 503, headers: { "retry-after": date } });
      const error = await failure(fetchFeed(server.url("/feed.xml"), {}, options()));
      expect(error).toMatchObject({ reason: "http", status: 503 });
      expect(error.retryAfter?.toISOString()).toBe("2037-10-21T07:28:00.000Z");
      expect(error.message).toContain("wait until 2037-10-21T07:28:00.000Z");
    });
  });

  describe("redirects", () => {
    it("follows a chain of relative Locations and reports the final URL", async () => {
      server.route("/old", { status: 301, headers: { location: "blog/feed" } });
      server.route("/blog/feed", { status: 302, headers: { location: "../final.xml?x=1" } });
      server.route("/final.xml?x=1", { body: RSS, etag: '"f"' });
      const result = await fetchFeed(server.url("/old"), { etag: '"stale"' }, options());
      expect(result).toMatchObject({
        kind: "fetched",
        text: RSS,
        url: server.url("/final.xml?x=1"),
        validators: { etag: '"f"' },
      });
      expect(server.requests.map((r) => r.path)).toEqual(["/old", "/blog/feed", "/final.xml?x=1"]);
    });

    it("stops a redirect loop", async () => {
      server.route("/a", { status: 302, headers: { location: "/b" } });
      server.route("/b", { status: 307, headers: { location: "/a" } });
      const error = await failure(fetchFeed(server.url("/a"), {}, options()));
      expect(error.reason).toBe("redirects");
      expect(error.message).toContain("redirects in a loop");
      expect(server.requests).toHaveLength(2);
    });

    it.each([
      { maxRedirects: 3, ok: true },
      { maxRedirects: 2, ok: false },
    ])("3 redirects with maxRedirects $maxRedirects: ok=$ok", async ({ maxRedirects, ok }) => {
      server.route("/1", { status: 301, headers: { location: "/2" } });
      server.route("/2", { status: 301, headers: { location: "/3" } });
      server.route("/3", { status: 308, headers: { location: "/feed.xml" } });
      server.route("/feed.xml", { body: RSS });
      const pending = fetchFeed(server.url("/1"), {}, options({ maxRedirects }));
      if (ok) {
        expect(await pending).toMatchObject({ kind: "fetched", url: server.url("/feed.xml") });
      } else {
        const error = await failure(pending);
        expect(error.reason).toBe("redirects");
        expect(error.message).toContain(`redirects more than 2 times`);
        expect(error.message).toContain(server.url("/feed.xml"));
      }
    });

    it("refuses a redirect to a non-http(s) address", async () => {
      server.route("/feed.xml", { status: 302, headers: { location: "ftp://example.org/feed" } });
      const error = await failure(fetchFeed(server.url("/feed.xml"), {}, options()));
      expect(error.reason).toBe("redirects");
      expect(error.message).toContain('"ftp://example.org/feed"');
    });
  });

  describe("size cap", () => {
    const big = "x".repeat(2_000);

    it.each([
      { name: "declared by Content-Length", route: { body: big } },
      { name: "chunked, no Content-Length", route: { body: big, chunked: true } },
      {
        name: "endless stream",
        route: { body: big, trickle: { bytes: 500, everyMs: 1, forever: true } },
      },
    ])("rejects a body over maxBytes: $name", async ({ route }) => {
      server.route("/big.xml", route);
      const url = server.url("/big.xml");
      const error = await failure(fetchFeed(url, {}, options({ maxBytes: 1_000 })));
      expect(error.message).toBe(
        `Feed ${url} is larger than 1 kB; raise fetch.maxBytes in feeds.yml if it is legitimate.`,
      );
      expect(error.reason).toBe("too-large");
    });

    it("counts decompressed bytes of a raw deflate body too", async () => {
      server.route("/bomb.xml", {
        headers: { "content-encoding": "deflate" },
        body: deflateRawSync(Buffer.alloc(50_000_000)),
        chunked: true,
      });
      const error = await failure(fetchFeed(server.url("/bomb.xml"), {}, DEFAULT_FETCH_OPTIONS));
      expect(error.reason).toBe("too-large");
    });

    it("accepts a body of exactly maxBytes", async () => {
      server.route("/feed.xml", { body: big, chunked: true });
      const result = await fetchFeed(server.url("/feed.xml"), {}, options({ maxBytes: 2_000 }));
      expect(result).toMatchObject({ kind: "fetched", bytes: 2_000 });
    });

    it("counts decompressed bytes, so a small gzip bomb is stopped", async () => {
      server.route("/bomb.xml", {
        headers: { "content-encoding": "gzip" },
        body: gzipSync(Buffer.alloc(50_000_000)),
      });
      const error = await failure(fetchFeed(server.url("/bomb.xml"), {}, DEFAULT_FETCH_OPTIONS));
      expect(error.reason).toBe("too-large");
      expect(error.message).toContain("is larger than 5 MB; raise fetch.maxBytes in feeds.yml");
    });
  });

  describe("timeouts", () => {
    it("cuts off a server that trickles its body, and releases the connection", async () => {
      server.route("/slow.xml", { body: "x".repeat(10_000), trickle: { bytes: 10, everyMs: 50 } });
      const url = server.url("/slow.xml");
      const error = await failure(fetchFeed(url, {}, options({ timeoutMs: 300 })));
      expect(error.reason).toBe("timeout");
      expect(error.message).toBe(
        `Feed ${url} timed out: the download did not finish within 300 ms; crieur will try again on the next run. If it keeps happening, raise fetch.timeoutSeconds in feeds.yml.`,
      );
      // The server sees the client hang up instead of trickling on for minutes.
      await vi.waitFor(() => expect(server.requests).toHaveLength(1));
      expect(server.requests[0]?.bytesSent).toBeLessThan(10_000);
    });

    it("cuts off a compressed body that trickles", async () => {
      server.route("/slow.xml", {
        headers: { "content-encoding": "gzip" },
        body: gzipSync(RSS.repeat(50), { level: 0 }),
        trickle: { bytes: 10, everyMs: 50 },
      });
      const error = await failure(
        fetchFeed(server.url("/slow.xml"), {}, options({ timeoutMs: 300 })),
      );
      expect(error.reason).toBe("timeout");
      expect(error.message).toContain("timed out: the download did not finish within 300 ms");
    });

    it("cuts off a server that never answers", async () => {
      server.route("/late.xml", { body: RSS, delayMs: 60_000 });
      const error = await failure(
        fetchFeed(server.url("/late.xml"), {}, options({ timeoutMs: 300 })),
      );
      expect(error.reason).toBe("timeout");
      expect(error.message).toContain("timed out: no answer within 300 ms");
    });
  });

  it("leaves no connection open: every answer is read or discarded, none is kept alive", async () => {
    const lastModified = "Tue, 04 Mar 2025 10:00:00 GMT";
    // A plain server that keeps connections alive for 5 s unless the client says otherwise.
    const local = createServer((req, res) => {
      if (req.url === "/moved.xml") res.writeHead(301, { location: "/feed.xml" }).end();
      else if (req.url === "/big.xml") res.end("x".repeat(5_000));
      else if (req.headers["if-modified-since"] === lastModified) res.writeHead(304).end();
      else res.writeHead(200, { "last-modified": lastModified }).end(RSS);
    });
    await new Promise<void>((resolve) => local.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
    try {
      expect(await fetchFeed(`${origin}/moved.xml`, {}, options())).toMatchObject({
        kind: "fetched",
      });
      expect(await fetchFeed(`${origin}/moved.xml`, { lastModified }, options())).toEqual({
        kind: "not-modified",
      });
      await failure(fetchFeed(`${origin}/big.xml`, {}, options({ maxBytes: 1_000 })));
      const open = () =>
        new Promise<number>((resolve) => local.getConnections((_, n) => resolve(n)));
      await vi.waitFor(async () => expect(await open()).toBe(0), { timeout: 1_000 });
    } finally {
      local.closeAllConnections();
      await new Promise((resolve) => local.close(resolve));
    }
  });

  describe("unreachable servers and bad addresses", () => {
    it("explains a refused connection", async () => {
      const closed = await startFeedServer();
      const url = closed.url("/feed.xml");
      await closed.close();
      const error = await failure(fetchFeed(url, {}, options()));
      expect(error.reason).toBe("network");
      expect(error.message).toContain(`Could not fetch ${url}: the server refused the connection`);
    });

    it("explains a connection dropped in the middle of the body", async () => {
      server.route("/feed.xml", { body: RSS, cutAfter: 20 });
      const url = server.url("/feed.xml");
      const error = await failure(fetchFeed(url, {}, options()));
      expect(error.reason).toBe("network");
      expect(error.message).toContain(
        `Could not fetch ${url}: the server closed the connection unexpectedly`,
      );
    });

    it.each([
      { name: "claims gzip but is not", encoding: "gzip", body: Buffer.from(RSS) },
      { name: "claims br but is not", encoding: "br", body: Buffer.from(RSS) },
      { name: "is gzip cut short", encoding: "gzip", body: gzipSync(RSS).subarray(0, 30) },
    ])("explains a body that $name", async ({ encoding, body }) => {
      server.route("/feed.xml", { headers: { "content-encoding": encoding }, body });
      const error = await failure(fetchFeed(server.url("/feed.xml"), {}, options()));
      expect(error.reason).toBe("network");
      expect(error.message).toContain("compressed body that cannot be decompressed");
    });

    it("explains a TLS failure (https to a plain-HTTP port)", async () => {
      const url = `https://127.0.0.1:${server.port}/feed.xml`;
      const error = await failure(fetchFeed(url, {}, options()));
      expect(error.reason).toBe("tls");
      expect(error.message).toContain(`Could not fetch ${url}: the server does not speak https`);
    });

    it("fetches a webcal:// address over https", async () => {
      const error = await failure(
        fetchFeed(`webcal://127.0.0.1:${server.port}/a.ics`, {}, options()),
      );
      expect(error.reason).toBe("tls");
      expect(error.message).toContain(`Could not fetch https://127.0.0.1:${server.port}/a.ics`);
    });

    it.each(["ftp://example.org/feed.xml", "file:///etc/passwd", "example.org/rss"])(
      "refuses %s",
      async (url) => {
        const error = await failure(fetchFeed(url, {}, options()));
        expect(error.reason).toBe("http");
        expect(error.message).toBe(
          `Feed address "${url}" is not an http:// or https:// URL — fix the feed's url in feeds.yml.`,
        );
      },
    );
  });
});
