/**
 * Defaults: validated feeds.yml → one readonly Config with every default applied to every feed.
 * Pure: no I/O.
 */
import type { Prices } from "../rules/cost.js";
import type { PostingHours } from "../rules/posting-hours.js";
import { DURATION, type FeedsFile } from "./schema.js";
import { TARGET_SECRET_DEFAULTS } from "./targets-schema.js";

/** One feed, with the `defaults` already applied. */
export interface FeedConfig {
  /** Stable identity: the state is keyed by it, so renaming it makes the feed look new. */
  readonly id: string;
  readonly url: string;
  readonly name: string;
  readonly template: string;
  readonly maxPostsPerRun: number;
  readonly firstRunPosts: number;
  readonly hashtags: readonly string[];
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
      template: feed.template ?? defaults.template,
      maxPostsPerRun: feed.maxPostsPerRun ?? defaults.maxPostsPerRun,
      firstRunPosts: feed.firstRunPosts ?? defaults.firstRunPosts,
      hashtags: feed.hashtags ?? defaults.hashtags,
      ...optional("maxPostsPerDay", feed.maxPostsPerDay ?? defaults.maxPostsPerDay),
      ...optional("maxAgeMs", durationMs(feed.maxAge ?? defaults.maxAge)),
      horizonMs: durationMs(feed.horizon ?? defaults.horizon) ?? 90 * 86_400_000,
      ...optional("timeZone", feed.timeZone ?? defaults.timeZone),
      ...optional("type", feed.type),
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
