import { describe, expect, it } from "vitest";
import { makeItem } from "../test/support/items.js";
import { dedupeItems, oldestFirst, RETAINED_RECORDS_BEYOND_FEED } from "./dedupe.js";
import type { FeedState } from "./state.js";

const now = new Date("2026-11-25T12:00:00Z");
const later = new Date("2026-11-25T12:30:00Z");
const settings = { feedId: "agenda", firstRunPosts: 0 };
// Feeds list newest first.
const feed = [
  makeItem({ key: "c", published: "2026-11-03T00:00:00Z" }),
  makeItem({ key: "b", published: "2026-11-02T00:00:00Z" }),
  makeItem({ key: "a", published: "2026-11-01T00:00:00Z" }),
];

describe("dedupeItems", () => {
  it("records every item as seen on first sight and posts nothing", () => {
    const result = dedupeItems(undefined, settings, feed, { etag: '"v1"' }, now);
    expect(result.firstSight).toBe(true);
    expect(result.queued).toEqual([]);
    expect(Object.keys(result.state.done).sort()).toEqual(["a", "b", "c"]);
    expect(result.state.validators).toEqual({ etag: '"v1"' });
  });

  it("queues only the newest firstRunPosts items on first sight, oldest first", () => {
    const result = dedupeItems(undefined, { ...settings, firstRunPosts: 2 }, feed, {}, now);
    expect(result.queued.map((item) => item.key)).toEqual(["b", "c"]);
    expect(result.recordedAsSeen.map((item) => item.key)).toEqual(["a"]);
  });

  it("queues only items it has never seen, and nothing on an unchanged feed", () => {
    const first = dedupeItems(undefined, settings, feed.slice(1), {}, now).state;
    const second = dedupeItems(first, settings, feed, {}, later);
    expect(second.queued.map((item) => item.key)).toEqual(["c"]);
    const third = dedupeItems(second.state, settings, feed, {}, later);
    expect(third.queued).toEqual([]);
    expect(third.state.queue.map((entry) => entry.item.key)).toEqual(["c"]);
  });

  it("does not requeue an item whose post is in flight", () => {
    const first = dedupeItems(undefined, settings, [], {}, now).state;
    const inFlight: FeedState = {
      ...first,
      pending: {
        item: feed[0] as never,
        queuedAt: now.toISOString(),
        text: "t",
        network: "x",
        at: now.toISOString(),
      },
    };
    expect(dedupeItems(inFlight, settings, feed.slice(0, 1), {}, later).queued).toEqual([]);
  });

  it("refreshes a queued item from the feed, so corrections are posted", () => {
    const first = dedupeItems(undefined, settings, [], {}, now).state;
    const queued = dedupeItems(first, settings, feed.slice(0, 1), {}, now).state;
    const corrected = makeItem({ key: "c", title: "Corrected", published: "2026-11-03T00:00:00Z" });
    const refreshed = dedupeItems(queued, settings, [corrected], {}, later).state;
    expect(refreshed.queue.map((entry) => entry.item.title)).toEqual(["Corrected"]);
  });

  it("keeps a queued item even when the feed drops it", () => {
    const first = dedupeItems(undefined, settings, [], {}, now).state;
    const queued = dedupeItems(first, settings, feed, {}, now).state;
    expect(dedupeItems(queued, settings, [], {}, later).state.queue).toHaveLength(3);
  });

  it("bounds the records of items the feed no longer lists, keeping the newest", () => {
    const total = RETAINED_RECORDS_BEYOND_FEED + 50;
    const done = Object.fromEntries(
      Array.from({ length: total }, (_, index) => [
        `k${index}`,
        { status: "seen" as const, at: new Date(now.getTime() + index * 60_000).toISOString() },
      ]),
    );
    const state: FeedState = { ...dedupeItems(undefined, settings, [], {}, now).state, done };
    const final = dedupeItems(state, settings, [makeItem({ key: "k0" })], {}, later).state;
    const keys = Object.keys(final.done);
    expect(keys).toHaveLength(RETAINED_RECORDS_BEYOND_FEED + 1);
    expect(keys).toContain("k0"); // still in the feed: never forgotten
    expect(keys).toContain(`k${total - 1}`);
    expect(keys).not.toContain("k1");
  });
});

describe("oldestFirst", () => {
  it("sorts by date when every item has one", () => {
    const shuffled = [feed[1], feed[2], feed[0]].map((item) => item as (typeof feed)[number]);
    expect(oldestFirst(shuffled).map((item) => item.key)).toEqual(["a", "b", "c"]);
  });
  it("reverses document order when a date is missing", () => {
    const undated = [
      makeItem({ key: "z" }),
      makeItem({ key: "y", published: "2026-01-01T00:00:00Z" }),
    ];
    expect(oldestFirst(undated).map((item) => item.key)).toEqual(["y", "z"]);
  });
});
