import { describe, expect, it } from "vitest";
import { makeItem } from "../test/support/items.js";
import { commitMessage } from "./commit-message.js";
import { emptyState, type FeedState, finishPost, startPost } from "./state.js";

const now = new Date("2026-11-25T12:00:00Z");

function queued(feedId: string, ...keys: string[]): FeedState {
  return {
    ...emptyState(feedId),
    queue: keys.map((key) => ({ item: makeItem({ key }), queuedAt: now.toISOString() })),
  };
}

const postA = finishPost(startPost(queued("agenda", "a", "b"), "a", "t", "x", now), now, {
  id: "1",
  url: "https://x.com/i/web/status/1",
});

describe("commitMessage", () => {
  it.each([
    {
      name: "a post, with its title and link",
      changes: [{ feedId: "agenda", before: queued("agenda", "a", "b"), after: postA }],
      expected:
        'crieur: posted 1 item\n\nagenda: 1 posted\n  - "Title of a" https://x.com/i/web/status/1\n',
    },
    {
      name: "a first run: items recorded, nothing posted",
      changes: [
        {
          feedId: "blog",
          before: undefined,
          after: {
            ...emptyState("blog"),
            done: { x: { status: "seen", at: now.toISOString() } as const },
          },
        },
      ],
      expected: "crieur: update state of 'blog'\n\nblog: 1 recorded without posting\n",
    },
    {
      name: "new items queued by a run that could not post",
      changes: [
        { feedId: "agenda", before: queued("agenda", "a"), after: queued("agenda", "a", "b") },
      ],
      expected: "crieur: update state of 'agenda'\n\nagenda: 1 newly queued\n",
    },
    {
      name: "validators only",
      changes: [
        {
          feedId: "agenda",
          before: queued("agenda"),
          after: { ...queued("agenda"), validators: { etag: "e" } },
        },
      ],
      expected: "crieur: update state of 'agenda'\n\nagenda: state updated\n",
    },
  ])("describes $name", ({ changes, expected }) => {
    expect(commitMessage(changes)).toBe(expected);
  });

  it("names the heartbeat", () => {
    const message = commitMessage([], { heartbeat: true });
    expect(message.split("\n")[0]).toBe("crieur: heartbeat");
    expect(message).toContain("60 days");
  });
});
