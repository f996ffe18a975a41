import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);

// src/sources/story.ts
import { createHash } from "node:crypto";
function storyOf(item) {
  const title = item.title.normalize("NFKD").replace(new RegExp("\\p{M}", "gu"), "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  if (title === "") return void 0;
  const minute = item.published?.slice(0, 16);
  const parts = minute === void 0 ? [title] : [title, minute];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 12);
}
function storyRecord(item) {
  const story = storyOf(item);
  return story === void 0 ? {} : { story };
}

// src/state/feed-state.ts
var STATE_VERSION = 1;
function emptyState(feedId) {
  return { version: STATE_VERSION, feedId, validators: {}, queue: [], done: {} };
}
function keyChecker(state) {
  const waiting = new Set(state.queue.map((queued) => queued.item.key));
  if (state.pending) waiting.add(state.pending.item.key);
  return (key) => Object.hasOwn(state.done, key) || waiting.has(key);
}
function startPost(state, key, text, network, now) {
  const queued = state.queue.find((entry) => entry.item.key === key);
  if (!queued) throw new Error(`Item "${key}" is not queued in feed "${state.feedId}".`);
  return {
    ...state,
    queue: state.queue.filter((entry) => entry !== queued),
    pending: { ...queued, text, network, at: now.toISOString() }
  };
}
function withoutPending(state) {
  const { pending: _settled, ...rest } = state;
  return rest;
}
function monthOf(date) {
  return date.toISOString().slice(0, 7);
}
function finishPost(state, now, post, containsUrl = false) {
  const pending = requirePending(state);
  const month = monthOf(now);
  const count = state.months?.[month] ?? { posts: 0, postsWithUrl: 0 };
  const months = {
    ...state.months,
    [month]: { posts: count.posts + 1, postsWithUrl: count.postsWithUrl + (containsUrl ? 1 : 0) }
  };
  const outcome = {
    status: "posted",
    at: now.toISOString(),
    network: pending.network,
    ...post.id ? { postId: post.id } : {},
    ...post.url ? { url: post.url } : {},
    ...storyRecord(pending.item)
  };
  return {
    ...withoutPending(state),
    months,
    done: { ...state.done, [pending.item.key]: outcome }
  };
}
function postTimesSince(state, since) {
  const from = since.toISOString();
  return Object.values(state.done).flatMap(
    (o) => o.status === "posted" && o.at > from ? [o.at] : []
  );
}
function lastPostAt(state) {
  let last;
  for (const outcome of Object.values(state.done)) {
    if (outcome.status === "posted" && (last === void 0 || outcome.at > last)) last = outcome.at;
  }
  return last;
}
function dropQueued(state, key, now, reason) {
  return {
    ...state,
    queue: state.queue.filter((entry) => entry.item.key !== key),
    done: { ...state.done, [key]: { status: "failed", at: now.toISOString(), reason } }
  };
}
function requeuePost(state, countAttempt) {
  const pending = requirePending(state);
  const attempts = (pending.attempts ?? 0) + (countAttempt ? 1 : 0);
  const queued = {
    item: pending.item,
    queuedAt: pending.queuedAt,
    ...attempts > 0 ? { attempts } : {}
  };
  return { ...withoutPending(state), queue: [queued, ...state.queue] };
}
function failPost(state, now, reason) {
  const pending = requirePending(state);
  const outcome = {
    status: "failed",
    at: now.toISOString(),
    reason,
    ...storyRecord(pending.item)
  };
  return { ...withoutPending(state), done: { ...state.done, [pending.item.key]: outcome } };
}
function requirePending(state) {
  if (!state.pending) throw new Error(`Feed "${state.feedId}" has no post in flight.`);
  return state.pending;
}

export {
  storyOf,
  storyRecord,
  STATE_VERSION,
  emptyState,
  keyChecker,
  startPost,
  monthOf,
  finishPost,
  postTimesSince,
  lastPostAt,
  dropQueued,
  requeuePost,
  failPost
};
