import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  escapeHtml,
  plural,
  skippedLines,
  upcomingLine
} from "./chunk-QTYGHWQN.js";
import {
  MAX_WEIGHTED_LENGTH,
  weightedLength
} from "./chunk-NRJQWRFP.js";
import "./chunk-FL2BMLAN.js";
import "./chunk-ETCY7YZ6.js";
import "./chunk-5P5WBJWX.js";
import "./chunk-3MSF6MZP.js";

// src/report/preview.ts
function diffFeeds(base, head) {
  const before = new Map((base?.feeds ?? []).map((feed) => [feed.id, feed]));
  const headIds = new Set(head.feeds.map((feed) => feed.id));
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  return {
    added: head.feeds.filter((feed) => !before.has(feed.id)).map((feed) => feed.id),
    changed: head.feeds.filter((feed) => {
      const old = before.get(feed.id);
      return old !== void 0 && !same(old, feed);
    }).map((feed) => feed.id),
    removed: [...before.keys()].filter((id) => !headIds.has(id)),
    limitsChanged: base !== void 0 && JSON.stringify(base.limits) !== JSON.stringify(head.limits)
  };
}
function previewedFeedIds(changes) {
  return [...changes.added, ...changes.changed];
}
function previewHtml(changes, head, report, options = {}) {
  const parts = ["<h2>crieur \u2014 what this pull request would post</h2>"];
  if (options.baseNote) parts.push(`<p>${escapeHtml(options.baseNote)}</p>`);
  const list = (ids) => ids.map((id) => `<code>${escapeHtml(id)}</code>`).join(", ");
  const changeLines = [
    changes.added.length > 0 ? `Added: ${list(changes.added)}` : "",
    changes.changed.length > 0 ? `Changed: ${list(changes.changed)}` : "",
    changes.removed.length > 0 ? `Removed: ${list(changes.removed)} (their state files stay in <code>state/</code>; adding the same id back later resumes where it stopped)` : "",
    changes.limitsChanged ? `Run-wide limit changed: at most ${head.limits.maxPostsPerRun} posts per run, all feeds together` : ""
  ].filter(Boolean);
  parts.push(
    changeLines.length > 0 ? `<ul>${changeLines.map((line) => `<li>${line}</li>`).join("")}</ul>` : "<p>No feed added or changed: nothing to preview.</p>"
  );
  const byId = new Map(head.feeds.map((feed) => [feed.id, feed]));
  for (const feed of report?.feeds ?? []) {
    const config = byId.get(feed.feedId);
    const kind = changes.added.includes(feed.feedId) ? "new feed" : "changed";
    parts.push(
      `<h3>${escapeHtml(feed.name)} (<code>${escapeHtml(feed.feedId)}</code>, ${kind})</h3>`,
      ...feedSection(feed, config)
    );
  }
  if (report?.stoppedPosting) {
    parts.push(`<p>\u23F8\uFE0F ${escapeHtml(report.stoppedPosting.reason)}</p>`);
  }
  return `${parts.join("\n")}
`;
}
function feedSection(feed, config) {
  if (feed.fetch === "failed") {
    return [`<p>\u26A0\uFE0F Cannot be read now: ${escapeHtml(feed.error ?? "unknown error")}</p>`];
  }
  const parts = [];
  if (feed.firstSight) {
    const firstRunPosts = config?.firstRunPosts ?? 0;
    parts.push(
      `<p>First run: ${plural(feed.recordedAsSeen, "item")} found now will be recorded as already seen and never posted; ${firstRunPosts === 0 ? "nothing is posted (firstRunPosts: 0). From then on, each new item is posted." : `the newest ${plural(firstRunPosts, "item")} are posted (firstRunPosts: ${firstRunPosts}).`}</p>`
    );
  } else if (feed.fetch === "not-modified") {
    parts.push("<p>Not modified since the last run: nothing new.</p>");
  }
  const targets = feed.posted.some((post) => post.target !== void 0);
  if (feed.posted.length > 0) {
    const rows = feed.posted.map((post) => {
      const length = post.counted ?? `${weightedLength(post.text)}/${MAX_WEIGHTED_LENGTH}`;
      const target = targets ? `<td>${escapeHtml(post.target ?? "")}</td>` : "";
      return `<tr>${target}<td><pre>${escapeHtml(post.text)}</pre></td><td>${escapeHtml(length)}</td></tr>`;
    });
    parts.push(
      "<p>Next posts, exactly as they would be sent:</p>",
      `<table><tr>${targets ? "<th>Target</th>" : ""}<th>Text</th><th>Length (as the network counts)</th></tr>${rows.join("")}</table>`
    );
  } else if (!feed.firstSight) {
    parts.push("<p>Nothing would be posted now.</p>");
  }
  const first = feed.posted[0]?.target;
  const shown = feed.posted.filter((post) => post.target === first).length;
  const waiting = Math.max(0, feed.queued - shown - feed.failed.length);
  if (waiting > 0) {
    parts.push(
      `<p>${plural(waiting, "more item")} would wait for later runs (maxPostsPerRun ${config?.maxPostsPerRun ?? "?"} for this feed, and the run-wide limit).</p>`
    );
  }
  if (feed.upcoming && feed.upcoming.length > 0) {
    parts.push(
      "<p>Event posts coming in the next 14 days (reminders, held announcements):</p>",
      `<ul>${feed.upcoming.map((post) => `<li>${upcomingLine(post)}</li>`).join("")}</ul>`
    );
  }
  if (feed.failed.length > 0) {
    parts.push(
      `<p>Cannot be posted:</p><ul>${feed.failed.map((entry) => `<li>${escapeHtml(entry.title)}: ${escapeHtml(entry.reason)}</li>`).join("")}</ul>`
    );
  }
  if (feed.paused) {
    parts.push(
      "<p>\u23F8\uFE0F Paused (pause: true): the feed is read and its new items recorded; nothing is posted.</p>"
    );
  }
  const skipped = skippedLines([...feed.skipped, ...feed.dropped]);
  if (skipped.length > 0) {
    parts.push(
      `<p>Skipped, not posted:</p><ul>${skipped.map((line) => `<li>Skipped: ${escapeHtml(line)}</li>`).join("")}</ul>`
    );
  }
  if (feed.notes.length > 0) {
    parts.push(
      `<p>Notes on the feed:</p><ul>${feed.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>`
    );
  }
  return parts;
}
export {
  diffFeeds,
  previewHtml,
  previewedFeedIds
};
