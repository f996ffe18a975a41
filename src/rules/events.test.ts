import { describe, expect, it } from "vitest";
import type { Item, ItemEvent } from "../sources/item.js";
import { emptyState, type FeedState } from "../state/feed-state.js";
import { planPosts, tooOld } from "./budget.js";
import { dedupeItems } from "./dedupe.js";
import { brokenEvents, dropUnpostableEvents, eventSkipReason } from "./events.js";

const NOW = new Date("2026-03-10T12:00:00Z");

function item(key: string, fields: Partial<Item> = {}): Item {
  return {
    key,
    title: key,
    link: undefined,
    published: undefined,
    summary: "",
    author: undefined,
    categories: [],
    image: undefined,
    ...fields,
  };
}

function event(key: string, fields: Partial<ItemEvent>): Item {
  return item(key, {
    event: { start: "2026-03-20T19:00:00+01:00", allDay: false, status: "confirmed", ...fields },
  });
}

describe("eventSkipReason", () => {
  it.each([
    ["a confirmed event to come", {}, undefined],
    ["a cancelled event", { status: "cancelled" }, "not posted: the event is cancelled"],
    [
      "a postponed event",
      { status: "postponed" },
      "not posted: the event is postponed (no new date yet)",
    ],
    ["a rescheduled event", { status: "rescheduled" }, undefined],
    [
      "an event that ended",
      { start: "2026-03-09T19:00:00+01:00", end: "2026-03-09T21:00:00+01:00" },
      "not posted: the event is over (2026-03-09T21:00:00+01:00)",
    ],
    [
      "an event under way",
      { start: "2026-03-10T12:00:00+01:00", end: "2026-03-10T14:00:00+01:00" },
      undefined,
    ],
    [
      "an event that started, without an end",
      { start: "2026-03-10T11:00:00Z" },
      "not posted: the event is over (2026-03-10T11:00:00Z)",
    ],
    [
      "an exhibition still open",
      { start: "2026-02-01", end: "2026-03-10", allDay: true },
      undefined,
    ],
    [
      "an exhibition that closed yesterday",
      { start: "2026-02-01", end: "2026-03-09", allDay: true, timeZone: "Europe/Paris" },
      "not posted: the event is over (2026-03-09)",
    ],
  ] as const)("%s → %s", (_case, fields, reason) => {
    expect(eventSkipReason(event("e", fields), NOW)).toBe(reason);
  });

  it("drops a reminder once the event started, and lets a change notice speak of a cancellation", () => {
    const reminder = (until: string, fields: Partial<ItemEvent> = {}) =>
      ({
        ...event("e#remind:1d", {
          start: "2026-03-10T11:00:00Z",
          end: "2026-03-10T14:00:00Z",
          ...fields,
        }),
        eventPost: { kind: "reminder", label: "1d", until },
      }) as const;
    expect(eventSkipReason(reminder("2026-03-10T11:00:00.000Z"), NOW)).toBe(
      "not posted: the event started before the reminder's turn came",
    );
    expect(eventSkipReason(reminder("2026-03-10T13:00:00.000Z"), NOW)).toBeUndefined();
    const notice = {
      ...event("e#cancelled", { status: "cancelled" }),
      eventPost: { kind: "change", label: "cancelled", until: "2026-03-20T18:00:00.000Z" },
    } as const;
    expect(eventSkipReason(notice, NOW)).toBeUndefined();
  });

  it("never skips an item that is not an event", () => {
    expect(eventSkipReason(item("news"), NOW)).toBeUndefined();
  });
});

describe("dropUnpostableEvents", () => {
  it("takes cancelled and ended events out of the queue, recorded with their reason", () => {
    const state: FeedState = {
      ...emptyState("agenda"),
      queue: [
        { item: event("soon", {}), queuedAt: "2026-03-01T00:00:00Z" },
        { item: event("off", { status: "cancelled" }), queuedAt: "2026-03-01T00:00:00Z" },
        { item: item("news"), queuedAt: "2026-03-01T00:00:00Z" },
        {
          item: event("past", { start: "2026-03-01T10:00:00Z" }),
          queuedAt: "2026-03-01T00:00:00Z",
        },
      ],
    };
    const { state: next, dropped } = dropUnpostableEvents(state, NOW);
    expect(next.queue.map((queued) => queued.item.key)).toEqual(["soon", "news"]);
    expect(dropped.map((entry) => entry.item.key)).toEqual(["off", "past"]);
    expect(next.done.off).toEqual({
      status: "failed",
      at: NOW.toISOString(),
      reason: "not posted: the event is cancelled",
    });
  });

  it("judges a queued copy by its event as last fetched: a reminder of a cancelled event goes", () => {
    const concert = event("concert", {});
    const reminder: Item = {
      ...concert,
      key: "concert#remind:7d@2026-03-20T19:00:00+01:00",
      title: "In 7 days: concert",
      eventPost: { kind: "reminder", label: "7d", until: "2026-03-20T18:00:00.000Z" },
    };
    const cancelled = event("concert", { status: "cancelled" });
    const state: FeedState = {
      ...emptyState("agenda"),
      queue: [
        { item: concert, queuedAt: "2026-03-01T00:00:00Z" },
        { item: reminder, queuedAt: "2026-03-01T00:00:00Z" },
      ],
      events: { concert: { item: cancelled, since: "2026-03-01T00:00:00Z" } },
    };
    const { state: next, dropped } = dropUnpostableEvents(state, NOW);
    expect(next.queue).toEqual([]);
    expect(dropped.map((entry) => entry.reason)).toEqual([
      "not posted: the event is cancelled",
      "not posted: the event is cancelled",
    ]);
  });

  it("leaves a state without such events as it is", () => {
    const state = { ...emptyState("agenda"), queue: [{ item: event("soon", {}), queuedAt: "x" }] };
    expect(dropUnpostableEvents(state, NOW).state).toBe(state);
  });
});

