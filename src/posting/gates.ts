/**
 * The posting loop's gates: whether a target may post at all in this run (its remembered rate
 * limit, the posting hours, X's monthly budget), and how a network other than X counts a text.
 */
import type { Config } from "../config/defaults.js";
import { messageOf, type PostingDeps } from "../in-flight.js";
import type { Publisher } from "../publishers/publisher.js";
import type { RunReport } from "../report/report.js";
import { costOf, startOfNextMonth } from "../rules/cost.js";
import type { LengthRules } from "../rules/length.js";
import { describePostingHours, isWithinPostingHours, nextOpening } from "../rules/posting-hours.js";
import { type FeedState, monthOf, STATE_VERSION } from "../state/feed-state.js";
import type { StateStore } from "../state/store.js";

export type Stop = NonNullable<RunReport["stoppedPosting"]>;

/** Reasons not to post at all in this run, checked before anything is sent. */
export async function postingGate(
  config: Config,
  states: readonly FeedState[],
  deps: PostingDeps,
): Promise<Stop | undefined> {
  const now = deps.now();
  let account: Awaited<ReturnType<StateStore["loadAccount"]>>;
  try {
    account = await deps.store.loadAccount();
  } catch (error) {
    return { kind: "state", reason: messageOf(error) };
  }
  if (account.postingPausedUntil !== undefined) {
    if (Date.parse(account.postingPausedUntil) > now.getTime()) {
      return {
        kind: "rate-limited",
        reason: `an earlier run was told by X to wait (${account.pauseReason ?? "rate limit"}); this run does not try before then.`,
        resumeAt: account.postingPausedUntil,
      };
    }
    // The pause is over: forget it, so the next state commit says so once.
    await deps.store.saveAccount({ version: STATE_VERSION });
  }
  const hours = config.limits.postingHours;
  if (hours && !isWithinPostingHours(hours, now)) {
    const opens = nextOpening(hours, now);
    return {
      kind: "posting-hours",
      reason: `outside the posting hours (${describePostingHours(hours)}); queued items wait for the next run inside them.`,
      ...(opens ? { resumeAt: opens.toISOString() } : {}),
    };
  }
  // The budget is X's cost: other networks do not charge per post.
  return deps.publisher?.network === "x" ? monthlyBudgetStop(config, states, now, 0) : undefined;
}

/** Stops when the month's estimated cost plus the next post's price would go over the budget. */
export function monthlyBudgetStop(
  config: Config,
  states: readonly FeedState[],
  now: Date,
  nextPrice: number,
): Stop | undefined {
  const budget = config.cost.monthlyBudgetUSD;
  if (budget === undefined) return undefined;
  const spent = costOf(monthTotals(states, now), config.cost.prices);
  // A zero-price check (the gate) stops once the budget is spent; a post stops if it would exceed it.
  if (nextPrice === 0 ? spent < budget : spent + nextPrice <= budget) return undefined;
  return {
    kind: "monthly-budget",
    reason: `cost.monthlyBudgetUSD ($${budget.toFixed(2)}) is reached for ${monthOf(now)}: about $${spent.toFixed(2)} spent on posts this month.`,
    resumeAt: startOfNextMonth(now).toISOString(),
  };
}

export function monthTotals(states: readonly FeedState[], now: Date) {
  const month = monthOf(now);
  let posts = 0;
  let postsWithUrl = 0;
  for (const state of states) {
    posts += state.months?.[month]?.posts ?? 0;
    postsWithUrl += state.months?.[month]?.postsWithUrl ?? 0;
  }
  return { posts, postsWithUrl };
}

/**
 * How the target network counts a text: X's fixed rules, Mastodon's as its instance says (less the
 * feed's content warning), Bluesky's graphemes. The compose step lays the template out by these.
 */
export async function lengthFor(
  publisher: Publisher | undefined,
  network: string,
  contentWarning: string | undefined,
): Promise<LengthRules> {
  const rules = await import("../rules/length.js");
  if (network === "x") return rules.X_LENGTH;
  let length: LengthRules =
    network === "bluesky" ? rules.BLUESKY_LENGTH : rules.MASTODON_DEFAULT_LENGTH;
  if (publisher?.limits) length = (await publisher.limits()).length;
  return contentWarning ? rules.withContentWarning(length, contentWarning) : length;
}
