/**
 * Image downloads over real HTTP on 127.0.0.1: what is taken (the four image types by their first
 * bytes) and each refusal, worded for the owner's warning.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_IMAGE_OPTIONS,
  fetchImage,
  ImageFetchError,
  imageFetcher,
} from "../src/sources/image.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";
import { pngBytes } from "./support/images.js";

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

const options = { ...DEFAULT_IMAGE_OPTIONS, timeoutMs: 2_000, maxBytes: 100_000 };
const image = (type: string, body: Uint8Array | string) => ({
  headers: { "content-type": type },
  body,
});

async function refusal(path: string, opts = options): Promise<string> {
  const error = await fetchImage(server.url(path), opts).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImageFetchError);
  return (error as Error).message;
}

describe("fetchImage", () => {
  it("takes a PNG, a JPEG, a GIF and a WebP by their first bytes, after a redirect", async () => {
    const png = pngBytes(40);
    server.route("/a.png", image("image/png", png));
    server.route("/old.png", { status: 301, headers: { location: "/a.png" } });
    expect(await fetchImage(server.url("/old.png"), options)).toEqual({
      bytes: Buffer.from(png),
      mime: "image/png",
    });
    const kinds: [string, number[]][] = [
      ["image/jpeg", [0xff, 0xd8, 0xff, 0xe0, 0, 0]],
      ["image/gif", [...Buffer.from("GIF89a"), 1, 0]],
      ["image/webp", [...Buffer.from("RIFF"), 9, 0, 0, 0, ...Buffer.from("WEBPVP8 ")]],
    ];
    for (const [mime, bytes] of kinds) {
      // A wrong but image/* Content-Type is common on CDNs: the bytes decide.
      server.route(`/${mime}`, image("image/octet", new Uint8Array(bytes)));
      expect((await fetchImage(server.url(`/${mime}`), options)).mime).toBe(mime);
    }
  });

  it("takes an image served as octet-stream by its bytes (storage services do that)", async () => {
    for (const type of ["binary/octet-stream", "application/octet-stream"]) {
      server.route(`/s3/${type}`, image(type, pngBytes(50)));
      expect((await fetchImage(server.url(`/s3/${type}`), options)).mime).toBe("image/png");
    }
    server.route("/s3/text", image("application/octet-stream", "just some text"));
    expect(await refusal("/s3/text")).toMatch(/is not a JPEG, PNG, GIF or WebP image/);
  });

  it("refuses a page, a fake image, a 404, a file over the cap, too many redirects and a slow server", async () => {
    server.route("/page", image("text/html", "<html>nope</html>"));
    expect(await refusal("/page")).toMatch(/is not an image \(text\/html\)/);
    server.route("/fake.jpg", image("image/jpeg", "<html>error page</html>"));
    expect(await refusal("/fake.jpg")).toMatch(
      /is not a JPEG, PNG, GIF or WebP image \(it says image\/jpeg\)/,
    );
    expect(await refusal("/missing.png")).toMatch(/answered HTTP 404/);
    server.route("/big.png", image("image/png", pngBytes(200_000)));
    expect(await refusal("/big.png")).toMatch(/is larger than/);
    server.route("/chunked.png", { ...image("image/png", pngBytes(200_000)), chunked: true });
    expect(await refusal("/chunked.png")).toMatch(/is larger than/);
    for (let n = 0; n < 4; n++)
      server.route(`/r${n}`, { status: 302, headers: { location: `/r${n + 1}` } });
    expect(await refusal("/r0", { ...options, maxRedirects: 2 })).toMatch(
      /redirects more than 2 times/,
    );
    server.route("/to-ftp", { status: 302, headers: { location: "ftp://example.org/a.png" } });
    expect(await refusal("/to-ftp")).toMatch(/is not an http\(s\) address/);
    server.route("/slow.png", { ...image("image/png", pngBytes(10)), delayMs: 1_500 });
    expect(await refusal("/slow.png", { ...options, timeoutMs: 300 })).toMatch(
      /did not download within/,
    );
  });

  it("fetches each image once per run, whoever asks", async () => {
    server.route("/once.png", image("image/png", pngBytes(10)));
    const fetcher = imageFetcher(options);
    await Promise.all([fetcher(server.url("/once.png")), fetcher(server.url("/once.png"))]);
    await fetcher(server.url("/once.png"));
    expect(server.requests.filter((r) => r.path === "/once.png")).toHaveLength(1);
  });
});
