/**
 * Report stage (pure): what a run did, as data, and the texts built from it — the closing log
 * lines and the job summary shown on the workflow run's page. Nothing here writes anywhere;
 * cli.ts writes the summary once at the end.
 */
export interface PostReport {
  readonly title: string;
  readonly text: string;
  readonly url?: string;
}

export interface FeedReport {
  readonly feedId: string;
  readonly name: string;
  readonly url: string;
  fetch: "fetched" | "not-modified" | "failed";
  error?: string;
  firstSight: boolean;
  /** Items queued by this run's fetch. */
  newItems: number;
  /** Items recorded without posting on a feed's first run. */
  recordedAsSeen: number;
  readonly notes: string[];
  readonly posted: PostReport[];
  readonly failed: { readonly title: string; readonly reason: string }[];
  /** Items still waiting after this run. */
  queued: number;
}

export interface RunReport {
  readonly dryRun: boolean;
  readonly startedAt: string;
  readonly feeds: FeedReport[];
  /** Things the owner must fix; any of them makes the run exit with code 1. */
  readonly problems: string[];
  stoppedPosting?: { readonly reason: string; readonly kind: string; readonly resumeAt?: string };
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
    `${report.feeds.filter((feed) => feed.fetch === "failed").length} feeds unreadable.`
  );
}

/** The job summary, as HTML (GitHub renders it; feed text is escaped, it is not ours). */
export function summaryHtml(report: RunReport): string {
  const rows = report.feeds.map((feed) => {
    const posted = feed.posted
      .map((post) =>
        post.url
          ? `<a href="${escapeHtml(post.url)}">${escapeHtml(post.title)}</a>`
          : escapeHtml(post.title),
      )
      .join("<br>");
    const status =
      feed.fetch === "failed"
        ? `⚠️ ${escapeHtml(feed.error ?? "failed")}`
        : feed.firstSight
          ? `first run: ${feed.recordedAsSeen} recorded, not posted`
          : feed.fetch === "not-modified"
            ? "not modified"
            : "ok";
    const failed = feed.failed
      .map((entry) => `${escapeHtml(entry.title)}: ${escapeHtml(entry.reason)}`)
      .join("<br>");
    return `<tr><td>${escapeHtml(feed.name)} (<code>${escapeHtml(feed.feedId)}</code>)</td><td>${status}</td><td>${feed.newItems}</td><td>${feed.posted.length}${posted ? `<br>${posted}` : ""}</td><td>${feed.queued}</td><td>${feed.failed.length}${failed ? `<br>${failed}` : ""}</td></tr>`;
  });
  const heading = report.dryRun ? "crieur — dry run (nothing posted)" : "crieur run";
  const parts = [`<h2>${heading}</h2>`, `<p>${escapeHtml(summaryLine(report))}</p>`];
  if (report.stoppedPosting) {
    const resume = report.stoppedPosting.resumeAt
      ? ` Posting resumes after ${escapeHtml(report.stoppedPosting.resumeAt)}.`
      : "";
    parts.push(`<p>⏸️ Posting stopped: ${escapeHtml(report.stoppedPosting.reason)}${resume}</p>`);
  }
  if (report.problems.length > 0) {
    parts.push(
      `<h3>Needs your attention</h3><ul>${report.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join("")}</ul>`,
    );
  }
  parts.push(
    "<table><tr><th>Feed</th><th>Status</th><th>New</th><th>Posted</th><th>Queued</th><th>Failed</th></tr>",
    ...rows,
    "</table>",
  );
  return `${parts.join("\n")}\n`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
