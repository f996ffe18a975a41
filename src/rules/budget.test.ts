import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import type { QueuedItem } from "../state/feed-state.js";
import { DAY_MS, dayWindowOpensAt, type FeedQueue, planPosts, tooOld } from "./budget.js";

function queue(prefix: string, count: number, queuedAt: string): QueuedItem[] {
  return Array.from({ length: count }, (_, index) => ({
    item: makeItem({ key: `${prefix}${index}` }),
    queuedAt,
  }));
}

describe("planPosts", () => {
  it.each([
    { runCap: 3, busyCap: 3, quietCap: 3, expected: ["q0", "b0", "q1"] },
    { runCap: 10, busyCap: 3, quietCap: 3, expected: ["q0", "b0", "q1", "b1", "b2"] },
    { runCap: 10, busyCap: 1, quietCap: 3, expected: ["q0", "b0", "q1"] },
    { runCap: 10, busyCap: 0, quietCap: 3, expected: ["q0", "q1"] },
    { runCap: 0, busyCap: 3, quietCap: 3, expected: [] },
  ])(
    "caps run=$runCap busy=$busyCap quiet=$quietCap → $expected",
    ({ runCap, busyCap, quietCap, expected }) => {
      const plan = planPosts(
        [
          {
            feedId: "busy",
            maxPostsPerRun: busyCap,
            queue: queue("b", 50, "2026-11-25T10:00:00Z"),
          },
          {
            feedId: "quiet",
            maxPostsPerRun: quietCap,
            queue: queue("q", 2, "2026-11-24T10:00:00Z"),
          },
          { feedId: "empty", maxPostsPerRun: 3, queue: [] },
        ],
        runCap,
      );
      expect(plan.map((post) => post.key)).toEqual(expected);
    },
  );

  it("takes each feed's queue in order", () => {
    const plan = planPosts(
      [{ feedId: "a", maxPostsPerRun: 3, queue: queue("a", 5, "2026-11-25T10:00:00Z") }],
      3,
    );
    expect(plan).toEqual([
      { feedId: "a", key: "a0" },
      { feedId: "a", key: "a1" },
      { feedId: "a", key: "a2" },
    ]);
  });
});

describe("planPosts: daily budgets and turns", () => {
  const feeds = (busyLast?: string, quietLast?: string) => [
    {
      feedId: "busy",
      maxPostsPerRun: 3,
      queue: queue("b", 50, "2026-11-20T10:00:00Z"),
      ...(busyLast ? { lastPostAt: busyLast } : {}),
    },
    {
      feedId: "quiet",
      maxPostsPerRun: 3,
      queue: queue("q", 2, "2026-11-24T10:00:00Z"),
      ...(quietLast ? { lastPostAt: quietLast } : {}),
    },
  ];
  it.each([
    { label: "never posted: oldest head first", busy: undefined, quiet: undefined, first: "b0" },
    {
      label: "the one that posted least recently first",
      busy: "2026-11-25T09:00:00Z",
      quiet: "2026-11-25T08:00:00Z",
      first: "q0",
    },
    {
      label: "a feed that never posted before one that did",
      busy: "2026-11-25T09:00:00Z",
      quiet: undefined,
      first: "q0",
    },
  ])("$label", ({ busy, quiet, first }) => {
    expect(planPosts(feeds(busy, quiet), 1)[0]?.key).toBe(first);
  });

  it.each([
    { feedLeft: 0, runLeft: 10, expected: ["q0", "q1"] },
    { feedLeft: 1, runLeft: 10, expected: ["b0", "q0", "q1"] },
    { feedLeft: 5, runLeft: 2, expected: ["b0", "q0"] },
    { feedLeft: 5, runLeft: 0, expected: [] },
  ])(
    "busy may post $feedLeft more today, all feeds $runLeft → $expected",
    ({ feedLeft, runLeft, expected }) => {
      const [busy, quiet] = feeds();
      const plan = planPosts(
        [{ ...(busy as FeedQueue), remainingToday: feedLeft }, quiet as FeedQueue],
        10,
        runLeft,
      );
      expect(plan.map((post) => post.key)).toEqual(expected);
    },
  );
});

describe("tooOld and dayWindowOpensAt", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  it.each([
    {
      published: "2026-11-20T12:00:00Z",
      queuedAt: "2026-11-25T11:00:00Z",
      maxAgeMs: 2 * DAY_MS,
      old: true,
    },
    {
      published: "2026-11-24T12:00:00Z",
      queuedAt: "2026-11-25T11:00:00Z",
      maxAgeMs: 2 * DAY_MS,
      old: false,
    },
    // Without a date, the age counts from when crieur queued it.
    { published: undefined, queuedAt: "2026-11-20T12:00:00Z", maxAgeMs: 2 * DAY_MS, old: true },
    { published: "not a date", queuedAt: "2026-11-25T11:00:00Z", maxAgeMs: 2 * DAY_MS, old: false },
    {
      published: "2026-01-01T00:00:00Z",
      queuedAt: "2026-11-25T11:00:00Z",
      maxAgeMs: undefined,
      old: false,
    },
  ])(
    "published $published, queued $queuedAt, maxAge $maxAgeMs → old: $old",
    ({ published, queuedAt, maxAgeMs, old }) => {
      const queued = { item: makeItem({ key: "k", published }), queuedAt };
      expect(tooOld([queued], maxAgeMs, now)).toHaveLength(old ? 1 : 0);
    },
  );

  it("the window opens 24 hours after its oldest post", () => {
    expect(dayWindowOpensAt(["2026-11-25T10:00:00.000Z", "2026-11-24T20:00:00.000Z"])).toEqual(
      new Date("2026-11-25T20:00:00.000Z"),
    );
    expect(dayWindowOpensAt([])).toBeUndefined();
  });
});
