/**
 * Report stage (pure): what a run did, as data, and the texts built from it — the closing log
 * lines and the job summary shown on the workflow run's page. Nothing here writes anywhere;
 * cli.ts writes the summary once at the end.
 *
 * Report wing (report/): what the owner reads — log lines (log), the job summary (this file) and
 * the pull-request preview (preview).
 * May import: errors, config, rules, sources.
 */
import type { UpcomingEventPost } from "../rules/event-posts.js";

export interface PostReport {
  readonly title: string;
  readonly text: string;
  readonly url?: string;
  /** The target (feeds.yml `targets:`) it went to, when the run has targets. */
  readonly target?: string;
  /** In a dry run: its length as its network counts it, e.g. "34/500 characters as Mastodon…". */
  readonly counted?: string;
}

/** What one target did in the run. */
export interface TargetReport {
  readonly name: string;
  readonly network: string;
  /** False when its secrets are not set: nothing went there. */
  readonly live: boolean;
  readonly posted: number;
  readonly stoppedPosting?: RunReport["stoppedPosting"];
}

export interface FeedReport {
  readonly feedId: string;
  readonly name: string;
  readonly url: string;
  fetch: "fetched" | "not-modified" | "failed";
  error?: string;
  /** Set while the feed fails: since when (ISO), and whether that is longer than the threshold. */
  failing?: { readonly since: string; readonly alert: boolean };
  /** The feed works again after failing since this time (said once). */
  recoveredFrom?: string;
  firstSight: boolean;
  /** Items queued by this run's fetch. */
  newItems: number;
  /** Items recorded without posting on a feed's first run. */
  recordedAsSeen: number;
  readonly notes: string[];
  readonly posted: PostReport[];
  readonly failed: { readonly title: string; readonly reason: string }[];
  /** Items not posted on purpose, e.g. older than maxAge when their turn came. */
  readonly dropped: { readonly title: string; readonly reason: string }[];
  /** New items the curation rules kept out: filters, skip:, pause:, the same story elsewhere. */
  readonly skipped: { readonly title: string; readonly reason: string }[];
  /** The feed has pause: true. */
  readonly paused?: true;
  /** Items still waiting after this run. */
  queued: number;
  /** Calendars and agenda pages: the event posts coming due in the next days, soonest first. */
  upcoming?: readonly UpcomingEventPost[];
}

export interface RunReport {
  readonly dryRun: boolean;
  readonly startedAt: string;
  readonly feeds: FeedReport[];
  /** Things the owner must fix; any of them makes the run exit with code 1. */
  readonly problems: string[];
  /** Why posting stopped (or never started) in this run, and when it resumes. */
  stoppedPosting?: { readonly reason: string; readonly kind: StopKind; readonly resumeAt?: string };
  /** Limits that held items back in this run, as sentences. */
  readonly notices: string[];
  /** Every post of the run as it was made (the feeds' `posted` lists hold the same, by feed). */
  readonly postsInOrder: PostReport[];
  /** This month's posts and their estimated cost, all feeds together. */
  cost?: CostReport;
  /** Each target's part, when feeds.yml has several or one was skipped. */
  targets?: TargetReport[];
}

export type StopKind =
  | "rate-limited"
  | "auth"
  | "transient"
  | "posting-hours"
  | "monthly-budget"
  | "daily-limit"
  | "state";

export interface CostReport {
  /** "2026-11" (UTC). */
  readonly month: string;
  readonly posts: number;
  readonly postsWithUrl: number;
  readonly estimatedUSD: number;
  readonly budgetUSD?: number;
}

/** "3 posts this month (2 with a link), about $0.42 of $5.00" */
export function costLine(cost: CostReport): string {
  const budget =
    cost.budgetUSD === undefined ? "" : ` of the ${usd(cost.budgetUSD)} monthly budget`;
  return (
    `${plural(cost.posts, "post")} in ${cost.month} (${cost.postsWithUrl} with a link): ` +
    `about ${usd(cost.estimatedUSD)}${budget} at X's per-post prices.`
  );
}

