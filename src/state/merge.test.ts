import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import {
  type AccountState,
  emptyState,
  type FeedState,
  type MonthCount,
  type Outcome,
  type TrackedEvent,
} from "./feed-state.js";
import { mergeAccountStates, mergeFeedStates } from "./merge.js";
import { StateError } from "./store.js";

const at = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString();
const seen = (day: number): Outcome => ({ status: "seen", at: at(day) });
const failed = (day: number): Outcome => ({ status: "failed", at: at(day), reason: "too long" });
const posted = (day: number, postId = `p${day}`): Outcome => ({
  status: "posted",
  at: at(day),
  network: "x",
  postId,
});
const queued = (key: string, day: number, attempts?: number) => ({
  item: makeItem({ key }),
  queuedAt: at(day),
  ...(attempts ? { attempts } : {}),
});
const pending = (key: string, day: number) => ({
  ...queued(key, day),
  text: `text ${key}`,
  network: "x",
  at: at(day),
});

function state(parts: Partial<FeedState>): FeedState {
  return { ...emptyState("agenda"), ...parts };
}

describe("mergeFeedStates: done", () => {
  it.each([
    ["posted beats seen", posted(2), seen(1), "posted"],
    ["posted beats seen (other side)", seen(1), posted(2), "posted"],
    ["posted beats failed", failed(3), posted(2), "posted"],
    ["failed beats seen", seen(1), failed(2), "failed"],
  ] as const)("%s", (_name, theirs, ours, status) => {
    const merged = mergeFeedStates(state({ done: { k: theirs } }), state({ done: { k: ours } }));
    expect(merged.state.done.k?.status).toBe(status);
  });

  it("keeps the first post when both sides posted the same item", () => {
    const merged = mergeFeedStates(
      state({ done: { k: posted(3, "late") } }),
      state({ done: { k: posted(2, "early") } }),
    );
    expect(merged.state.done.k).toEqual(posted(2, "early"));
  });

  it("is the union of both sides' records", () => {
    const merged = mergeFeedStates(
      state({ done: { a: posted(1), b: seen(1) } }),
      state({ done: { c: posted(2) } }),
    );
    expect(Object.keys(merged.state.done).sort()).toEqual(["a", "b", "c"]);
  });
});

describe("mergeFeedStates: queue and pending", () => {
  it("queues the union minus what either side settled, oldest first", () => {
    const merged = mergeFeedStates(
      state({ queue: [queued("b", 2), queued("c", 3)], done: { a: posted(4) } }),
      state({ queue: [queued("a", 1), queued("d", 1), queued("b", 2, 2)], done: { c: seen(4) } }),
    );
    expect(merged.state.queue).toEqual([queued("d", 1), queued("b", 2, 2)]);
  });

  it.each([
    ["only ours is in flight", pending("p", 5), undefined, "p"],
    ["only theirs is in flight", undefined, pending("p", 5), "p"],
  ] as const)("keeps pending when %s", (_name, ours, theirs, key) => {
    const merged = mergeFeedStates(
      state(theirs ? { pending: theirs } : { queue: [queued("p", 1)] }),
      state(ours ? { pending: ours } : { queue: [queued("p", 1)] }),
    );
    expect(merged.state.pending?.item.key).toBe(key);
    expect(merged.state.queue).toEqual([]);
  });

  it("drops pending when the other side recorded its outcome", () => {
    const merged = mergeFeedStates(
      state({ done: { p: posted(6) } }),
      state({ pending: pending("p", 5) }),
    );
    expect(merged.state.pending).toBeUndefined();
    expect(merged.state.done.p?.status).toBe("posted");
  });

  it("keeps the newer of two different posts in flight, records the other as uncertain", () => {
    const merged = mergeFeedStates(
      state({ pending: pending("old", 4) }),
      state({ pending: pending("new", 5) }),
    );
    expect(merged.state.pending?.item.key).toBe("new");
    expect(merged.state.done.old).toMatchObject({ status: "failed" });
    expect(merged.notes).toHaveLength(1);
    expect(merged.notes[0]).toMatch(/"Title of old" uncertain/);
  });
});

