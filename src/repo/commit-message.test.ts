import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import { emptyState, type FeedState, finishPost, startPost } from "../state/feed-state.js";
import { syncTargets, targetView, withTargetView } from "../state/targets.js";
import { type AccountChange, commitMessage, type FeedStateChange } from "./commit-message.js";

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
      name: "items skipped by the curation rules, and a repost",
      changes: [
        {
          feedId: "veille",
          before: { ...postA, queue: [] },
          after: {
            ...postA,
            queue: [],
            done: {
              ...postA.done,
              a: {
                ...(postA.done.a as { status: "posted"; at: string; network: string }),
                at: "2026-11-26T08:00:00.000Z",
              },
              s: {
                status: "skipped" as const,
                at: now.toISOString(),
                reason: "not included: none of x",
              },
            },
          },
        },
      ],
      expected:
        'crieur: posted 1 item\n\nveille: 1 posted, 1 skipped\n  - "Title of a" https://x.com/i/web/status/1\n',
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

  const paused = {
    version: 1,
    postingPausedUntil: "2026-11-25T13:00:00.000Z",
    pauseReason: "X's rate limit was reached",
  } as const;

  it.each<{
    name: string;
    changes: FeedStateChange[];
    account: AccountChange;
    expected: string;
  }>([
    {
      name: "a pause recorded",
      changes: [],
      account: { before: { version: 1 } as const, after: paused },
      expected:
        "crieur: posting paused until 2026-11-25T13:00:00.000Z (X rate limit)\n\n" +
        "X asked crieur to wait: X's rate limit was reached\n",
    },
    {
      name: "a first pause (no account file before)",
      changes: [],
      account: {
        before: undefined,
        after: { version: 1, postingPausedUntil: paused.postingPausedUntil },
      },
      expected: "crieur: posting paused until 2026-11-25T13:00:00.000Z (X rate limit)\n",
    },
    {
      name: "a pause over",
      changes: [],
      account: { before: paused, after: { version: 1 } as const },
      expected: "crieur: posting pause over\n",
    },
    {
      name: "posts, then a pause",
      changes: [{ feedId: "agenda", before: queued("agenda", "a", "b"), after: postA }],
      account: { before: undefined, after: paused },
      expected:
        "crieur: posted 1 item, posting paused until 2026-11-25T13:00:00.000Z (X rate limit)\n\n" +
        'agenda: 1 posted\n  - "Title of a" https://x.com/i/web/status/1\n' +
        "X asked crieur to wait: X's rate limit was reached\n",
    },
    {
      name: "an account file rewritten with the same pause",
      changes: [],
      account: { before: paused, after: paused },
      expected: "crieur: update state\n",
    },
  ])("describes $name", ({ changes, account, expected }) => {
    expect(commitMessage(changes, { account })).toBe(expected);
  });

  it("names the heartbeat", () => {
    const message = commitMessage([], { heartbeat: true });
    expect(message.split("\n")[0]).toBe("crieur: heartbeat");
    expect(message).toContain("60 days");
  });
});

describe("commitMessage with targets", () => {
  it("says what went to each target", () => {
    const now = new Date("2026-11-20T12:00:00.000Z");
    const before = syncTargets(
      {
        ...emptyState("agenda"),
        queue: [{ item: makeItem({ key: "a", title: "Title of a" }), queuedAt: now.toISOString() }],
      },
      ["x", "toot"],
      now,
    );
    const onX = finishPost(startPost(before, "a", "t", "x", now), now, {
      id: "1",
      url: "https://x.com/i/web/status/1",
    });
    const toot = targetView(onX, "toot");
    const after = withTargetView(
      onX,
      "toot",
      finishPost(startPost(toot, "a", "t", "mastodon", now), now, {
        id: "9",
        url: "https://mastodon.example/@m/9",
      }),
    );
    expect(commitMessage([{ feedId: "agenda", before, after }])).toBe(
      "crieur: posted 2 posts\n\nagenda: 2 posted\n" +
        '  - "Title of a" https://x.com/i/web/status/1 (x)\n' +
        '  - "Title of a" https://mastodon.example/@m/9 (toot)\n',
    );
  });
});
