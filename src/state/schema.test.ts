import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import { emptyState, type FeedState, STATE_VERSION } from "./feed-state.js";
import { accountStateSchema, describeIssue, feedStateSchema } from "./schema.js";
import { serializeState } from "./store.js";

const at = "2026-11-25T12:00:00.000Z";

/** A state with every field the writer can write, at every depth. */
const full: FeedState = {
  version: STATE_VERSION,
  feedId: "agenda",
  validators: {
    etag: '"v1"',
    lastModified: "Tue, 24 Nov 2026 10:00:00 GMT",
    url: "https://m.example/",
  },
  queue: [
    {
      item: makeItem({
        key: "tag:x,2026:2",
        keyWithoutGuid: "https://m.example/2",
        altKeys: ["h:abc"],
        published: at,
        author: "Ann",
        categories: ["art"],
        image: "https://m.example/2.jpg",
        canonical: "https://m.example/article-2",
      }),
      queuedAt: at,
      attempts: 2,
    },
    { item: makeItem({ key: "bare", link: undefined }), queuedAt: at },
  ],
  pending: { item: makeItem({ key: "p" }), queuedAt: at, text: "P", network: "x", at, attempts: 1 },
  done: {
    a: { status: "seen", at },
    b: { status: "posted", at, network: "x", postId: "1", url: "https://x.com/i/web/status/1" },
    c: { status: "posted", at: "+020000-01-01T00:00:00.000Z", network: "x" },
    d: { status: "failed", at: "2026-11-25T12:00Z", reason: "too long" },
    e: { status: "skipped", at, reason: 'excluded: matched "annulé" in title', story: "abc" },
    f: {
      status: "posted",
      at,
      network: "x",
      title: "Posted",
      canonical: "//m.example/f",
      story: "def",
    },
  },
  months: { "2026-11": { posts: 3, postsWithUrl: 0 } },
  failingSince: at,
  neverFetched: true,
  unreliableGuids: true,
  maxItemsSeen: 40,
  reposts: { b: at },
  brokenEvents: { 'event "Cassé" skipped (its DTSTART is not a date).': at },
};

/** `full` as a file, with one value replaced (undefined: the key removed). */
function damaged(path: readonly (string | number)[], value: unknown): unknown {
  const data = JSON.parse(serializeState(full));
  let parent = data;
  for (const segment of path.slice(0, -1)) parent = parent[segment];
  const last = path.at(-1) as string | number;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return data;
}

function problemOf(data: unknown): string | undefined {
  const result = feedStateSchema.safeParse(data);
  return result.success ? undefined : describeIssue(result.error, data);
}

describe("feedStateSchema", () => {
  it("reads back every field the writer writes, and nothing else", () => {
    const data = JSON.parse(serializeState(full));
    expect(feedStateSchema.parse(data)).toEqual(full);
    expect(feedStateSchema.parse(JSON.parse(serializeState(emptyState("a"))))).toEqual(
      emptyState("a"),
    );
  });

  it("drops keys it does not know, so a newer minor version's file still reads", () => {
    const data = damaged(["done", "b", "reactions"], 4) as Record<string, unknown>;
    data.newField = { any: "thing" };
    const state = feedStateSchema.parse(data);
    expect(state).toEqual(full);
    expect(state).not.toHaveProperty("newField");
  });

  it.each([
    [["done", "tag:x,2026:1"], null, 'done."tag:x,2026:1": expected an object, got null'],
    [
      ["done", "a", "status"],
      "sent",
      'done.a.status: expected "seen", "posted", "failed" or "skipped", got "sent"',
    ],
    [
      ["done", "a", "status"],
      undefined,
      'done.a.status: missing; expected "seen", "posted", "failed" or "skipped"',
    ],
    [["done", "b", "network"], undefined, "done.b.network: missing; expected a string"],
    [
      ["done", "a", "at"],
      "yesterday",
      'done.a.at: expected a date such as "2026-11-25T12:00:00.000Z", got "yesterday"',
    ],
    [
      ["done", "a", "at"],
      "2026-13-45T99:99:99Z",
      'done.a.at: expected a date such as "2026-11-25T12:00:00.000Z", got "2026-13-45T99:99:99Z"',
    ],
    [["done"], [], "done: expected an object, got an array"],
    [["queue", 0, "item"], undefined, "queue[0].item: missing; expected an object (the item)"],
    [["queue", 1, "item", "title"], 5, "queue[1].item.title: expected a string, got 5"],
    [
      ["queue", 0, "item", "categories"],
      "art",
      'queue[0].item.categories: expected an array of strings, got "art"',
    ],
    [["queue", 0, "item", "link"], false, "queue[0].item.link: expected a string, got false"],
    [["queue", 0, "attempts"], 1.5, "queue[0].attempts: expected a whole number, got 1.5"],
    [
      ["queue", 0, "queuedAt"],
      undefined,
      'queue[0].queuedAt: missing; expected a date such as "2026-11-25T12:00:00.000Z"',
    ],
    [["queue"], {}, "queue: expected an array, got an object"],
    [["queue"], undefined, "queue: missing; expected an array"],
    [["pending", "text"], undefined, "pending.text: missing; expected a string"],
    [["pending"], "a post", 'pending: expected an object, got "a post"'],
    [
      ["months", "2026-11", "posts"],
      "3",
      'months."2026-11".posts: expected a whole number, got "3"',
    ],
    [
      ["months", "2026-11", "postsWithUrl"],
      -1,
      'months."2026-11".postsWithUrl: expected a whole number, 0 or more, got -1',
    ],
    [["validators"], '"v1"', 'validators: expected an object, got "\\"v1\\""'],
    [["validators", "etag"], 1, "validators.etag: expected a string, got 1"],
    [["maxItemsSeen"], "40", 'maxItemsSeen: expected a whole number, got "40"'],
    [["neverFetched"], false, "neverFetched: expected true, got false"],
    [["feedId"], 7, "feedId: expected a string, got 7"],
  ])("names the first bad entry: %j = %j", (path, value, message) => {
    expect(problemOf(damaged(path, value))).toBe(message);
  });
});

describe("accountStateSchema", () => {
  it.each([
    [{ version: 1 }, undefined],
    [{ version: 1, postingPausedUntil: at, pauseReason: "429", later: 1 }, undefined],
    [
      { version: 1, postingPausedUntil: 5 },
      'postingPausedUntil: expected a date such as "2026-11-25T12:00:00.000Z", got 5',
    ],
    [{ version: 1, pauseReason: null }, "pauseReason: expected a string, got null"],
  ])("%j", (data, message) => {
    const result = accountStateSchema.safeParse(data);
    expect(result.success ? undefined : describeIssue(result.error, data)).toBe(message);
  });
});