describe("mergeFeedStates: the rest", () => {
  it("takes validators and other fields from ours, the newer run", () => {
    const merged = mergeFeedStates(
      { ...state({ validators: { etag: "old" } }), extra: 1 } as FeedState,
      state({ validators: { etag: "new" } }),
    );
    expect(merged.state.validators).toEqual({ etag: "new" });
    expect((merged.state as unknown as { extra: number }).extra).toBe(1);
  });

  it.each([
    // name, theirs, ours, expected (base, when given, is the third side's start)
    ["neverFetched stays only when both have it", { neverFetched: true }, {}, {}],
    ["neverFetched stays only when both have it (other side)", {}, { neverFetched: true }, {}],
    [
      "neverFetched kept on both",
      { neverFetched: true },
      { neverFetched: true },
      { neverFetched: true },
    ],
    ["failingSince cleared when theirs works", {}, { failingSince: at(3) }, {}],
    ["failingSince cleared when ours works", { failingSince: at(3) }, {}, {}],
    [
      "failingSince: the earlier",
      { failingSince: at(2) },
      { failingSince: at(5) },
      { failingSince: at(2) },
    ],
    [
      "failingSince: the earlier (other side)",
      { failingSince: at(6) },
      { failingSince: at(4) },
      { failingSince: at(4) },
    ],
    ["unreliableGuids from theirs", { unreliableGuids: true }, {}, { unreliableGuids: true }],
    ["unreliableGuids from ours", {}, { unreliableGuids: true }, { unreliableGuids: true }],
    ["maxItemsSeen: the max", { maxItemsSeen: 40 }, { maxItemsSeen: 25 }, { maxItemsSeen: 40 }],
    ["maxItemsSeen from one side", {}, { maxItemsSeen: 25 }, { maxItemsSeen: 25 }],
  ] as const)("%s", (_name, theirs, ours, expected) => {
    const fields = ["neverFetched", "failingSince", "unreliableGuids", "maxItemsSeen"] as const;
    const merged = mergeFeedStates(state(theirs), state(ours)).state;
    for (const field of fields) expect(merged[field]).toEqual((expected as FeedState)[field]);
  });

  it("refuses two different feeds", () => {
    expect(() => mergeFeedStates(emptyState("a"), emptyState("b"))).toThrow(StateError);
  });
});

const count = (posts: number, postsWithUrl = posts): MonthCount => ({ posts, postsWithUrl });

describe("mergeFeedStates: events", () => {
  const tracked = (
    key: string,
    title: string,
    since: number,
    more: Partial<TrackedEvent> = {},
  ) => ({
    item: makeItem({
      key,
      title,
      event: { start: "2026-12-20T19:00:00Z", allDay: false, status: "confirmed" },
    }),
    since: at(since),
    ...more,
  });
  const announced = { start: "2026-12-20T19:00:00Z", status: "confirmed" as const };

  it("keeps the events of both sides, event by event", () => {
    const theirs = state({ events: { a: tracked("a", "A", 1), b: tracked("b", "B", 2) } });
    const ours = state({ events: { b: tracked("b", "B, corrected", 3), c: tracked("c", "C", 3) } });
    const events = mergeFeedStates(theirs, ours).state.events ?? {};
    expect(Object.keys(events).sort()).toEqual(["a", "b", "c"]);
    // The newer run's fetch of the event, first seen when the earlier side saw it.
    expect(events.b?.item.title).toBe("B, corrected");
    expect(events.b?.since).toBe(at(2));
  });

  it("keeps an announcement made on either side, and holds only what neither announced", () => {
    const theirs = state({
      events: { a: tracked("a", "A", 1, { announced }), b: tracked("b", "B", 1, { held: true }) },
    });
    const ours = state({
      events: { a: tracked("a", "A", 1, { held: true }), b: tracked("b", "B", 1) },
    });
    const events = mergeFeedStates(theirs, ours).state.events ?? {};
    expect(events.a).toEqual(tracked("a", "A", 1, { announced }));
    expect(events.b).toEqual(tracked("b", "B", 1, { held: true }));
  });

  it("forgets an event one side forgot since the common version", () => {
    const base = state({ events: { a: tracked("a", "A", 1), b: tracked("b", "B", 1) } });
    const theirs = state({ events: { a: tracked("a", "A", 1), b: tracked("b", "B", 1) } });
    const ours = state({ events: { b: tracked("b", "B", 1), c: tracked("c", "C", 4) } });
    const events = mergeFeedStates(theirs, ours, base).state.events ?? {};
    expect(Object.keys(events).sort()).toEqual(["b", "c"]);
    expect(mergeFeedStates(state({}), state({}), base).state).not.toHaveProperty("events");
  });
});

