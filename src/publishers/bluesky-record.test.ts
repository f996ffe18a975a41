import { describe, expect, it } from "vitest";
import {
  buildPostRecord,
  encodeTid,
  MAX_BLOB_BYTES,
  planEmbed,
  recordKeyFor,
  tidMicros,
} from "./bluesky-record.js";

const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const micros = (iso: string) => BigInt(Date.parse(iso)) * 1000n;

describe("recordKeyFor", () => {
  it("gives the same valid TID for the same key, and another for another key", () => {
    const key = recordKeyFor("feed-a/item-1@bluesky");
    expect(key).toMatch(TID);
    expect(recordKeyFor("feed-a/item-1@bluesky")).toBe(key);
    expect(recordKeyFor("feed-a/item-1@bluesky-2")).not.toBe(key);
  });

  it("keeps derived times in 2023–2024, never in the future, and does not collide", () => {
    const keys = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const key = recordKeyFor(`item-${i}`);
      expect(key).toMatch(TID);
      const time = tidMicros(key);
      expect(time >= micros("2023-01-01T00:00:00Z") && time < micros("2025-01-01T00:00:00Z")).toBe(
        true,
      );
      keys.add(key);
    }
    expect(keys.size).toBe(20_000);
  });

  it("encodes a TID the way atproto does: big-endian base32-sortable, 13 characters", () => {
    expect(encodeTid(0n)).toBe("2222222222222");
    expect(encodeTid(31n)).toBe("222222222222z");
    // The largest 53-bit time with the largest clock id.
    expect(encodeTid(2n ** 63n - 1n)).toBe("bzzzzzzzzzzzz");
    // An example from the atproto specification, written in mid-2023.
    const example = new Date(Number(tidMicros("3jzfcijpj2z2a") / 1000n));
    expect(example.toISOString()).toBe("2023-06-30T15:03:01.887Z");
    const at = micros("2024-05-06T07:08:09.123Z") * 1024n + 5n;
    expect(tidMicros(encodeTid(at))).toBe(micros("2024-05-06T07:08:09.123Z"));
  });
});

describe("buildPostRecord", () => {
  const at = new Date("2026-01-02T03:04:05.678Z");

  it("holds the text, the time, facets and at most three languages", () => {
    expect(buildPostRecord("Hi #tag", { langs: ["fr", "en", "de", "it"] }, at, undefined)).toEqual({
      $type: "app.bsky.feed.post",
      text: "Hi #tag",
      createdAt: "2026-01-02T03:04:05.678Z",
      facets: [
        {
          index: { byteStart: 3, byteEnd: 7 },
          features: [{ $type: "app.bsky.richtext.facet#tag", tag: "tag" }],
        },
      ],
      langs: ["fr", "en", "de"],
    });
  });

  it("leaves out empty facets, languages and embed", () => {
    expect(buildPostRecord("Plain", {}, at, undefined)).toEqual({
      $type: "app.bsky.feed.post",
      text: "Plain",
      createdAt: "2026-01-02T03:04:05.678Z",
    });
  });

  it("makes a link card, with the blob as thumbnail when there is one", () => {
    const link = { url: "https://example.org/a", title: "T".repeat(400), description: "D" };
    const blob = { $type: "blob", ref: { $link: "bafk" }, mimeType: "image/png", size: 10 };
    const record = buildPostRecord("x", { link }, at, blob);
    expect(record.embed).toEqual({
      $type: "app.bsky.embed.external",
      external: { uri: link.url, title: `${"T".repeat(299)}…`, description: "D", thumb: blob },
    });
  });
});

describe("planEmbed", () => {
  const image = (bytes: number, mime = "image/jpeg") => ({
    bytes: new Uint8Array(bytes),
    mime,
    alt: "",
  });
  const link = { url: "https://example.org", title: "", description: "" };

  it.each([
    { options: {}, plan: "none" },
    { options: { link }, plan: "card" },
    { options: { link, image: image(10) }, plan: "card-with-thumb" },
    { options: { image: image(MAX_BLOB_BYTES) }, plan: "image" },
  ])("$plan", ({ options, plan }) => {
    expect(planEmbed(options)).toEqual({ plan });
  });

  it("leaves out an image over 1,000,000 bytes or that is not an image, with a note", () => {
    expect(planEmbed({ link, image: image(MAX_BLOB_BYTES + 1) })).toEqual({
      plan: "card",
      note: "The image was left out: it is 1000001 bytes, over Bluesky's 1000000.",
    });
    expect(planEmbed({ image: image(10, "video/mp4") })).toEqual({
      plan: "none",
      note: "The image was left out: Bluesky takes images, not video/mp4.",
    });
  });
});