/** What the owner reads when posting stopped: the reason, and when it resumes. */
export function stoppedLine(stop: NonNullable<RunReport["stoppedPosting"]>): string {
  const resume = stop.resumeAt ? ` Posting resumes after ${stop.resumeAt}.` : "";
  return `Posting stopped: ${stop.reason}${resume}`;
}

/** "$1.23" — cents are enough for an estimate. */
function usd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export function exitCodeOf(report: RunReport): 0 | 1 {
  return report.problems.length > 0 ? 1 : 0;
}

/** One line for the end of the log. */
export function summaryLine(report: RunReport): string {
  const total = (pick: (feed: FeedReport) => number) =>
    report.feeds.reduce((sum, feed) => sum + pick(feed), 0);
  const posted = total((feed) => feed.posted.length);
  const verb = report.dryRun ? "would post" : "posted";
  return (
    `${report.feeds.length} feeds: ${total((feed) => feed.newItems)} new, ${posted} ${verb}, ` +
    `${total((feed) => feed.queued)} queued, ${total((feed) => feed.failed.length)} failed, ` +
    `${total((feed) => feed.dropped.length)} dropped, ` +
    `${total((feed) => feed.skipped.length)} skipped, ` +
    `${report.feeds.filter((feed) => feed.fetch === "failed").length} feeds unreadable.`
  );
}

/** The closing log lines: the totals, then why posting stopped, limits hit, and the cost. */
export function closingLines(report: RunReport): string[] {
  return [
    summaryLine(report),
    ...targetLines(report),
    ...(report.stoppedPosting ? [stoppedLine(report.stoppedPosting)] : []),
    ...report.notices,
    ...(report.cost && !report.dryRun ? [costLine(report.cost)] : []),
  ];
}

/** One line per target when there are several: what went where, and what stopped. */
export function targetLines(report: RunReport): string[] {
  const targets = report.targets ?? [];
  if (targets.length < 2 && targets.every((target) => target.live)) return [];
  return targets.map((target) => {
    const what = target.live
      ? `${plural(target.posted, "post")}${report.dryRun ? " would go" : ""}`
      : "skipped (its secrets are not set)";
    const stopped = target.stoppedPosting
      ? `; ${stoppedLine(target.stoppedPosting).replace(/^./, (c) => c.toLowerCase())}`
      : "";
    return `Target '${target.name}' (${target.network}): ${what}${stopped}`;
  });
}

