/**
 * The shape of feeds.yml as a zod schema: the single source of truth for the TypeScript types and
 * for schema/feeds.schema.json. Every message is written here for the museum's web person, not
 * zod's defaults. Pure: no I/O.
 */
import * as z from "zod";
import { DEFAULT_PRICES } from "../rules/cost.js";
import { isSupportedLocale } from "../rules/date-pattern.js";
import { CLOCK_TIME, isValidTimeZone } from "../rules/posting-hours.js";
import { fieldsOf, readTemplate, TEMPLATE_FIELDS } from "../rules/template.js";
import { curationKeys, overrideKeys } from "./curation-schema.js";
import { closest } from "./did-you-mean.js";
import { DURATION, expecting, ID_PATTERN, shown, wholeNumber } from "./schema-parts.js";
import { targetsSchema } from "./targets-schema.js";

export { shown, TEMPLATE_FIELDS };

// Letters (any script), marks, digits and '_' are what X links as a hashtag; all digits is not one.
const HASHTAG_PATTERN = /^(?=[\p{N}_]*[\p{L}\p{M}])[\p{L}\p{M}\p{N}_]+$/u;

// Templates, locale and hashtags: what the post says (rules/template.ts reads templates).
const TEMPLATE_EXPECTED = `a text with placeholders such as "{title} {link}"`;
const template = z
  .string({
    error: (issue) =>
      // Unquoted, `template: {title}` is YAML for a mapping: the classic mistake.
      issue.input !== null && typeof issue.input === "object" && !Array.isArray(issue.input)
        ? `expected ${TEMPLATE_EXPECTED}; a template that starts with "{" must be in quotes`
        : expecting(TEMPLATE_EXPECTED).error(issue),
  })
  .superRefine((text, ctx) => {
    const { template: read, problems } = readTemplate(text, closest);
    if (problems.length === 0 && fieldsOf(read).length === 0) {
      problems.push(
        `expected at least one placeholder such as {title} or {link}, got ${shown(text)}`,
      );
    }
    for (const message of problems) ctx.addIssue({ code: "custom", input: text, message });
  })
  // Lets editors flag a template without any known placeholder.
  .meta({ pattern: `\\{\\s*(${TEMPLATE_FIELDS.join("|")})\\s*[}|:]` });

const LOCALE_EXPECTED = `a language tag such as "fr", "en" or "fr-CA"`;
const locale = z.string(expecting(LOCALE_EXPECTED)).superRefine((tag, ctx) => {
  if (isSupportedLocale(tag)) return;
  const dashed = tag.replaceAll("_", "-");
  ctx.addIssue({
    code: "custom",
    input: tag,
    message:
      dashed !== tag && isSupportedLocale(dashed)
        ? `expected ${LOCALE_EXPECTED}, got ${shown(tag)}; write ${shown(dashed)}`
        : `expected ${LOCALE_EXPECTED} that Node knows, got ${shown(tag)}`,
  });
});
const LOCALE_HELP =
  'Language of dates and of {status} in posts (BCP 47), e.g. "fr". Default: "en".';
const hashtag = z
  .string(expecting("a word"))
  .regex(HASHTAG_PATTERN, {
    error: (issue) =>
      typeof issue.input === "string" && issue.input.startsWith("#")
        ? `write hashtags without "#": got ${shown(issue.input)}, write ${shown(issue.input.slice(1))}`
        : `expected one word of letters, digits or '_' (without "#"), got ${shown(issue.input)}`,
  })
  // Editors' validators may lack Unicode classes (\p{L}); they get a simpler, portable pattern.
  .meta({ pattern: "^[^#\\s]+$", description: "One word, without '#'." });
const hashtags = z.array(hashtag, expecting(`a list of words, such as [museum, art]`));
const hashtagMap = z
  .record(
    z.string().trim().min(1, expecting("a category")),
    z.union([hashtag, z.null()], {
      error: (issue) =>
        typeof issue.input === "string"
          ? `expected one word of letters, digits or '_' (without "#"), got ${shown(issue.input)}`
          : `expected a hashtag word, or null to leave the category out, got ${shown(issue.input)}`,
    }),
    expecting(`'category: word' lines, such as "Design UX": UX`),
  )
  .describe(
    'Categories rewritten as hashtags: "Design UX": UX, or null to leave a category out. A feed\'s entries are added to defaults.hashtagMap.',
  );