describe("mergeFeedStates: months", () => {
  it.each([
    [
      "adds what each side posted since the common version",
      { "2026-11": count(5, 4) },
      { "2026-11": count(2, 1) },
      { "2026-11": count(1, 1) },
      { "2026-11": count(6, 4) },
    ],
    [
      "each side posted once in October, one of them in November too",
      { "2026-10": count(3) },
      { "2026-10": count(3), "2026-11": count(1, 0) },
      { "2026-10": count(2) },
      { "2026-10": count(4), "2026-11": count(1, 0) },
    ],
    [
      "never lower than either side",
      { "2026-11": count(2) },
      { "2026-11": count(3) },
      { "2026-11": count(9) },
      { "2026-11": count(3) },
    ],
    [
      "without a common version, the higher count",
      { "2026-11": count(5, 5) },
      { "2026-11": count(2, 2) },
      undefined,
      { "2026-11": count(5, 5) },
    ],
  ] as const)("%s", (_name, theirs, ours, base, expected) => {
    const merged = mergeFeedStates(
      state({ months: theirs }),
      state({ months: ours }),
      base ? state({ months: base }) : undefined,
    );
    expect(merged.state.months).toEqual(expected);
  });

  it("counts from zero when the common version had posted nothing yet", () => {
    const merged = mergeFeedStates(
      state({ months: { "2026-11": count(1, 0) } }),
      state({ months: { "2026-11": count(1, 0) } }),
      state({}),
    );
    expect(merged.state.months).toEqual({ "2026-11": count(2, 0) });
  });

  it("keeps no months when neither side has any", () => {
    expect(mergeFeedStates(state({}), state({}), state({})).state.months).toBeUndefined();
  });
});

describe("mergeAccountStates", () => {
  const paused = (until: string, reason = "429"): AccountState => ({
    version: 1,
    postingPausedUntil: until,
    pauseReason: reason,
  });
  it.each([
    ["the later pause wins", paused(at(2), "old"), paused(at(3), "new"), paused(at(3), "new")],
    [
      "the later pause wins (theirs)",
      paused(at(4), "new"),
      paused(at(3), "old"),
      paused(at(4), "new"),
    ],
    ["a pause beats no pause", paused(at(2)), { version: 1 }, paused(at(2))],
    ["a pause beats no pause (ours)", { version: 1 }, paused(at(2)), paused(at(2))],
    ["no pause on either side", { version: 1 }, { version: 1 }, { version: 1 }],
  ] as const)("%s", (_name, theirs, ours, expected) => {
    expect(mergeAccountStates(theirs, ours)).toEqual(expected);
  });
});

