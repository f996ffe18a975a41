/**
 * Commit message (pure): the state files before and after a run → a message that says what was
 * posted, so the repository's history reads as a log of the account: `git log -- state/`.
 */

import { plural } from "../report/report.js";
import type { AccountState, FeedState } from "../state/feed-state.js";
import { PRIMARY_TARGET, targetsOf, targetView } from "../state/targets.js";

/** One feed's state file as it was in the last commit and as the run left it. */
export interface FeedStateChange {
  readonly feedId: string;
  readonly before: FeedState | undefined;
  readonly after: FeedState | undefined;
}

/** `_account.json` (X's rate-limit pause) as it was in the last commit and as the run left it. */
export interface AccountChange {
  readonly before: AccountState | undefined;
  readonly after: AccountState | undefined;
}

interface FeedSummary {
  readonly feedId: string;
  readonly posted: readonly string[];
  readonly failed: number;
  readonly queued: number;
  readonly recorded: number;
  /** Not posted on purpose: filters, skip:, pause:, the same article from another feed. */
  readonly skipped: number;
}

export function commitMessage(
  changes: readonly FeedStateChange[],
  options: { readonly heartbeat?: boolean; readonly account?: AccountChange } = {},
): string {
  const summaries = changes.map(summarize);
  const posted = summaries.reduce((total, feed) => total + feed.posted.length, 0);
  const failed = summaries.reduce((total, feed) => total + feed.failed, 0);
  const pause = options.account ? pauseChange(options.account) : undefined;

  const parts: string[] = [];
  // With targets, one item makes a post on each network: the subject counts posts.
  const networks = changes.some((change) => change.after?.targets !== undefined);
  if (posted > 0) parts.push(`posted ${plural(posted, networks ? "post" : "item")}`);
  if (failed > 0) parts.push(`${failed} not postable`);
  // The pause goes in the subject: it explains why the next runs post nothing.
  if (pause) parts.push(pause.subject);
  const subject =
    parts.length > 0
      ? `crieur: ${parts.join(", ")}`
      : changes.length > 0
        ? `crieur: update state of ${changes.map((change) => `'${change.feedId}'`).join(", ")}`
        : options.heartbeat
          ? "crieur: heartbeat"
          : "crieur: update state";

  const body: string[] = [];
  for (const feed of summaries) {
    const counts = [
      feed.posted.length > 0 ? `${feed.posted.length} posted` : "",
      feed.queued > 0 ? `${feed.queued} newly queued` : "",
      feed.recorded > 0 ? `${feed.recorded} recorded without posting` : "",
      feed.skipped > 0 ? `${feed.skipped} skipped` : "",
      feed.failed > 0 ? `${feed.failed} not postable` : "",
    ].filter(Boolean);
    body.push(`${feed.feedId}: ${counts.length > 0 ? counts.join(", ") : "state updated"}`);
    for (const title of feed.posted) body.push(`  - ${title}`);
  }
  if (pause?.detail) body.push(pause.detail);
  if (options.heartbeat) {
    body.push(
      "Heartbeat: no commit for a long time; GitHub disables scheduled workflows after 60 days " +
        "without activity, so crieur records that it is still running.",
    );
  }
  return body.length > 0 ? `${subject}\n\n${body.join("\n")}\n` : `${subject}\n`;
}

function pauseChange(
  change: AccountChange,
): { readonly subject: string; readonly detail?: string } | undefined {
  const until = change.after?.postingPausedUntil;
  if (until !== undefined && until !== change.before?.postingPausedUntil) {
    const reason = change.after?.pauseReason;
    return {
      subject: `posting paused until ${until} (X rate limit)`,
      ...(reason ? { detail: `X asked crieur to wait: ${reason}` } : {}),
    };
  }
  if (until === undefined && change.before?.postingPausedUntil !== undefined) {
    return { subject: "posting pause over" };
  }
  return undefined;
}

function summarize(change: FeedStateChange): FeedSummary {
  const before = change.before;
  const after = change.after;
  const titles = new Map<string, string>();
  const targets = targetsOf(after ?? before ?? {});
  for (const state of [before, after]) {
    if (!state) continue;
    for (const target of targets) {
      const view = targetView(state, target);
      for (const entry of view.queue) titles.set(entry.item.key, entry.item.title);
      if (view.pending) titles.set(view.pending.item.key, view.pending.item.title);
    }
  }
  // With several targets, each post says where it went.
  const several = targets.length > 1;
  const newly = (status: string, target = PRIMARY_TARGET) => {
    const was = before && targetView(before, target);
    const now = after && targetView(after, target);
    // A repost posts a key again: a posted record with a new time is a new post.
    const isNew = (key: string, outcome: { status: string; at: string }) => {
      const old = was?.done[key];
      return (
        old?.status !== outcome.status || (outcome.status === "posted" && old.at !== outcome.at)
      );
    };
    return Object.entries(now?.done ?? {})
      .filter(([key, outcome]) => outcome.status === status && isNew(key, outcome))
      .map(([key, outcome]) => {
        const title =
          titles.get(key) ?? (outcome.status === "posted" ? outcome.title : undefined) ?? key;
        const where = several ? ` (${target})` : "";
        return outcome.status === "posted" && outcome.url
          ? `"${title}" ${outcome.url}${where}`
          : `"${title}"${where}`;
      });
  };
  const knownBefore = (key: string) =>
    before !== undefined &&
    (Object.hasOwn(before.done, key) ||
      before.pending?.item.key === key ||
      before.queue.some((entry) => entry.item.key === key));
  return {
    feedId: change.feedId,
    posted: targets.flatMap((target) => newly("posted", target)),
    failed: targets.reduce((total, target) => total + newly("failed", target).length, 0),
    queued: (after?.queue ?? []).filter((entry) => !knownBefore(entry.item.key)).length,
    recorded: newly("seen").length,
    skipped: newly("skipped").length,
  };
}
