/**
 * The shape of a feed's state file and of `_account.json` as zod schemas, checked at compile time
 * against the types of feed-state.ts: the reader validates exactly what the writer writes, every
 * field at every depth. Keys it does not know are dropped, not refused, so a file written by a
 * newer minor version of crieur still reads (`version` guards incompatible formats). Pure: no I/O.
 */
import * as z from "zod";
import { EVENT_STATUSES, type Item } from "../sources/item.js";
import {
  type AccountState,
  type FeedState,
  type MonthCount,
  type Outcome,
  type PendingPost,
  type QueuedItem,
  STATE_VERSION,
  type TrackedEvent,
  type Validators,
} from "./feed-state.js";

// Each schema's error is what it expects; describeIssue adds the path and what it got.
const text = z.string("a string");
const count = z.int("a whole number").min(0, "a whole number, 0 or more");
// As toISOString writes them, years beyond 9999 included; seconds and milliseconds optional.
const ISO_DATE = /^(\d{4}|[+-]\d{6})-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;
const DATE = 'a date such as "2026-11-25T12:00:00.000Z"';
const date = z
  .string(DATE)
  .regex(ISO_DATE, DATE)
  .refine((value) => !Number.isNaN(Date.parse(value)), DATE);
const yes = z.literal(true, "true");
/** A field typed `T | undefined`: JSON has no undefined, so on disk it is absent. */
const absentOr = <T extends z.ZodType>(schema: T) => schema.optional().transform((value) => value);

/** Event times are ISO 8601 with an offset, "Z", or a date alone (all-day): kept as written. */
const itemEventSchema = z.object(
  {
    start: text,
    end: text.exactOptional(),
    allDay: z.boolean("true or false"),
    timeZone: text.exactOptional(),
    location: text.exactOptional(),
    status: z.enum(EVENT_STATUSES, `one of ${EVENT_STATUSES.join(", ")}`),
    originalStart: text.exactOptional(),
    uid: text.exactOptional(),
  },
  "an object (the event)",
);

const itemSchema = z.object(
  {
    key: text,
    keyWithoutGuid: text.exactOptional(),
    altKeys: z.array(text, "an array of strings").exactOptional(),
    title: text,
    link: absentOr(text),
    canonical: text.exactOptional(),
    published: absentOr(date),
    summary: text,
    author: absentOr(text),
    categories: z.array(text, "an array of strings"),
    image: absentOr(text),
    imageAlt: text.exactOptional(),
    event: itemEventSchema.exactOptional(),
    eventPost: z
      .object(
        {
          kind: z.enum(["reminder", "last-days", "change"], "reminder, last-days or change"),
          label: text,
          until: date,
        },
        "an object (the event post)",
      )
      .exactOptional(),
  },
  "an object (the item)",
);

const trackedEventSchema = z.object(
  {
    item: itemSchema,
    since: date,
    announced: z
      .object({
        start: text,
        status: z.enum(EVENT_STATUSES, `one of ${EVENT_STATUSES.join(", ")}`),
      })
      .exactOptional(),
    held: yes.exactOptional(),
  },
  "an object (an upcoming event)",
);

const outcomeSchema = z.discriminatedUnion(
  "status",
  [
    z.object({ status: z.literal("seen"), at: date, story: text.exactOptional() }),
    z.object({
      status: z.literal("posted"),
      at: date,
      network: text,
      postId: text.exactOptional(),
      url: text.exactOptional(),
      title: text.exactOptional(),
      canonical: text.exactOptional(),
      story: text.exactOptional(),
    }),
    z.object({ status: z.literal("failed"), at: date, reason: text, story: text.exactOptional() }),
    z.object({ status: z.literal("skipped"), at: date, reason: text, story: text.exactOptional() }),
  ],
  {
    error: (issue) =>
      typeof issue.input === "object" && issue.input !== null && !Array.isArray(issue.input)
        ? '"seen", "posted", "failed" or "skipped"'
        : "an object",
  },
);

const queuedFields = { item: itemSchema, queuedAt: date, attempts: count.exactOptional() };
const queuedItemSchema = z.object(queuedFields, "an object");
const pendingPostSchema = z.object({ ...queuedFields, text, network: text, at: date }, "an object");