/** The job summary, as HTML (GitHub renders it; feed text is escaped, it is not ours). */
export function summaryHtml(report: RunReport): string {
  const rows = report.feeds.map((feed) => {
    const posted = feed.posted
      .map(
        (post) =>
          (post.url
            ? `<a href="${escapeHtml(post.url)}">${escapeHtml(post.title)}</a>`
            : escapeHtml(post.title)) + (post.target ? ` (${escapeHtml(post.target)})` : ""),
      )
      .join("<br>");
    const since = feed.failing
      ? ` (failing since ${escapeHtml(feed.failing.since)}${feed.failing.alert ? ": needs your attention" : ""})`
      : "";
    const status =
      feed.fetch === "failed"
        ? `${feed.failing?.alert ? "❌" : "⚠️"} ${escapeHtml(feed.error ?? "failed")}${since}`
        : feed.recoveredFrom
          ? `✅ works again (was failing since ${escapeHtml(feed.recoveredFrom)})`
          : feed.paused
            ? "⏸️ paused: read and recorded, nothing posted"
            : feed.firstSight
              ? `first run: ${feed.recordedAsSeen + feed.skipped.length} recorded, not posted`
              : feed.fetch === "not-modified"
                ? "not modified"
                : "ok";
    const failed = [...feed.failed, ...feed.dropped]
      .map((entry) => `${escapeHtml(entry.title)}: ${escapeHtml(entry.reason)}`)
      .join("<br>");
    const skipped = skippedLines(feed.skipped).map(escapeHtml).join("<br>");
    return `<tr><td>${escapeHtml(feed.name)} (<code>${escapeHtml(feed.feedId)}</code>)</td><td>${status}</td><td>${feed.newItems}</td><td>${feed.posted.length}${posted ? `<br>${posted}` : ""}</td><td>${feed.queued}</td><td>${feed.skipped.length}${skipped ? `<br>${skipped}` : ""}</td><td>${feed.failed.length + feed.dropped.length}${failed ? `<br>${failed}` : ""}</td></tr>`;
  });
  const heading = report.dryRun ? "crieur — dry run (nothing posted)" : "crieur run";
  const parts = [`<h2>${heading}</h2>`, `<p>${escapeHtml(summaryLine(report))}</p>`];
  for (const line of targetLines(report)) parts.push(`<p>🎯 ${escapeHtml(line)}</p>`);
  if (report.stoppedPosting) {
    parts.push(`<p>⏸️ ${escapeHtml(stoppedLine(report.stoppedPosting))}</p>`);
  }
  for (const notice of report.notices) parts.push(`<p>⏳ ${escapeHtml(notice)}</p>`);
  // Repairs and identity warnings (a re-keyed feed recorded, not posted) are said once, here.
  const notes = report.feeds.flatMap((feed) =>
    feed.notes.map(
      (note) => `<li><code>${escapeHtml(feed.feedId)}</code>: ${escapeHtml(note)}</li>`,
    ),
  );
  if (notes.length > 0) parts.push(`<h3>Notes</h3><ul>${notes.join("")}</ul>`);
  if (report.cost && !report.dryRun) parts.push(`<p>💶 ${escapeHtml(costLine(report.cost))}</p>`);
  const upcoming = report.feeds.flatMap((feed) =>
    (feed.upcoming ?? []).map((post) => ({ feed, post })),
  );
  if (upcoming.length > 0) {
    const rows = upcoming
      .sort((a, b) => a.post.due.localeCompare(b.post.due))
      .slice(0, UPCOMING_ROWS)
      .map(
        ({ feed, post }) =>
          `<li><code>${escapeHtml(feed.feedId)}</code>: ${upcomingLine(post)}</li>`,
      );
    parts.push(`<h3>Event posts due next</h3><ul>${rows.join("")}</ul>`);
  }
  if (report.problems.length > 0) {
    parts.push(
      `<h3>Needs your attention</h3><ul>${report.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join("")}</ul>`,
    );
  }
  parts.push(
    "<table><tr><th>Feed</th><th>Status</th><th>New</th><th>Posted</th><th>Queued</th><th>Skipped</th><th>Failed or dropped</th></tr>",
    ...rows,
    "</table>",
  );
  return `${parts.join("\n")}\n`;
}

/** Skipped items listed in a summary or a preview: the first ones, then how many more. */
export const SKIPPED_SHOWN = 10;

/** `Title — reason` per skipped item, at most SKIPPED_SHOWN lines, then "… and N more". */
export function skippedLines(
  skipped: readonly { readonly title: string; readonly reason: string }[],
): string[] {
  const lines = skipped
    .slice(0, SKIPPED_SHOWN)
    .map(({ title, reason }) => `«${title}» — ${reason}`);
  if (skipped.length > SKIPPED_SHOWN) lines.push(`… and ${skipped.length - SKIPPED_SHOWN} more`);
  return lines;
}

/** Rows of the "due next" list: the soonest, enough to check a calendar's settings at a glance. */
const UPCOMING_ROWS = 10;

/** "from 2026-10-24 07:00 UTC — reminder: Tomorrow: Concert", as escaped HTML. */
export function upcomingLine(post: UpcomingEventPost): string {
  const when = `${post.due.slice(0, 10)} ${post.due.slice(11, 16)} UTC`;
  return `from ${escapeHtml(when)} — ${escapeHtml(post.kind)}: ${escapeHtml(post.title)}`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
