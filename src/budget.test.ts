import { describe, expect, it } from "vitest";
import { makeItem } from "../test/support/items.js";
import { planPosts } from "./budget.js";
import type { QueuedItem } from "./state.js";

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
