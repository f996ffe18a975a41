import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import type { Item, ItemEvent } from "../sources/item.js";
import { emptyState, type FeedState } from "../state/feed-state.js";
import {
  DEFAULT_EVENT_PREFIXES,
  type EventPostSettings,
  parseReminder,
  planEventPosts,
  type ReminderRule,
  upcomingEventPosts,
} from "./event-posts.js";

const rules = (...texts: string[]) => texts.map((text) => parseReminder(text) as ReminderRule);
const settings = (over: Partial<EventPostSettings> = {}): EventPostSettings => ({
  reminders: rules("7d", "1d", "day-of 09:00"),
  announceChanges: true,
  timeZone: "Europe/Paris",
  prefixes: DEFAULT_EVENT_PREFIXES,
  ...over,
});
const concert = (event: Partial<ItemEvent> = {}): Item =>
  makeItem({
    key: "concert",
    title: "Concert",
    event: {
      start: "2026-10-28T20:00:00+01:00",
      allDay: false,
      status: "confirmed",
      timeZone: "Europe/Paris",
      ...event,
    },
  });
const at = (iso: string) => new Date(iso);
const keys = (items: readonly Item[]) => items.map((item) => item.key);

/** A feed that saw `item` at `since` (first sight: recorded, not announced). */
function seen(item: Item, since: string, over: Partial<FeedState> = {}): FeedState {
  return {
    ...emptyState("agenda"),
    done: { [item.key]: { status: "seen", at: since } },
    events: { [item.key]: { item, since } },
    ...over,
  };
}

describe("parseReminder", () => {
  it("reads durations and day-of times, and nothing else", () => {
    expect(parseReminder("36h")).toEqual({ label: "36h", beforeMs: 36 * 3_600_000 });
    expect(parseReminder("day-of 09:30")).toEqual({
      label: "day-of 09:30",
      dayOf: { hour: 9, minute: 30 },
    });
    expect(parseReminder("day-of 9:30")).toBeUndefined();
    expect(parseReminder("0d")).toBeUndefined();
  });
});

