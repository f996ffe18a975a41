import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import { emptyState, type FeedState, startPost } from "./feed-state.js";

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
