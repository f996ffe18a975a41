/**
 * Pull request preview (pure): the base branch's feeds.yml, the pull request's, and a dry run of
 * the added or changed feeds → the job summary a reviewer reads before merging: the exact next
 * posts with their length as X counts it, what waits or cannot be posted and why, and what a new
 * feed's first run does (records the items it finds, posts none unless firstRunPosts says so).
 */

import type { Config, FeedConfig } from "../config/defaults.js";
import { MAX_WEIGHTED_LENGTH, weightedLength } from "../rules/compose.js";
import {
  escapeHtml,
  type FeedReport,
  plural,
  type RunReport,
  skippedLines,
  upcomingLine,
} from "./report.js";

export interface FeedChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  /** True when the run-wide limits differ. */
  readonly limitsChanged: boolean;
}

/** Which feeds a pull request adds or changes; without a base, every feed is new. */
export function diffFeeds(base: Config | undefined, head: Config): FeedChanges {
  const before = new Map((base?.feeds ?? []).map((feed) => [feed.id, feed]));
  const headIds = new Set(head.feeds.map((feed) => feed.id));
  const same = (a: FeedConfig, b: FeedConfig) => JSON.stringify(a) === JSON.stringify(b);
  return {
    added: head.feeds.filter((feed) => !before.has(feed.id)).map((feed) => feed.id),
    changed: head.feeds
      .filter((feed) => {
        const old = before.get(feed.id);
        return old !== undefined && !same(old, feed);
      })
      .map((feed) => feed.id),
    removed: [...before.keys()].filter((id) => !headIds.has(id)),
    limitsChanged:
      base !== undefined && JSON.stringify(base.limits) !== JSON.stringify(head.limits),
  };
}

export function previewedFeedIds(changes: FeedChanges): string[] {
  return [...changes.added, ...changes.changed];
}

/** The job summary of a pull request preview, as HTML. `report` is the dry run of the previewed feeds. */
export function previewHtml(
  changes: FeedChanges,
  head: Config,
  report: RunReport | undefined,
  options: { readonly baseNote?: string } = {},
): string {
  const parts = ["<h2>crieur — what this pull request would post</h2>"];
  if (options.baseNote) parts.push(`<p>${escapeHtml(options.baseNote)}</p>`);
  const list = (ids: readonly string[]) =>
    ids.map((id) => `<code>${escapeHtml(id)}</code>`).join(", ");
  const changeLines = [
    changes.added.length > 0 ? `Added: ${list(changes.added)}` : "",
    changes.changed.length > 0 ? `Changed: ${list(changes.changed)}` : "",
    changes.removed.length > 0
      ? `Removed: ${list(changes.removed)} (their state files stay in <code>state/</code>; ` +
        "adding the same id back later resumes where it stopped)"
      : "",
    changes.limitsChanged
      ? `Run-wide limit changed: at most ${head.limits.maxPostsPerRun} posts per run, all feeds together`
      : "",
  ].filter(Boolean);
  parts.push(
    changeLines.length > 0
      ? `<ul>${changeLines.map((line) => `<li>${line}</li>`).join("")}</ul>`
      : "<p>No feed added or changed: nothing to preview.</p>",
  );

  const byId = new Map(head.feeds.map((feed) => [feed.id, feed]));
  for (const feed of report?.feeds ?? []) {
    const config = byId.get(feed.feedId);
    const kind = changes.added.includes(feed.feedId) ? "new feed" : "changed";
    parts.push(
      `<h3>${escapeHtml(feed.name)} (<code>${escapeHtml(feed.feedId)}</code>, ${kind})</h3>`,
      ...feedSection(feed, config),
    );
  }
  if (report?.stoppedPosting) {
    parts.push(`<p>⏸️ ${escapeHtml(report.stoppedPosting.reason)}</p>`);
  }
  return `${parts.join("\n")}\n`;
}

function feedSection(feed: FeedReport, config: FeedConfig | undefined): string[] {
  if (feed.fetch === "failed") {
    return [`<p>⚠️ Cannot be read now: ${escapeHtml(feed.error ?? "unknown error")}</p>`];
  }
  const parts: string[] = [];
  if (feed.firstSight) {
    const firstRunPosts = config?.firstRunPosts ?? 0;
    parts.push(
      `<p>First run: ${plural(feed.recordedAsSeen, "item")} found now will be recorded as already ` +
        `seen and never posted; ${
          firstRunPosts === 0
            ? "nothing is posted (firstRunPosts: 0). From then on, each new item is posted."
            : `the newest ${plural(firstRunPosts, "item")} are posted (firstRunPosts: ${firstRunPosts}).`
        }</p>`,
    );
  } else if (feed.fetch === "not-modified") {
    parts.push("<p>Not modified since the last run: nothing new.</p>");
  }
  // With several targets, each network's own text (shortened by its own count) is shown.
  const targets = feed.posted.some((post) => post.target !== undefined);
  if (feed.posted.length > 0) {
    const rows = feed.posted.map((post) => {
      const length = post.counted ?? `${weightedLength(post.text)}/${MAX_WEIGHTED_LENGTH}`;
      const target = targets ? `<td>${escapeHtml(post.target ?? "")}</td>` : "";
      return `<tr>${target}<td><pre>${escapeHtml(post.text)}</pre></td><td>${escapeHtml(length)}</td></tr>`;
    });
    parts.push(
      "<p>Next posts, exactly as they would be sent:</p>",
      `<table><tr>${targets ? "<th>Target</th>" : ""}<th>Text</th><th>Length (as the network counts)</th></tr>${rows.join("")}</table>`,
    );
  } else if (!feed.firstSight) {
    parts.push("<p>Nothing would be posted now.</p>");
  }
  // A dry run leaves every item in the queue: the ones shown above (for one target) are still
  // counted there.
  const first = feed.posted[0]?.target;
  const shown = feed.posted.filter((post) => post.target === first).length;
  const waiting = Math.max(0, feed.queued - shown - feed.failed.length);
  if (waiting > 0) {
    parts.push(
      `<p>${plural(waiting, "more item")} would wait for later runs (maxPostsPerRun ` +
        `${config?.maxPostsPerRun ?? "?"} for this feed, and the run-wide limit).</p>`,
    );
  }
  if (feed.upcoming && feed.upcoming.length > 0) {
    parts.push(
      "<p>Event posts coming in the next 14 days (reminders, held announcements):</p>",
      `<ul>${feed.upcoming.map((post) => `<li>${upcomingLine(post)}</li>`).join("")}</ul>`,
    );
  }
  if (feed.failed.length > 0) {
    parts.push(
      `<p>Cannot be posted:</p><ul>${feed.failed
        .map((entry) => `<li>${escapeHtml(entry.title)}: ${escapeHtml(entry.reason)}</li>`)
        .join("")}</ul>`,
    );
  }
  if (feed.paused) {
    parts.push(
      "<p>⏸️ Paused (pause: true): the feed is read and its new items recorded; nothing is posted.</p>",
    );
  }
  // What the curation rules (filters, skip:, one story once, maxAge) keep out, and why.
  const skipped = skippedLines([...feed.skipped, ...feed.dropped]);
  if (skipped.length > 0) {
    parts.push(
      `<p>Skipped, not posted:</p><ul>${skipped.map((line) => `<li>Skipped: ${escapeHtml(line)}</li>`).join("")}</ul>`,
    );
  }
  if (feed.notes.length > 0) {
    parts.push(
      `<p>Notes on the feed:</p><ul>${feed.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>`,
    );
  }
  return parts;
}
