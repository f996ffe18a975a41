/**
 * Defaults: validated feeds.yml → one readonly Config with every default applied to every feed.
 * Pure: no I/O.
 */
import type { Prices } from "../rules/cost.js";
import {
  DEFAULT_EVENT_PREFIXES,
  type EventPostSettings,
  parseReminder,
  type ReminderRule,
} from "../rules/event-posts.js";
import type { FilterSpec } from "../rules/filter.js";
import type { PostingHours } from "../rules/posting-hours.js";
import type { FeedsFile } from "./schema.js";
import { DURATION } from "./schema-parts.js";
import { TARGET_SECRET_DEFAULTS } from "./targets-schema.js";

/** One feed, with the `defaults` already applied. */
export interface FeedConfig {
  /** Stable identity: the state is keyed by it, so renaming it makes the feed look new. */
  readonly id: string;
  readonly url: string;
  readonly name: string;
  readonly maxPostsPerRun: number;
  readonly firstRunPosts: number;
  // What the posts say (rules/compose.ts ComposeSettings).
  readonly template: string;
  /** Template of event items: `template` when the owner set one, else one with the date. */
  readonly eventTemplate: string;
  /** BCP 47 language of dates and of {status}. */
  readonly locale: string;
  readonly hashtags: readonly string[];
  /** Category → hashtag word, or null to leave the category out. */
  readonly hashtagMap: Readonly<Record<string, string | null>>;
  readonly categoriesAsHashtags: boolean;
  /** Most posts in any 24 hours for this feed; unlimited when absent. */
  readonly maxPostsPerDay?: number;
  /** Items older than this (by publication date, else by when they were queued) are dropped. */
  readonly maxAgeMs?: number;
  /** Calendars and agenda pages: events starting later than now plus this are not considered. */
  readonly horizonMs: number;
  /** Calendars and agenda pages: IANA zone of event times written without one. */
  readonly timeZone?: string;
  /** What the address serves; told from the content when absent. */
  readonly type?: NonNullable<FeedsFile["feeds"][number]["type"]>;
  // Curation (README "Curation").
  /** What new items must (not) contain to be posted; absent when the feed posts everything. */
  readonly filter?: FilterSpec;
  /** Items telling the same story as one posted or queued this recently (ms) are not posted. */
  readonly sameStoryWithinMs?: number;
  /** Keys or links never to post. */
  readonly skip?: readonly string[];
  /** Read and recorded, nothing posted. */
  readonly pause?: true;
  /** Keys of items to post once more. */
  readonly repost?: readonly string[];
  /** Posts carry the item's image, where the network takes one. */
  readonly image?: true;
  /** Calendars and agenda pages: announceWithin, reminders, lastDays, change notices; absent when
   * the feed sets none of them (its events are then only announced). */
  readonly eventPosts?: EventPostSettings;
  /** Names of the targets this feed posts to, in the order of `Config.targets`. */
  readonly targets: readonly string[];
}

export type Network = keyof typeof TARGET_SECRET_DEFAULTS;

/** One account posts go to, with the names of the variables its credentials are read from. */
export type TargetConfig =
  | {
      readonly name: string;
      readonly network: "x";
      readonly secrets: Readonly<Record<keyof (typeof TARGET_SECRET_DEFAULTS)["x"], string>>;
    }
  | {
      readonly name: string;
      readonly network: "mastodon";
      readonly secrets: Readonly<Record<keyof (typeof TARGET_SECRET_DEFAULTS)["mastodon"], string>>;
      readonly visibility?: "public" | "unlisted" | "private";
      readonly language?: string;
      readonly contentWarning?: string;
    }
  | {
      readonly name: string;
      readonly network: "bluesky";
      readonly secrets: Readonly<Record<keyof (typeof TARGET_SECRET_DEFAULTS)["bluesky"], string>>;
      readonly langs?: readonly string[];
    };

/** Without a `targets:` key, the X account of the secrets X_API_KEY… (crieur before targets). */
export const DEFAULT_TARGETS: readonly TargetConfig[] = [
  { name: "x", network: "x", secrets: TARGET_SECRET_DEFAULTS.x },
];

function resolveTargets(parsed: FeedsFile): readonly TargetConfig[] {
  if (parsed.targets === undefined) return DEFAULT_TARGETS;
  return Object.entries(parsed.targets).map(
    ([name, target]) =>
      ({
        ...target,
        name,
        secrets: { ...TARGET_SECRET_DEFAULTS[target.network], ...target.secrets },
      }) as TargetConfig,
  );
}

export interface Config {
  /** The file name as given, for messages. */
  readonly file: string;
  readonly feeds: readonly FeedConfig[];
  /** Where posts go; every feed's `targets` names some of these. */
  readonly targets: readonly TargetConfig[];
  readonly limits: {
    readonly maxPostsPerRun: number;
    /** Most posts in any 24 hours, all feeds together; unlimited when absent. */
    readonly maxPostsPerDay?: number;
    readonly postingHours?: PostingHours;
  };
  readonly cost: {
    readonly prices: Prices;
    /** Posting stops for the rest of the month once the month's estimated cost reaches it. */
    readonly monthlyBudgetUSD?: number;
  };
  readonly fetch: {
    readonly timeoutMs: number;
    readonly maxBytes: number;
    readonly maxRedirects: number;
    readonly concurrency: number;
    /** A feed failing for longer than this makes the run fail (exit 1). */
    readonly alertAfterMs: number;
  };
}

