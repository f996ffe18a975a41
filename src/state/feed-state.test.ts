import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import { dropQueued, emptyState, type FeedState, failPost, startPost } from "./feed-state.js";

const now = new Date("2026-11-25T12:00:00Z");

describe("startPost", () => {
  it("never overwrites a post in flight, whose text may be on the network already", () => {
    const state: FeedState = {
      ...emptyState("agenda"),
      queue: ["a", "b"].map((key) => ({ item: makeItem({ key }), queuedAt: now.toISOString() })),
    };
    const inFlight = startPost(state, "a", "text a", "x", now);
    expect(() => startPost(inFlight, "b", "text b", "x", now)).toThrow(
      /already has a post in flight/,
    );
    expect(inFlight.pending).toMatchObject({ text: "text a" });
  });
});

describe("dropQueued and failPost", () => {
  const queued = { item: makeItem({ key: "a" }), queuedAt: now.toISOString() };

  it("records a dropped item as failed, with the reason", () => {
    const state: FeedState = { ...emptyState("blog"), queue: [queued] };
    const next = dropQueued(state, "a", now, "too old");
    expect(next.queue).toEqual([]);
    expect(next.done.a).toEqual({ status: "failed", at: now.toISOString(), reason: "too old" });
  });

  it("keeps the record of a posted item whose repost is dropped or fails", () => {
    const posted = {
      status: "posted" as const,
      at: "2026-11-20T12:00:00Z",
      network: "x",
      postId: "1",
    };
    const state: FeedState = { ...emptyState("blog"), queue: [queued], done: { a: posted } };
    const next = dropQueued(state, "a", now, "too old");
    expect(next.queue).toEqual([]);
    expect(next.done.a).toEqual(posted);
    const failed = failPost(startPost(state, "a", "text", "x", now), now, "too long");
    expect(failed.pending).toBeUndefined();
    expect(failed.done.a).toEqual(posted);
  });
});
