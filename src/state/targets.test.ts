import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import { emptyState, type FeedState, finishPost, startPost } from "./feed-state.js";
import { mergeAccountStates, mergeFeedStates } from "./merge.js";
import { parseState, serializeState } from "./store.js";
import {
  accountView,
  refreshTargetQueues,
  syncTargets,
  targetView,
  withAccountView,
  withTargetView,
} from "./targets.js";

const now = new Date("2026-11-20T12:00:00.000Z");
const queued = (key: string) => ({ item: makeItem({ key }), queuedAt: "2026-11-20T10:00:00.000Z" });

/** A state written before targets existed: one item posted (to X), one waiting. */
const OLD: FeedState = {
  ...emptyState("blog"),
  queue: [queued("new")],
  done: { old: { status: "posted", at: "2026-11-19T10:00:00.000Z", network: "x", postId: "1" } },
};

describe("state per target", () => {
  it("a state file from before targets is target x's; a new target gets only what waits", () => {
    expect(targetView(OLD, "x")).toBe(OLD);
    const synced = syncTargets(OLD, ["x", "toot"], now);
    expect(synced.queue).toEqual(OLD.queue);
    expect(synced.done).toEqual(OLD.done);
    const toot = targetView(synced, "toot");
    expect(toot.queue.map((q) => q.item.key)).toEqual(["new"]);
    // The archive (already posted to X) is not sent to the new target.
    expect(toot.done).toEqual({});
    // A second sync adds nothing new.
    expect(syncTargets(synced, ["x", "toot"], now)).toBe(synced);
  });

  it("a target that learns of items while x has one in flight queues that one first", () => {
    // x took "first" off its queue and was stopped with it in flight; "second" waits behind it.
    const state: FeedState = {
      ...startPost({ ...OLD, queue: [queued("first"), queued("second")] }, "first", "t", "x", now),
      done: {},
    };
    const toot = targetView(syncTargets(state, ["x", "toot"], now), "toot");
    expect(toot.queue.map((q) => q.item.key)).toEqual(["first", "second"]);
  });

  it("a repost goes to every target that posted the item before, once", () => {
    const posted = (at: string) => ({ status: "posted" as const, at, network: "x", postId: "1" });
    const before = "2026-11-19T10:00:00.000Z";
    const repostedAt = "2026-11-20T11:00:00.000Z";
    const state: FeedState = {
      ...OLD,
      queue: [{ item: makeItem({ key: "old" }), queuedAt: repostedAt }],
      targets: { toot: { queue: [], done: { old: posted(before) } } },
    };
    const synced = syncTargets(state, ["x", "toot"], now);
    expect(targetView(synced, "toot").queue.map((q) => q.item.key)).toEqual(["old"]);
    // Posted again there: the next sync does not hand it over a third time.
    const toot = targetView(synced, "toot");
    const again = finishPost(startPost(toot, "old", "t", "mastodon", now), now, { id: "9" });
    const after = syncTargets(withTargetView(synced, "toot", again), ["x", "toot"], now);
    expect(targetView(after, "toot").queue).toEqual([]);
  });

  it("another target's waiting item takes this fetch's version; an unchanged state is kept", () => {
    const synced = syncTargets(OLD, ["x", "toot"], now);
    const corrected = makeItem({ key: "new", title: "Corrected title" });
    const refreshed = refreshTargetQueues(synced, [corrected, makeItem({ key: "other" })]);
    expect(targetView(refreshed, "toot").queue).toEqual([
      { item: corrected, queuedAt: "2026-11-20T10:00:00.000Z" },
    ]);
    expect(refreshTargetQueues(refreshed, [corrected])).toBe(refreshed);
    expect(refreshTargetQueues(OLD, [corrected])).toBe(OLD);
  });

  it("an item posted to x stays queued for the other target, and x never gets it again", () => {
    let state = syncTargets(OLD, ["x", "toot"], now);
    state = finishPost(startPost(state, "new", "text", "x", now), now, { id: "2", url: "u" });
    expect(state.queue).toEqual([]);
    const toot = targetView(state, "toot");
    expect(toot.queue.map((q) => q.item.key)).toEqual(["new"]);
    // Syncing again does not hand anything back to x.
    const again = syncTargets(state, ["x", "toot"], now);
    expect(again.queue).toEqual([]);
    // The other target posts it in its own records.
    const posted = finishPost(startPost(toot, "new", "t", "mastodon", now), now, { id: "9" });
    const written = withTargetView(state, "toot", posted);
    expect(written.done.new).toMatchObject({ status: "posted", network: "x", postId: "2" });
    expect(written.targets?.toot?.done.new).toMatchObject({ network: "mastodon", postId: "9" });
    expect(written.targets?.toot?.queue).toEqual([]);
    expect(written.targets?.toot?.months?.["2026-11"]).toEqual({ posts: 1, postsWithUrl: 0 });
    expect(written.months?.["2026-11"]).toEqual({ posts: 1, postsWithUrl: 0 });
  });

  it("when x is not live for the feed, what waits there is recorded as seen, not kept for later", () => {
    const synced = syncTargets(OLD, ["toot"], now);
    expect(synced.queue).toEqual([]);
    expect(synced.done.new).toEqual({ status: "seen", at: now.toISOString() });
    expect(targetView(synced, "toot").queue.map((q) => q.item.key)).toEqual(["new"]);
  });

  it("merges each target's records: a post on either side is never lost", () => {
    const base = syncTargets(OLD, ["x", "toot"], now);
    const toot = targetView(base, "toot");
    const ours = withTargetView(
      base,
      "toot",
      finishPost(startPost(toot, "new", "t", "mastodon", now), now, { id: "9" }),
    );
    const theirs = finishPost(startPost(base, "new", "t", "x", now), now, { id: "2" });
    const { state } = mergeFeedStates(theirs, ours, base);
    expect(state.done.new).toMatchObject({ network: "x" });
    expect(state.queue).toEqual([]);
    expect(state.targets?.toot?.done.new).toMatchObject({ network: "mastodon" });
    expect(state.targets?.toot?.queue).toEqual([]);
  });

  it("a rate-limit pause is the target's own, and merges target by target", () => {
    const account = withAccountView({ version: 1 }, "toot", {
      version: 1,
      postingPausedUntil: "2026-11-20T13:00:00.000Z",
      pauseReason: "429",
    });
    expect(accountView(account, "x")).toEqual({ version: 1, targets: account.targets });
    expect(accountView(account, "x").postingPausedUntil).toBeUndefined();
    expect(accountView(account, "toot").postingPausedUntil).toBe("2026-11-20T13:00:00.000Z");
    const cleared = withAccountView(account, "toot", { version: 1 });
    expect(cleared).toEqual({ version: 1 });
    const merged = mergeAccountStates(account, {
      version: 1,
      postingPausedUntil: "2026-11-21T00:00:00.000Z",
    });
    expect(merged.postingPausedUntil).toBe("2026-11-21T00:00:00.000Z");
    expect(merged.targets?.toot?.postingPausedUntil).toBe("2026-11-20T13:00:00.000Z");
  });
});

describe("a state file with targets", () => {
  it("is written with every target's records and reads back the same", () => {
    const state = syncTargets(OLD, ["x", "toot", "sky"], now);
    const text = serializeState(state);
    expect(parseState(text, "state/blog.json", "blog")).toEqual(state);
    expect(Object.keys(JSON.parse(text).targets)).toEqual(["sky", "toot"]);
  });
});