const validatorsSchema = z.object(
  {
    etag: text.exactOptional(),
    lastModified: text.exactOptional(),
    url: text.exactOptional(),
    contentHash: text.exactOptional(),
  },
  "an object",
);

const monthCountSchema = z.object({ posts: count, postsWithUrl: count }, "an object");

const targetLaneSchema = z.object(
  {
    queue: z.array(queuedItemSchema, "an array"),
    pending: pendingPostSchema.exactOptional(),
    done: z.record(text, outcomeSchema, "an object"),
    months: z.record(text, monthCountSchema, "an object").exactOptional(),
  },
  "an object",
);

export const feedStateSchema = z.object({
  version: z.literal(STATE_VERSION, `${STATE_VERSION}`),
  feedId: text,
  validators: validatorsSchema,
  queue: z.array(queuedItemSchema, "an array"),
  pending: pendingPostSchema.exactOptional(),
  done: z.record(text, outcomeSchema, "an object"),
  months: z.record(text, monthCountSchema, "an object").exactOptional(),
  failingSince: date.exactOptional(),
  neverFetched: yes.exactOptional(),
  unreliableGuids: yes.exactOptional(),
  maxItemsSeen: count.exactOptional(),
  reposts: z.record(text, date, "an object").exactOptional(),
  brokenEvents: z.record(text, date, "an object").exactOptional(),
  events: z.record(text, trackedEventSchema, "an object").exactOptional(),
  targets: z.record(text, targetLaneSchema, "an object").exactOptional(),
});

export const accountStateSchema = z.object({
  version: z.literal(STATE_VERSION, `${STATE_VERSION}`),
  postingPausedUntil: date.exactOptional(),
  pauseReason: text.exactOptional(),
  targets: z
    .record(
      text,
      z.object(
        { postingPausedUntil: date.exactOptional(), pauseReason: text.exactOptional() },
        "an object",
      ),
      "an object",
    )
    .exactOptional(),
});

/**
 * Pure: the first problem zod found in `data`, as `path: expected …, got …`
 * (`done."tag:x,2026:1": expected an object, got null`).
 */
export function describeIssue(error: z.ZodError, data: unknown): string {
  const issue = error.issues[0];
  if (!issue) return "not as expected";
  const found = valueAt(data, issue.path);
  const problem = found.present
    ? `expected ${issue.message}, got ${shown(found.value)}`
    : `missing; expected ${issue.message}`;
  const path = formatPath(issue.path);
  return path === "" ? problem : `${path}: ${problem}`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const name = String(segment);
      out += `${out === "" ? "" : "."}${IDENTIFIER.test(name) ? name : JSON.stringify(name)}`;
    }
  }
  return out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]) {
  let value = data;
  for (const segment of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, segment)) {
      return { present: false } as const;
    }
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return { present: true, value } as const;
}

function shown(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}

// Compile-time check that schemas and types describe the same data: a field added to a type of
// feed-state.ts and not here (or the other way round) fails `tsc` on the line below.
type Plain<T> = T extends readonly (infer E)[]
  ? Plain<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Plain<T[K]> }
    : T;
type Same<A, B> =
  (<V>() => V extends Plain<A> ? 1 : 2) extends <V>() => V extends Plain<B> ? 1 : 2 ? true : false;
type Check<T extends true> = T;
export type SchemasMatchTypes = [
  Check<Same<z.output<typeof itemSchema>, Item>>,
  Check<Same<z.output<typeof outcomeSchema>, Outcome>>,
  Check<Same<z.output<typeof queuedItemSchema>, QueuedItem>>,
  Check<Same<z.output<typeof pendingPostSchema>, PendingPost>>,
  Check<Same<z.output<typeof validatorsSchema>, Validators>>,
  Check<Same<z.output<typeof monthCountSchema>, MonthCount>>,
  Check<Same<z.output<typeof trackedEventSchema>, TrackedEvent>>,
  Check<Same<z.output<typeof feedStateSchema>, FeedState>>,
  Check<Same<z.output<typeof accountStateSchema>, AccountState>>,
];