describe("future-dated items of RSS, Atom and JSON Feed agendas", () => {
  const dated = (key: string, published: string) => item(key, { published });
  const known = {
    ...emptyState("agenda"),
    done: { old: { status: "seen" as const, at: "2026-01-01T00:00:00Z" } },
  };

  it("are queued like any item, in date order, and never too old nor held back", () => {
    const fetched = [
      dated("far", "2027-06-01T00:00:00Z"),
      dated("tomorrow", "2026-03-11T00:00:00Z"),
      dated("today", "2026-03-10T08:00:00Z"),
      dated("old", "2026-01-01T00:00:00Z"),
    ];
    const first = dedupeItems(
      known,
      { feedId: "agenda", firstRunPosts: 0 },
      { items: fetched },
      {},
      NOW,
    );
    expect(first.queued.map((queued) => queued.key)).toEqual(["today", "tomorrow", "far"]);
    expect(tooOld(first.state.queue, 86_400_000, NOW)).toEqual([]);
    const plan = planPosts([{ feedId: "agenda", maxPostsPerRun: 3, queue: first.state.queue }], 3);
    expect(plan.map((post) => post.key)).toEqual(["today", "tomorrow", "far"]);
  });

  it("never let a far-future item hide the items that come after it", () => {
    const fetched = [dated("far", "2027-06-01T00:00:00Z"), dated("old", "2026-01-01T00:00:00Z")];
    const first = dedupeItems(
      known,
      { feedId: "agenda", firstRunPosts: 0 },
      { items: fetched },
      {},
      NOW,
    );
    const later = [dated("next", "2026-03-11T00:00:00Z"), ...fetched];
    const second = dedupeItems(
      first.state,
      { feedId: "agenda", firstRunPosts: 0 },
      { items: later },
      {},
      NOW,
    );
    expect(second.queued.map((queued) => queued.key)).toEqual(["next"]);
    const plan = planPosts([{ feedId: "agenda", maxPostsPerRun: 5, queue: second.state.queue }], 5);
    expect(plan.map((post) => post.key)).toEqual(["far", "next"]);
  });
});

describe("brokenEvents", () => {
  const broken = (title: string, skipped: string) => ({ title, skipped });
  const later = new Date("2026-03-10T12:30:00Z");

  it("tells a problem once, again when it changes, and forgets one fixed", () => {
    const first = brokenEvents(emptyState("agenda"), [broken("Cassé", "line 9: bad DTSTART")], NOW);
    expect(first.broken).toEqual([{ event: broken("Cassé", "line 9: bad DTSTART") }]);
    expect(first.state.brokenEvents).toEqual({
      'event "Cassé" skipped (bad DTSTART).': NOW.toISOString(),
    });

    // The same problem, moved down by an event added above it: told already.
    const moved = [broken("Cassé", "line 30: bad DTSTART")];
    const again = brokenEvents(first.state, moved, later);
    expect(again.state).toBe(first.state);
    expect(again.broken).toEqual([{ event: moved[0], toldAt: NOW.toISOString() }]);

    const changed = brokenEvents(first.state, [broken("Cassé", "line 30: bad DTEND")], later);
    expect(changed.broken).toEqual([{ event: broken("Cassé", "line 30: bad DTEND") }]);
    expect(Object.keys(changed.state.brokenEvents ?? {})).toEqual([
      'event "Cassé" skipped (bad DTEND).',
    ]);

    const fixed = brokenEvents(first.state, [], later);
    expect(fixed.broken).toEqual([]);
    expect(fixed.state).not.toHaveProperty("brokenEvents");
    expect(brokenEvents(fixed.state, [], later).state).toBe(fixed.state);
  });
});