const categoriesAsHashtags = z.boolean(expecting("true or false"));
const CATEGORIES_HELP =
  "Adds the item's categories as hashtags (after the feed's own), as mapped by hashtagMap. Default: false.";

const TEMPLATE_HELP =
  `Placeholders: ${TEMPLATE_FIELDS.map((field) => `{${field}}`).join(", ")}; ` +
  "{summary|title} takes the first that is not empty, {summary:140} caps the length, " +
  "{start:EEEE d MMMM, HH:mm} formats a date (Luxon tokens).";

const maxAge = z
  .string(expecting(`a duration such as "36h" or "7d"`))
  .regex(DURATION, expecting(`a duration such as "36h" or "7d" (hours or days)`))
  .describe(
    'Items older than this when their turn comes are dropped instead of posted late, e.g. "7d" or "36h".',
  );
const maxPostsPerDay = wholeNumber(0, 1000);
export const HORIZON = /^([1-9]\d{0,2})d$/;
export const MAX_HORIZON_DAYS = 366;
const HORIZON_EXPECTED = `a number of days such as "90d", at most ${MAX_HORIZON_DAYS}d`;
const horizon = z
  .string(expecting(HORIZON_EXPECTED))
  .regex(HORIZON, expecting(HORIZON_EXPECTED))
  .refine((text) => Number(text.slice(0, -1)) <= MAX_HORIZON_DAYS, expecting(HORIZON_EXPECTED))
  .describe(
    'Calendars and agenda pages: how far ahead events are considered, e.g. "90d". Default: 90 days.',
  );
const timeZone = z
  .string(expecting(`a time zone such as "Europe/Paris"`))
  .refine(isValidTimeZone, expecting(`a time zone name such as "Europe/Paris"`));
const eventTimeZone = timeZone.describe(
  'Calendars and agenda pages: time zone of event times written without one, e.g. "Europe/Paris".',
);
// Event posts (calendars and agenda pages): reminders, last days, changes. See rules/event-posts.ts.
export const REMINDER = /^(?:[1-9]\d{0,3}[hd]|day-of (?:[01]\d|2[0-3]):[0-5]\d)$/;
const REMINDER_EXPECTED = `a reminder such as "7d", "36h" or "day-of 09:00"`;
const LAST_DAYS_EXPECTED = `a number of days such as "3d"`;
const prefix = (what: string) =>
  z
    .string(expecting("a short text"))
    .trim()
    .min(1, expecting("a short text"))
    .describe(what)
    .optional();
const eventPostKeys = {
  announceWithin: maxAge
    .describe(
      'Calendars and agenda pages: an event is announced only once it starts within this, e.g. "30d". Default: as soon as it appears.',
    )
    .optional(),
  remind: z
    .array(
      z.string(expecting(REMINDER_EXPECTED)).regex(REMINDER, expecting(REMINDER_EXPECTED)),
      expecting(`a list of reminders such as [7d, 1d, "day-of 09:00"]`),
    )
    .describe(
      'Calendars and agenda pages: reminders posted once per event, e.g. [7d, 1d, "day-of 09:00"] (before the start, or on its day at that time in the feed\'s timeZone).',
    )
    .optional(),
  lastDays: z
    .string(expecting(LAST_DAYS_EXPECTED))
    .regex(/^[1-9]\d{0,2}d$/, expecting(LAST_DAYS_EXPECTED))
    .describe(
      'Calendars and agenda pages: for events lasting longer (exhibitions), a notice when this many days are left, e.g. "3d".',
    )
    .optional(),
  announceChanges: z
    .boolean(expecting("true or false"))
    .describe(
      "Calendars and agenda pages: post once when an announced event gets a new date, is cancelled or postponed. Default: false.",
    )
    .optional(),
  eventPrefixes: z
    .strictObject(
      {
        inDays: prefix('Before a reminder\'s title, {n} days ahead. Default: "In {n} days:".'),
        inHours: prefix('Before a reminder\'s title, {n} hours ahead. Default: "In {n} hours:".'),
        tomorrow: prefix('Before a "1d" reminder\'s title. Default: "Tomorrow:".'),
        today: prefix('Before a "day-of" reminder\'s title. Default: "Today:".'),
        lastDays: prefix('Before a lastDays notice\'s title. Default: "Last {n} days:".'),
        newDate: prefix('Before the title of an event with a new date. Default: "New date:".'),
        cancelled: prefix('Before the title of a cancelled event. Default: "Cancelled:".'),
        postponed: prefix('Before the title of a postponed event. Default: "Postponed:".'),
      },
      expecting("'key: text' lines such as 'tomorrow: \"Demain :\"'"),
    )
    .describe("Words put before the title of reminders and change notices.")
    .optional(),
};
const clockTime = z
  .string(expecting(`a time such as "08:00"`))
  .regex(CLOCK_TIME, expecting(`a 24-hour time such as "08:00" or "21:30"`));
