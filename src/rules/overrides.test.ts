import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import { dedupeItems } from "./dedupe.js";
import {
  applyOverrides,
  listedIn,
  overrideScreen,
  PAUSE_REASON,
  SKIP_REASON,
} from "./overrides.js";

const now = new Date("2026-11-25T12:00:00.000Z");
const later = new Date("2026-11-26T12:00:00.000Z");
const a = makeItem({ key: "tag:a", link: "https://m.example/a?utm_source=rss" });
const b = makeItem({ key: "tag:b", link: "https://m.example/b" });

/** A known feed (one record), then a fetch listing `items`. */
function fetchedOnce(items = [a, b], screen = overrideScreen({}, undefined)) {
  const first = dedupeItems(
    undefined,
    { feedId: "f", firstRunPosts: 0 },
    { items: [makeItem({ key: "old" })] },
    {},
    now,
  );
  return dedupeItems(first.state, { feedId: "f", firstRunPosts: 0, screen }, { items }, {}, now);
}

describe("skip:", () => {
  it("names items by key, link, or the same article", () => {
    expect(listedIn(["tag:a"])(a)).toBe(true);
    expect(listedIn(["https://m.example/a?utm_source=rss"])(a)).toBe(true);
    expect(listedIn(["http://www.m.example/a/"])(a)).toBe(true);
    expect(listedIn(["https://m.example/c", "tag:c"])(a)).toBe(false);
  });

  it("records a new item it names as skipped, and takes a waiting one out of the queue", () => {
    const fresh = fetchedOnce([a, b], overrideScreen({ skip: ["https://m.example/a"] }, undefined));
    expect(fresh.queued).toEqual([b]);
    expect(fresh.skipped).toEqual([{ item: a, reason: SKIP_REASON }]);
    expect(fresh.state.done["tag:a"]).toMatchObject({ status: "skipped", reason: SKIP_REASON });

    const waiting = applyOverrides(fresh.state, [a, b], { skip: ["tag:b"] }, later);
    expect(waiting.state.queue).toEqual([]);
    expect(waiting.skipped).toEqual([{ item: b, reason: SKIP_REASON }]);
    expect(waiting.state.done["tag:b"]).toEqual({
      status: "skipped",
      at: later.toISOString(),
      reason: SKIP_REASON,
    });
  });
});

describe("screened first runs", () => {
  it("posts the newest firstRunPosts items that pass, and records the others with their reasons", () => {
    const items = ["c", "b", "a"].map((key, index) =>
      makeItem({ key, published: `2026-11-0${3 - index}T00:00:00Z` }),
    );
    const screen = overrideScreen({ skip: ["c"] }, undefined);
    const first = dedupeItems(
      undefined,
      { feedId: "f", firstRunPosts: 1, screen },
      { items },
      {},
      now,
    );
    expect(first.queued.map((item) => item.key)).toEqual(["b"]);
    expect(first.recordedAsSeen.map((item) => item.key)).toEqual(["a"]);
    expect(first.skipped.map((entry) => entry.item.key)).toEqual(["c"]);
    expect(first.state.done.c).toMatchObject({ status: "skipped", reason: SKIP_REASON });
  });
});

describe("pause:", () => {
  it("records new items without queueing them; skip: still names its items", () => {
    const paused = fetchedOnce(
      [a, b],
      overrideScreen({ pause: true, skip: ["tag:a"] }, () => "filtered"),
    );
    expect(paused.queued).toEqual([]);
    expect(paused.skipped).toEqual([
      { item: b, reason: PAUSE_REASON },
      { item: a, reason: SKIP_REASON },
    ]);
  });
});

describe("repost:", () => {
  const posted = () => {
    const state = fetchedOnce([a]).state;
    return {
      ...state,
      queue: [],
      done: {
        ...state.done,
        "tag:a": { status: "posted" as const, at: now.toISOString(), network: "x" },
      },
    };
  };

  it("queues a done item once, and remembers it while the key stays listed", () => {
    const once = applyOverrides(posted(), [a], { repost: ["tag:a"] }, later);
    expect(once.reposted).toEqual([a]);
    expect(once.state.queue).toEqual([{ item: a, queuedAt: later.toISOString() }]);
    expect(once.state.reposts).toEqual({ "tag:a": later.toISOString() });

    const afterPost = { ...once.state, queue: [] };
    const again = applyOverrides(afterPost, [a], { repost: ["tag:a"] }, later);
    expect(again.reposted).toEqual([]);
    expect(again.state.reposts).toEqual({ "tag:a": later.toISOString() });

    // Out of the list, the record goes: listed again later, the item is reposted again.
    expect(applyOverrides(afterPost, [a], {}, later).state.reposts).toBeUndefined();
  });

  it("remembers a repost listed by an alternate key under that key, so the next run can ask for a 304", () => {
    // The item's link-based key from before its feed gave guids, say.
    const alt = "https://m.example/a";
    const withAlt = { ...a, altKeys: [alt] };
    const once = applyOverrides(posted(), [withAlt], { repost: [alt] }, later);
    expect(once.reposted).toEqual([withAlt]);
    expect(once.state.reposts).toEqual({ [alt]: later.toISOString() });
    const again = applyOverrides({ ...once.state, queue: [] }, [withAlt], { repost: [alt] }, later);
    expect(again.reposted).toEqual([]);
    // A file written before, with the item's key: not reposted a second time.
    const older = { ...once.state, queue: [], reposts: { "tag:a": now.toISOString() } };
    const upgraded = applyOverrides(older, [withAlt], { repost: [alt] }, later);
    expect(upgraded.reposted).toEqual([]);
    expect(upgraded.state.reposts).toEqual({ [alt]: now.toISOString() });
  });

  it("says so when the item is no longer in the feed, and counts a waiting item as the repost", () => {
    const gone = applyOverrides(posted(), [], { repost: ["tag:a"] }, later);
    expect(gone.reposted).toEqual([]);
    expect(gone.warnings).toEqual([
      expect.stringContaining('repost: "tag:a" is not in the feed any more'),
    ]);
    const waiting = fetchedOnce([a]).state;
    const queued = applyOverrides(waiting, [a], { repost: ["tag:a"] }, later);
    expect(queued.state.queue).toHaveLength(1);
    expect(queued.state.reposts).toEqual({ "tag:a": later.toISOString() });
  });
});