export const DEFAULT_TEMPLATE = "{title} {link}";
/** With the date, so two occurrences of a weekly event never make the same post. */
export const DEFAULT_EVENT_TEMPLATE = "{title} — {start} {link}";

export function resolveConfig(parsed: FeedsFile, file: string): Config {
  const { defaults } = parsed;
  const targets = resolveTargets(parsed);
  return {
    file,
    targets,
    feeds: parsed.feeds.map((feed) => ({
      id: feed.id,
      url: feed.url,
      name: feed.name ?? feed.id,
      maxPostsPerRun: feed.maxPostsPerRun ?? defaults.maxPostsPerRun,
      firstRunPosts: feed.firstRunPosts ?? defaults.firstRunPosts,
      template: feed.template ?? defaults.template ?? DEFAULT_TEMPLATE,
      eventTemplate: feed.template ?? defaults.template ?? DEFAULT_EVENT_TEMPLATE,
      locale: feed.locale ?? defaults.locale,
      hashtags: feed.hashtags ?? defaults.hashtags,
      hashtagMap: { ...defaults.hashtagMap, ...feed.hashtagMap },
      categoriesAsHashtags: feed.categoriesAsHashtags ?? defaults.categoriesAsHashtags,
      ...optional("maxPostsPerDay", feed.maxPostsPerDay ?? defaults.maxPostsPerDay),
      ...optional("maxAgeMs", durationMs(feed.maxAge ?? defaults.maxAge)),
      horizonMs: durationMs(feed.horizon ?? defaults.horizon) ?? 90 * 86_400_000,
      ...optional("timeZone", feed.timeZone ?? defaults.timeZone),
      ...optional("type", feed.type),
      ...curation(feed, defaults),
      ...optional("eventPosts", eventPostSettings(feed, feed.timeZone ?? defaults.timeZone)),
      targets: targets
        .map((target) => target.name)
        .filter((name) => feed.targets === undefined || feed.targets.includes(name)),
    })),
    limits: {
      maxPostsPerRun: parsed.limits.maxPostsPerRun,
      ...optional("maxPostsPerDay", parsed.limits.maxPostsPerDay),
      ...optional("postingHours", parsed.limits.postingHours),
    },
    cost: {
      prices: {
        perPostUSD: parsed.cost.pricePerPostUSD,
        perPostWithUrlUSD: parsed.cost.pricePerPostWithUrlUSD,
      },
      ...optional("monthlyBudgetUSD", parsed.cost.monthlyBudgetUSD),
    },
    fetch: {
      timeoutMs: parsed.fetch.timeoutSeconds * 1000,
      maxBytes: parsed.fetch.maxBytes,
      maxRedirects: parsed.fetch.maxRedirects,
      concurrency: parsed.fetch.concurrency,
      alertAfterMs: parsed.fetch.alertAfterHours * 3_600_000,
    },
  };
}

type FeedEntry = FeedsFile["feeds"][number];

function curation(feed: FeedEntry, defaults: FeedsFile["defaults"]) {
  const filter: FilterSpec = {
    ...nonEmpty("include", feed.include ?? defaults.include),
    ...nonEmpty("exclude", feed.exclude ?? defaults.exclude),
    ...nonEmpty("categories", feed.categories ?? defaults.categories),
    ...optional("minLength", (feed.minLength ?? defaults.minLength) || undefined),
  };
  const filters = Object.keys(filter).length > 0;
  return {
    ...(filters
      ? { filter: { ...filter, ...optional("fields", feed.fields ?? defaults.fields) } }
      : {}),
    ...optional("sameStoryWithinMs", durationMs(feed.sameStoryWithin ?? defaults.sameStoryWithin)),
    ...nonEmpty("skip", feed.skip),
    ...(feed.pause === true ? { pause: true as const } : {}),
    ...nonEmpty("repost", feed.repost),
    ...((feed.image ?? defaults.image) === true ? { image: true as const } : {}),
  };
}

function nonEmpty<K extends string>(key: K, values: readonly string[] | undefined) {
  return optional(key, values !== undefined && values.length > 0 ? values : undefined);
}

function eventPostSettings(
  feed: FeedsFile["feeds"][number],
  timeZone: string | undefined,
): EventPostSettings | undefined {
  const { announceWithin, remind, lastDays, announceChanges, eventPrefixes } = feed;
  if (
    [announceWithin, remind, lastDays, announceChanges, eventPrefixes].every((v) => v === undefined)
  ) {
    return undefined;
  }
  const prefixes = Object.fromEntries(
    Object.entries(feed.eventPrefixes ?? {}).filter(([, text]) => text !== undefined),
  );
  return {
    ...optional("announceWithinMs", durationMs(feed.announceWithin)),
    reminders: (feed.remind ?? [])
      .map(parseReminder)
      .filter((rule): rule is ReminderRule => rule !== undefined),
    ...optional(
      "lastDays",
      feed.lastDays === undefined ? undefined : Number.parseInt(feed.lastDays, 10),
    ),
    announceChanges: feed.announceChanges ?? false,
    ...optional("timeZone", timeZone),
    prefixes: { ...DEFAULT_EVENT_PREFIXES, ...prefixes },
  };
}

/** `{ key: value }`, or nothing when the value is absent (exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** "36h" or "7d" → milliseconds. */
function durationMs(text: string | undefined): number | undefined {
  const match = text === undefined ? null : DURATION.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === "d" ? 86_400_000 : 3_600_000);
}