const postingHoursSchema = z
  .strictObject(
    {
      from: clockTime.describe('First minute posts may go out, e.g. "08:00".'),
      to: clockTime.describe('Posts stop at this time, e.g. "21:00".'),
      timeZone: timeZone.describe('Time zone of from and to, e.g. "Europe/Paris".'),
    },
    expecting("'from:', 'to:' and 'timeZone:' lines"),
  )
  .describe("Posts go out only between these times; outside them, items wait.");
const dollars = z
  .number(expecting("an amount in US dollars, such as 0.015"))
  .min(0, expecting("an amount of 0 or more"));

const defaultsSchema = z
  .strictObject(
    {
      template: template
        .describe(
          `Text of each post. ${TEMPLATE_HELP} Default: "{title} {link}", and "{title} — {start} {link}" for events.`,
        )
        .optional(),
      locale: locale.describe(LOCALE_HELP).default("en"),
      hashtagMap: hashtagMap.default({}),
      categoriesAsHashtags: categoriesAsHashtags.describe(CATEGORIES_HELP).default(false),
      maxPostsPerRun: wholeNumber(0, 50)
        .describe("Most posts per feed in one run; the rest wait for the next run.")
        .default(3),
      firstRunPosts: wholeNumber(0, 20)
        .describe(
          "When a feed is seen for the first time, how many of its newest items to post (0: only remember them).",
        )
        .default(0),
      hashtags: hashtags
        .describe(
          "Hashtags of every post, without '#': where {hashtags} stands, else at the end. Dropped first when a post is too long.",
        )
        .default([]),
      maxPostsPerDay: maxPostsPerDay
        .describe("Most posts per feed in any 24 hours; the rest wait. Default: no limit.")
        .optional(),
      maxAge: maxAge.optional(),
      horizon: horizon.default("90d"),
      timeZone: eventTimeZone.optional(),
      ...curationKeys("defaults"),
    },
    expecting("settings written as 'key: value' lines under 'defaults:'"),
  )
  .describe("Settings for every feed that does not set its own.")
  .prefault({});

const limitsSchema = z
  .strictObject(
    {
      maxPostsPerRun: wholeNumber(0, 50)
        .describe("Most posts in one run, all feeds together.")
        .default(3),
      maxPostsPerDay: maxPostsPerDay
        .describe("Most posts in any 24 hours, all feeds together. Default: no limit.")
        .optional(),
      postingHours: postingHoursSchema.optional(),
    },
    expecting("settings written as 'key: value' lines under 'limits:'"),
  )
  .describe("Limits for the whole run, all feeds together.")
  .prefault({});

const fetchSchema = z
  .strictObject(
    {
      timeoutSeconds: wholeNumber(1, 120)
        .describe("Seconds to wait for a feed before giving up until the next run.")
        .default(20),
      maxBytes: wholeNumber(10_000, 50_000_000)
        .describe("Largest feed accepted, in bytes (5000000 is 5 MB).")
        .default(5_000_000),
      maxRedirects: wholeNumber(0, 10)
        .describe("How many redirections to follow for one feed.")
        .default(5),
      concurrency: wholeNumber(1, 64)
        .describe(
          "How many feeds to download at the same time. Most of a run is waiting for servers, so many at once is fastest.",
        )
        .default(32),
      alertAfterHours: wholeNumber(1, 720)
        .describe(
          "A feed failing for longer than this many hours makes the run fail, so GitHub notifies you.",
        )
        .default(24),
    },
    expecting("settings written as 'key: value' lines under 'fetch:'"),
  )
  .describe("How feeds are downloaded.")
  .prefault({});