describe("mergeFeedStates: properties", () => {
  const key = fc.constantFrom("a", "b", "c", "d", "e");
  const outcome = fc
    .tuple(fc.constantFrom("seen", "failed", "posted"), fc.integer({ min: 1, max: 9 }))
    .map(([status, day]) =>
      status === "seen" ? seen(day) : status === "failed" ? failed(day) : posted(day),
    );
  const months = fc.option(
    fc.dictionary(
      fc.constantFrom("2026-10", "2026-11", "2026-12"),
      fc
        .tuple(fc.nat({ max: 20 }), fc.nat({ max: 20 }))
        .map(([a, b]) => count(Math.max(a, b), Math.min(a, b))),
    ),
    { nil: undefined },
  );
  const feedState = fc
    .record({
      months,
      done: fc.dictionary(key, outcome),
      queue: fc.uniqueArray(key).map((keys) => keys.map((k, i) => queued(k, i + 1))),
      pending: fc.option(
        key.map((k) => pending(k, 5)),
        { nil: undefined },
      ),
    })
    .map(({ months: counts, done, queue, pending: inFlight }) => {
      const taken = new Set([...Object.keys(done), ...(inFlight ? [inFlight.item.key] : [])]);
      return state({
        ...(counts ? { months: counts } : {}),
        done,
        queue: queue.filter((entry) => !taken.has(entry.item.key)),
        ...(inFlight && !Object.hasOwn(done, inFlight.item.key) ? { pending: inFlight } : {}),
      });
    });

  it("never loses a posted record, and every key stays known exactly once", () => {
    fc.assert(
      fc.property(feedState, feedState, fc.option(feedState), (theirs, ours, base) => {
        const merged = mergeFeedStates(theirs, ours, base ?? undefined).state;
        for (const side of [theirs, ours]) {
          for (const [k, record] of Object.entries(side.done)) {
            if (record.status === "posted") expect(merged.done[k]?.status).toBe("posted");
            else expect(merged.done[k]).toBeDefined();
          }
        }
        const queuedKeys = merged.queue.map((entry) => entry.item.key);
        const known = [...Object.keys(merged.done), ...queuedKeys];
        if (merged.pending) known.push(merged.pending.item.key);
        expect(new Set(known).size).toBe(known.length);
        for (const side of [theirs, ours]) {
          for (const entry of side.queue) expect(known).toContain(entry.item.key);
          if (side.pending) expect(known).toContain(side.pending.item.key);
        }
      }),
    );
  });

  it("never counts fewer posts in a month than either side, with or without a base", () => {
    fc.assert(
      fc.property(feedState, feedState, fc.option(feedState), (theirs, ours, base) => {
        const merged = mergeFeedStates(theirs, ours, base ?? undefined).state;
        for (const side of [theirs, ours]) {
          for (const [month, sideCount] of Object.entries(side.months ?? {})) {
            expect(merged.months?.[month]?.posts).toBeGreaterThanOrEqual(sideCount.posts);
            expect(merged.months?.[month]?.postsWithUrl).toBeGreaterThanOrEqual(
              sideCount.postsWithUrl,
            );
          }
        }
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(feedState, feedState, (theirs, ours) => {
        const once = mergeFeedStates(theirs, ours).state;
        expect(mergeFeedStates(once, once).state).toEqual(once);
        // With a base too: a version merged with itself, from itself, is itself.
        expect(mergeFeedStates(once, once, once).state).toEqual(once);
      }),
    );
  });
});

describe("mergeFeedStates: curation", () => {
  const skipped = (day: number): Outcome => ({ status: "skipped", at: at(day), reason: "r" });

  it("ranks skipped between seen and failed", () => {
    expect(
      mergeFeedStates(state({ done: { k: seen(1) } }), state({ done: { k: skipped(2) } })).state
        .done.k,
    ).toEqual(skipped(2));
    const failed: Outcome = { status: "failed", at: at(3), reason: "too long" };
    expect(
      mergeFeedStates(state({ done: { k: failed } }), state({ done: { k: skipped(2) } })).state.done
        .k,
    ).toEqual(failed);
  });

  it("keeps a repost queued while its key's record predates it, and never reposts twice", () => {
    // Ours queued the repost on day 5; theirs only has the first post, of day 2.
    const ours = state({ done: { k: posted(2) }, queue: [queued("k", 5)], reposts: { k: at(5) } });
    const theirs = state({ done: { k: posted(2) } });
    const waiting = mergeFeedStates(theirs, ours).state;
    expect(waiting.queue.map((entry) => entry.item.key)).toEqual(["k"]);
    expect(waiting.reposts).toEqual({ k: at(5) });

    // Ours posted the repost on day 6; theirs still had it queued: it is done.
    const sent = state({ done: { k: posted(6, "again") }, reposts: { k: at(5) } });
    for (const merged of [mergeFeedStates(ours, sent).state, mergeFeedStates(sent, ours).state]) {
      expect(merged.queue).toEqual([]);
      expect(merged.done.k).toEqual(posted(6, "again"));
    }
  });
});
