import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import {
  emptyState,
  type FeedState,
  failPost,
  finishPost,
  lastPostAt,
  postTimesSince,
  requeuePost,
  startPost,
} from "./feed-state.js";
import { createStateStore, parseState, StateError, serializeState } from "./store.js";

const now = new Date("2026-11-25T12:00:00Z");

function withQueue(...keys: string[]): FeedState {
  return {
    ...emptyState("agenda"),
    queue: keys.map((key) => ({ item: makeItem({ key }), queuedAt: now.toISOString() })),
  };
}

describe("state files", () => {
  it("round-trips through a store, atomically, leaving no temp file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "crieur-state-"));
    const store = createStateStore(join(dir, "state"));
    expect(await store.load("agenda")).toBeUndefined();
    const state = finishPost(startPost(withQueue("a", "b"), "a", "text a", "x", now), now, {
      id: "1",
      url: "u",
    });
    await store.save(state);
    expect(await store.load("agenda")).toEqual(state);
    expect(await readdir(join(dir, "state"))).toEqual(["agenda.json"]);
  });

  it("writes done keys in sorted order, so diffs stay small", () => {
    const state: FeedState = {
      ...emptyState("agenda"),
      done: { z: { status: "seen", at: "t" }, a: { status: "seen", at: "t" } },
    };
    const text = serializeState(state);
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"z"'));
    expect(text.endsWith("}\n")).toBe(true);
  });

  it.each([
    ["{ not json", /not valid JSON/],
    ["[]", /expected a JSON object/],
    [
      '{"version": 99, "feedId": "agenda", "queue": [], "done": {}, "validators": {}}',
      /format version 99/,
    ],
    [
      '{"version": 1, "feedId": "other", "queue": [], "done": {}, "validators": {}}',
      /belongs to feed "other"/,
    ],
    [
      '{"version": 1, "feedId": "agenda", "done": {}, "validators": {}}',
      /queue: missing; expected an array/,
    ],
  ])("refuses a broken file instead of resetting it: %s", (text, message) => {
    expect(() => parseState(text, "state/agenda.json", "agenda")).toThrow(StateError);
    expect(() => parseState(text, "state/agenda.json", "agenda")).toThrow(message);
    expect(() => parseState(text, "state/agenda.json", "agenda")).toThrow(/would repost/);
  });

  it("a broken file on disk is an error, not an empty state", async () => {
    const dir = await mkdtemp(join(tmpdir(), "crieur-state-"));
    await writeFile(join(dir, "agenda.json"), "", "utf8");
    await expect(createStateStore(dir).load("agenda")).rejects.toThrow(StateError);
  });
});

describe("post transitions", () => {
  it("startPost moves the item to pending with its exact text", () => {
    const state = startPost(withQueue("a", "b"), "a", "hello", "x", now);
    expect(state.pending).toMatchObject({ text: "hello", network: "x", item: { key: "a" } });
    expect(state.queue.map((entry) => entry.item.key)).toEqual(["b"]);
  });

  it("finishPost records the post and clears pending", () => {
    const state = finishPost(startPost(withQueue("a"), "a", "hello", "x", now), now, {
      id: "9",
      url: "https://x.com/i/web/status/9",
    });
    expect(state.pending).toBeUndefined();
    expect(state.done.a).toEqual({
      status: "posted",
      at: now.toISOString(),
      network: "x",
      postId: "9",
      url: "https://x.com/i/web/status/9",
      title: "Title of a",
      canonical: "//example.org/a",
      // Recorded with the post, so the item is known should the feed give it another guid.
      story: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
  });

  it("requeuePost puts the item back at the head, counting attempts when asked", () => {
    const once = requeuePost(startPost(withQueue("a", "b"), "a", "t", "x", now), true);
    expect(once.queue.map((entry) => [entry.item.key, entry.attempts])).toEqual([
      ["a", 1],
      ["b", undefined],
    ]);
    const twice = requeuePost(startPost(once, "a", "t", "x", now), false);
    expect(twice.queue[0]?.attempts).toBe(1);
  });

  it("failPost remembers why", () => {
    const state = failPost(startPost(withQueue("a"), "a", "t", "x", now), now, "too long");
    expect(state.done.a).toEqual({
      status: "failed",
      at: now.toISOString(),
      reason: "too long",
      story: expect.any(String),
    });
    expect(JSON.parse(serializeState(state))).not.toHaveProperty("pending");
  });
});

describe("counters, budgets and the account file", () => {
  it("finishPost counts the month's posts and those with a link, in the same write", () => {
    let state = withQueue("a", "b", "c");
    const march = new Date("2026-03-31T23:00:00Z");
    const april = new Date("2026-04-01T01:00:00Z");
    state = finishPost(startPost(state, "a", "t", "x", march), march, { id: "1" }, true);
    state = finishPost(startPost(state, "b", "t", "x", april), april, { id: "2" }, false);
    state = finishPost(startPost(state, "c", "t", "x", april), april, {}, true);
    expect(state.months).toEqual({
      "2026-03": { posts: 1, postsWithUrl: 1 },
      "2026-04": { posts: 2, postsWithUrl: 1 },
    });
    expect(postTimesSince(state, march)).toEqual([april.toISOString(), april.toISOString()]);
    expect(lastPostAt(state)).toBe(april.toISOString());
    expect(lastPostAt(emptyState("agenda"))).toBeUndefined();
  });

  it("serializes the new fields, so a save never loses them", () => {
    const state: FeedState = {
      ...emptyState("agenda"),
      failingSince: now.toISOString(),
      neverFetched: true,
      months: { "2026-11": { posts: 2, postsWithUrl: 1 } },
      events: {
        talk: {
          item: {
            key: "talk",
            title: "Talk",
            link: undefined,
            published: undefined,
            summary: "",
            author: undefined,
            categories: [],
            image: undefined,
            event: { start: "2026-12-03T19:00:00+01:00", allDay: false, status: "confirmed" },
          },
          since: now.toISOString(),
          announced: { start: "2026-12-03T19:00:00+01:00", status: "confirmed" },
          held: true,
        },
      },
    };
    expect(parseState(serializeState(state), "f", "agenda")).toEqual(state);
  });

  it("keeps the rate-limit pause in _account.json, and reads a missing one as no pause", async () => {
    const dir = await mkdtemp(join(tmpdir(), "crieur-account-"));
    const store = createStateStore(join(dir, "state"));
    expect(await store.loadAccount()).toEqual({ version: 1 });
    const paused = {
      version: 1,
      postingPausedUntil: now.toISOString(),
      pauseReason: "429",
    } as const;
    await store.saveAccount(paused);
    expect(await store.loadAccount()).toEqual(paused);
    expect(await readdir(join(dir, "state"))).toEqual(["_account.json"]);
    await writeFile(join(dir, "state", "_account.json"), "nope", "utf8");
    await expect(store.loadAccount()).rejects.toThrow(/not valid JSON.*delete it/);
  });
});