const costSchema = z
  .strictObject(
    {
      pricePerPostUSD: dollars
        .describe("What X bills per post without a link, in US dollars.")
        .default(DEFAULT_PRICES.perPostUSD),
      pricePerPostWithUrlUSD: dollars
        .describe("What X bills per post containing a link, in US dollars.")
        .default(DEFAULT_PRICES.perPostWithUrlUSD),
      monthlyBudgetUSD: dollars
        .describe("Posting stops for the rest of the month once the estimated cost reaches this.")
        .optional(),
    },
    expecting("settings written as 'key: value' lines under 'cost:'"),
  )
  .describe("What posting costs on X, for the estimate in each run's summary.")
  .prefault({});

const feedSchema = z
  .strictObject(
    {
      id: z
        .string(expecting(`an id such as "agenda"`))
        .regex(
          ID_PATTERN,
          expecting(
            "an id of lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters",
          ),
        )
        .describe(
          "Short permanent name of the feed (lowercase letters, digits, '-', '_'). What was posted is remembered under it: changing it makes the feed look new.",
        ),
      url: z
        .url({ protocol: /^(https?|webcal)$/, ...expecting("an http(s) URL") })
        .meta({ pattern: "^(https?|webcal)://" })
        .describe(
          "Address of the feed (RSS, Atom, JSON Feed), calendar (.ics) or agenda page, starting with https://, http:// or webcal://.",
        ),
      name: z
        .string(expecting("a name"))
        .trim()
        .min(1, expecting("a name"))
        .describe("Name shown in posts ({feed}) and in reports. Default: the id.")
        .optional(),
      template: template
        .describe(`This feed's post text, instead of defaults.template. ${TEMPLATE_HELP}`)
        .optional(),
      locale: locale.describe(`${LOCALE_HELP} Instead of defaults.locale.`).optional(),
      hashtagMap: hashtagMap.optional(),
      categoriesAsHashtags: categoriesAsHashtags
        .describe(`${CATEGORIES_HELP} Instead of defaults.categoriesAsHashtags.`)
        .optional(),
      maxPostsPerRun: wholeNumber(0, 50)
        .describe("This feed's most posts in one run, instead of defaults.maxPostsPerRun.")
        .optional(),
      firstRunPosts: wholeNumber(0, 20)
        .describe(
          "Newest items posted when this feed is first seen, instead of defaults.firstRunPosts.",
        )
        .optional(),
      hashtags: hashtags
        .describe("This feed's hashtag words, without '#', instead of defaults.hashtags.")
        .optional(),
      maxPostsPerDay: maxPostsPerDay
        .describe("This feed's most posts in any 24 hours, instead of defaults.maxPostsPerDay.")
        .optional(),
      maxAge: maxAge.optional(),
      horizon: horizon.optional(),
      timeZone: eventTimeZone.optional(),
      type: z
        .enum(["rss", "ics", "page"], expecting(`one of "rss", "ics" or "page"`))
        .describe(
          'What the address serves: "rss" (RSS, Atom or JSON Feed), "ics" (a calendar) or "page" (a web page with schema.org events). Default: told from the content.',
        )
        .optional(),
      ...curationKeys("feed"),
      ...overrideKeys,
      ...eventPostKeys,
      targets: z
        .array(z.string(expecting("a target name")), expecting("a list of target names"))
        .min(1, expecting("at least one target name"))
        .describe("The targets (names under 'targets:') this feed posts to. Default: all.")
        .optional(),
    },
    expecting("a feed with at least 'id:' and 'url:'"),
  )
  .describe("One feed to post from.");

/** The shape of feeds.yml. */
export const feedsFileSchema = z
  .strictObject(
    {
      defaults: defaultsSchema,
      limits: limitsSchema,
      fetch: fetchSchema,
      cost: costSchema,
      targets: targetsSchema,
      feeds: z
        .array(feedSchema, expecting("a list of feeds, each starting with '- id:'"))
        .min(1, expecting("at least one feed"))
        .describe("The feeds to post from. Each needs an id and a url."),
    },
    expecting("'key: value' lines with at least a 'feeds:' list"),
  )
  .meta({ title: "crieur feeds.yml" })
  .describe("Which feeds crieur reads and how it posts their new items.");

/** What feeds.yml holds after validation, before defaults are applied to each feed. */
export type FeedsFile = z.output<typeof feedsFileSchema>;

/** JSON Schema of feeds.yml for editors (draft-07: what yaml-language-server understands best). */
export function feedsJsonSchema(): object {
  return z.toJSONSchema(feedsFileSchema, { target: "draft-07", io: "input" });
}