describe("planEventPosts", () => {
  it("queues a reminder once its moment came, with a derived key and a prefixed title", () => {
    const state = seen(concert(), "2026-10-01T00:00:00Z");
    // 20:00 in Paris a week before, in summer time: 18:00 UTC (the event is at 19:00 UTC).
    const early = planEventPosts(state, undefined, settings(), at("2026-10-21T17:59:00Z"));
    expect(early.queued).toEqual([]);
    const due = planEventPosts(state, undefined, settings(), at("2026-10-21T18:00:00Z"));
    expect(keys(due.queued)).toEqual(["concert#remind:7d@2026-10-28T20:00:00+01:00"]);
    expect(due.queued[0]?.title).toBe("In 7 days: Concert");
    expect(due.queued[0]?.eventPost?.kind).toBe("reminder");
    // Queued: the next run does not queue it again.
    const again = planEventPosts(due.state, undefined, settings(), at("2026-10-21T19:30:00Z"));
    expect(again.queued).toEqual([]);
  });

  it("counts 'day-of 09:00' in the feed's zone, after the DST change", () => {
    // 28 October 2026 is in winter time: 09:00 in Paris is 08:00 UTC.
    const state = seen(concert(), "2026-10-01T00:00:00Z");
    const before = planEventPosts(state, undefined, settings(), at("2026-10-28T07:59:00Z"));
    expect(keys(before.queued)).not.toContain(
      "concert#remind:day-of 09:00@2026-10-28T20:00:00+01:00",
    );
    const after = planEventPosts(state, undefined, settings(), at("2026-10-28T08:00:00Z"));
    expect(after.queued.map((item) => item.title)).toContain("Today: Concert");
  });

  it("drops a reminder found long after its moment, with the reason, never posting it", () => {
    const state = seen(concert(), "2026-10-01T00:00:00Z", {
      done: {
        concert: { status: "seen", at: "2026-10-01T00:00:00Z" },
        "concert#remind:1d@2026-10-28T20:00:00+01:00": { status: "posted", at: "x", network: "x" },
        "concert#remind:day-of 09:00@2026-10-28T20:00:00+01:00": {
          status: "posted",
          at: "x",
          network: "x",
        },
      },
    });
    const plan = planEventPosts(state, undefined, settings(), at("2026-10-23T12:00:00Z"));
    expect(plan.queued).toEqual([]);
    expect(plan.dropped.map((entry) => entry.reason)).toEqual([
      "not posted: the reminder was due at 2026-10-21T18:00:00.000Z and no run came in time",
    ]);
    expect(plan.state.done["concert#remind:7d@2026-10-28T20:00:00+01:00"]?.status).toBe("failed");
  });

  it("makes no reminder that was due before crieur knew the event", () => {
    const state = seen(concert(), "2026-10-25T00:00:00Z");
    const plan = planEventPosts(state, undefined, settings(), at("2026-10-25T00:30:00Z"));
    expect(plan.queued).toEqual([]);
    expect(plan.dropped).toEqual([]);
  });

  it("holds an announcement until announceWithin, then queues it", () => {
    const item = concert();
    const state = { ...emptyState("agenda"), queue: [{ item, queuedAt: "2026-10-01T00:00:00Z" }] };
    const within = settings({ announceWithinMs: 14 * 86_400_000, reminders: [] });
    const held = planEventPosts(state, [item], within, at("2026-10-01T00:00:00Z"));
    expect(keys(held.held)).toEqual(["concert"]);
    expect(held.state.queue).toEqual([]);
    expect(held.state.events?.concert?.held).toBe(true);
    const later = planEventPosts(held.state, undefined, within, at("2026-10-14T19:00:00Z"));
    expect(keys(later.queued)).toEqual(["concert"]);
    expect(later.state.events?.concert?.announced?.start).toBe("2026-10-28T20:00:00+01:00");
  });

  it("posts a change once for an announced event: new date, then cancellation", () => {
    const item = concert();
    const announced = seen(item, "2026-10-01T00:00:00Z", {
      done: { concert: { status: "posted", at: "2026-10-01T00:00:00Z", network: "x" } },
      events: {
        concert: {
          item,
          since: "2026-10-01T00:00:00Z",
          announced: { start: item.event?.start ?? "", status: "confirmed" },
        },
      },
    });
    const quiet = settings({ reminders: [] });
    const moved = concert({ start: "2026-10-29T20:00:00+01:00" });
    const plan = planEventPosts(announced, [moved], quiet, at("2026-10-05T00:00:00Z"));
    expect(plan.queued.map((post) => post.title)).toEqual(["New date: Concert"]);
    expect(plan.queued[0]?.event?.start).toBe("2026-10-29T20:00:00+01:00");
    const again = planEventPosts(plan.state, [moved], quiet, at("2026-10-05T00:30:00Z"));
    expect(again.queued).toEqual([]);
    const cancelled = concert({ start: "2026-10-29T20:00:00+01:00", status: "cancelled" });
    const third = planEventPosts(again.state, [cancelled], quiet, at("2026-10-06T00:00:00Z"));
    expect(third.queued.map((post) => post.title)).toEqual(["Cancelled: Concert"]);
  });

  it("never reminds of a cancelled or ended event, and forgets ended ones", () => {
    const state = seen(concert({ status: "cancelled" }), "2026-10-01T00:00:00Z");
    expect(planEventPosts(state, undefined, settings(), at("2026-10-27T19:00:00Z")).queued).toEqual(
      [],
    );
    const ended = planEventPosts(
      seen(concert(), "2026-10-01T00:00:00Z"),
      undefined,
      settings(),
      at("2026-10-29T00:00:00Z"),
    );
    expect(ended.queued).toEqual([]);
    expect(ended.state.events).toBeUndefined();
  });

  it("gives an exhibition its last days notice, in the morning of the first of them", () => {
    const show = makeItem({
      key: "show",
      title: "Exhibition",
      event: { start: "2026-09-01", end: "2026-11-15", allDay: true, status: "confirmed" },
    });
    const last = settings({ reminders: [], lastDays: 3 });
    const state = seen(show, "2026-10-01T00:00:00Z");
    expect(planEventPosts(state, undefined, last, at("2026-11-13T07:59:00Z")).queued).toEqual([]);
    const plan = planEventPosts(state, undefined, last, at("2026-11-13T08:00:00Z"));
    expect(plan.queued.map((post) => post.title)).toEqual(["Last 3 days: Exhibition"]);
  });
});

describe("upcomingEventPosts", () => {
  it("lists the reminders coming within the window, soonest first", () => {
    const state = seen(concert(), "2026-10-01T00:00:00Z");
    const upcoming = upcomingEventPosts(
      state,
      settings(),
      at("2026-10-20T00:00:00Z"),
      14 * 86_400_000,
    );
    expect(upcoming).toEqual(
      [
        { title: "In 7 days: Concert", due: "2026-10-21T18:00:00.000Z", kind: "reminder" },
        { title: "Today: Concert", due: "2026-10-28T08:00:00.000Z", kind: "reminder" },
        { title: "Tomorrow: Concert", due: "2026-10-27T19:00:00.000Z", kind: "reminder" },
      ].sort((a, b) => a.due.localeCompare(b.due)),
    );
  });
});
