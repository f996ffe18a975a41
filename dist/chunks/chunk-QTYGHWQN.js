import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);

// src/report/report.ts
function costLine(cost) {
  const budget = cost.budgetUSD === void 0 ? "" : ` of the ${usd(cost.budgetUSD)} monthly budget`;
  return `${plural(cost.posts, "post")} in ${cost.month} (${cost.postsWithUrl} with a link): about ${usd(cost.estimatedUSD)}${budget} at X's per-post prices.`;
}
function stoppedLine(stop) {
  const resume = stop.resumeAt ? ` Posting resumes after ${stop.resumeAt}.` : "";
  return `Posting stopped: ${stop.reason}${resume}`;
}
function usd(amount) {
  return `$${amount.toFixed(2)}`;
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
function exitCodeOf(report) {
  return report.problems.length > 0 ? 1 : 0;
}
function summaryLine(report) {
  const total = (pick) => report.feeds.reduce((sum, feed) => sum + pick(feed), 0);
  const posted = total((feed) => feed.posted.length);
  const verb = report.dryRun ? "would post" : "posted";
  return `${report.feeds.length} feeds: ${total((feed) => feed.newItems)} new, ${posted} ${verb}, ${total((feed) => feed.queued)} queued, ${total((feed) => feed.failed.length)} failed, ${total((feed) => feed.dropped.length)} dropped, ${total((feed) => feed.skipped.length)} skipped, ${report.feeds.filter((feed) => feed.fetch === "failed").length} feeds unreadable.`;
}
function closingLines(report) {
  return [
    summaryLine(report),
    ...targetLines(report),
    ...report.stoppedPosting ? [stoppedLine(report.stoppedPosting)] : [],
    ...report.notices,
    ...report.cost && !report.dryRun ? [costLine(report.cost)] : []
  ];
}
function targetLines(report) {
  const targets = report.targets ?? [];
  if (targets.length < 2 && targets.every((target) => target.live)) return [];
  return targets.map((target) => {
    const what = target.live ? `${plural(target.posted, "post")}${report.dryRun ? " would go" : ""}` : "skipped (its secrets are not set)";
    const stopped = target.stoppedPosting ? `; ${stoppedLine(target.stoppedPosting).replace(/^./, (c) => c.toLowerCase())}` : "";
    return `Target '${target.name}' (${target.network}): ${what}${stopped}`;
  });
}
function summaryHtml(report) {
  const rows = report.feeds.map((feed) => {
    const posted = feed.posted.map(
      (post) => (post.url ? `<a href="${escapeHtml(post.url)}">${escapeHtml(post.title)}</a>` : escapeHtml(post.title)) + (post.target ? ` (${escapeHtml(post.target)})` : "")
    ).join("<br>");
    const since = feed.failing ? ` (failing since ${escapeHtml(feed.failing.since)}${feed.failing.alert ? ": needs your attention" : ""})` : "";
    const status = feed.fetch === "failed" ? `${feed.failing?.alert ? "\u274C" : "\u26A0\uFE0F"} ${escapeHtml(feed.error ?? "failed")}${since}` : feed.recoveredFrom ? `\u2705 works again (was failing since ${escapeHtml(feed.recoveredFrom)})` : feed.paused ? "\u23F8\uFE0F paused: read and recorded, nothing posted" : feed.firstSight ? `first run: ${feed.recordedAsSeen + feed.skipped.length} recorded, not posted` : feed.fetch === "not-modified" ? "not modified" : "ok";
    const failed = [...feed.failed, ...feed.dropped].map((entry) => `${escapeHtml(entry.title)}: ${escapeHtml(entry.reason)}`).join("<br>");
    const skipped = skippedLines(feed.skipped).map(escapeHtml).join("<br>");
    return `<tr><td>${escapeHtml(feed.name)} (<code>${escapeHtml(feed.feedId)}</code>)</td><td>${status}</td><td>${feed.newItems}</td><td>${feed.posted.length}${posted ? `<br>${posted}` : ""}</td><td>${feed.queued}</td><td>${feed.skipped.length}${skipped ? `<br>${skipped}` : ""}</td><td>${feed.failed.length + feed.dropped.length}${failed ? `<br>${failed}` : ""}</td></tr>`;
  });
  const heading = report.dryRun ? "crieur \u2014 dry run (nothing posted)" : "crieur run";
  const parts = [`<h2>${heading}</h2>`, `<p>${escapeHtml(summaryLine(report))}</p>`];
  for (const line of targetLines(report)) parts.push(`<p>\u{1F3AF} ${escapeHtml(line)}</p>`);
  if (report.stoppedPosting) {
    parts.push(`<p>\u23F8\uFE0F ${escapeHtml(stoppedLine(report.stoppedPosting))}</p>`);
  }
  for (const notice of report.notices) parts.push(`<p>\u23F3 ${escapeHtml(notice)}</p>`);
  const notes = report.feeds.flatMap(
    (feed) => feed.notes.map(
      (note) => `<li><code>${escapeHtml(feed.feedId)}</code>: ${escapeHtml(note)}</li>`
    )
  );
  if (notes.length > 0) parts.push(`<h3>Notes</h3><ul>${notes.join("")}</ul>`);
  if (report.cost && !report.dryRun) parts.push(`<p>\u{1F4B6} ${escapeHtml(costLine(report.cost))}</p>`);
  const upcoming = report.feeds.flatMap(
    (feed) => (feed.upcoming ?? []).map((post) => ({ feed, post }))
  );
  if (upcoming.length > 0) {
    const rows2 = upcoming.sort((a, b) => a.post.due.localeCompare(b.post.due)).slice(0, UPCOMING_ROWS).map(
      ({ feed, post }) => `<li><code>${escapeHtml(feed.feedId)}</code>: ${upcomingLine(post)}</li>`
    );
    parts.push(`<h3>Event posts due next</h3><ul>${rows2.join("")}</ul>`);
  }
  if (report.problems.length > 0) {
    parts.push(
      `<h3>Needs your attention</h3><ul>${report.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join("")}</ul>`
    );
  }
  parts.push(
    "<table><tr><th>Feed</th><th>Status</th><th>New</th><th>Posted</th><th>Queued</th><th>Skipped</th><th>Failed or dropped</th></tr>",
    ...rows,
    "</table>"
  );
  return `${parts.join("\n")}
`;
}
var SKIPPED_SHOWN = 10;
function skippedLines(skipped) {
  const lines = skipped.slice(0, SKIPPED_SHOWN).map(({ title, reason }) => `\xAB${title}\xBB \u2014 ${reason}`);
  if (skipped.length > SKIPPED_SHOWN) lines.push(`\u2026 and ${skipped.length - SKIPPED_SHOWN} more`);
  return lines;
}
var UPCOMING_ROWS = 10;
function upcomingLine(post) {
  const when = `${post.due.slice(0, 10)} ${post.due.slice(11, 16)} UTC`;
  return `from ${escapeHtml(when)} \u2014 ${escapeHtml(post.kind)}: ${escapeHtml(post.title)}`;
}
function escapeHtml(text) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

export {
  stoppedLine,
  plural,
  exitCodeOf,
  closingLines,
  summaryHtml,
  skippedLines,
  upcomingLine,
  escapeHtml
};
