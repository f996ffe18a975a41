import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);

// src/state/targets.ts
var PRIMARY_TARGET = "x";
var RECENT_MS = 24 * 60 * 60 * 1e3;
var EMPTY_LANE = { queue: [], done: {} };
function targetView(state, target) {
  if (target === PRIMARY_TARGET) return state;
  const lane = state.targets?.[target] ?? EMPTY_LANE;
  const { pending: _pending, months: _months, ...rest } = state;
  return {
    ...rest,
    queue: lane.queue,
    done: lane.done,
    ...lane.pending ? { pending: lane.pending } : {},
    ...lane.months ? { months: lane.months } : {}
  };
}
function withTargetView(state, target, view) {
  if (target === PRIMARY_TARGET) {
    const { targets: _targets, ...rest } = view;
    return { ...rest, ...state.targets ? { targets: state.targets } : {} };
  }
  const lane = {
    queue: view.queue,
    done: view.done,
    ...view.pending ? { pending: view.pending } : {},
    ...view.months ? { months: view.months } : {}
  };
  return { ...state, targets: { ...state.targets, [target]: lane } };
}
function syncTargets(state, liveTargets, now) {
  const arriving = state.pending ? [{ item: state.pending.item, queuedAt: state.pending.queuedAt }, ...state.queue] : [...state.queue];
  let next = state;
  for (const target of liveTargets) {
    if (target === PRIMARY_TARGET) continue;
    const lane = state.targets?.[target];
    if (!lane && arriving.length === 0) continue;
    const current = lane ?? EMPTY_LANE;
    const known = /* @__PURE__ */ new Set([...Object.keys(current.done), ...current.queue.map((q) => q.item.key)]);
    if (current.pending) known.add(current.pending.item.key);
    const added = arriving.filter((queued) => !known.has(queued.item.key) || isRepostFor(state, current, queued)).map(({ item, queuedAt }) => ({ item, queuedAt }));
    const done = prunedDone(current.done, state, now);
    if (added.length === 0 && lane && done === current.done) continue;
    next = {
      ...next,
      targets: {
        ...next.targets,
        [target]: { ...current, queue: [...current.queue, ...added], done }
      }
    };
  }
  if (!liveTargets.includes(PRIMARY_TARGET) && next.queue.length > 0) {
    const at = now.toISOString();
    const seen = {};
    for (const queued of next.queue) seen[queued.item.key] = { status: "seen", at };
    next = { ...next, queue: [], done: { ...next.done, ...seen } };
  }
  return next;
}
function isRepostFor(state, lane, queued) {
  const key = queued.item.key;
  if (state.done[key] === void 0 || lane.pending?.item.key === key) return false;
  if (lane.queue.some((waiting) => waiting.item.key === key)) return false;
  const before = lane.done[key];
  return before !== void 0 && before.at < queued.queuedAt;
}
function prunedDone(done, state, now) {
  const recent = new Date(now.getTime() - RECENT_MS).toISOString();
  const waiting = new Set(state.queue.map((queued) => queued.item.key));
  if (state.pending) waiting.add(state.pending.item.key);
  const kept = Object.entries(done).filter(
    ([key, outcome]) => Object.hasOwn(state.done, key) || waiting.has(key) || outcome.status === "posted" && outcome.at > recent
  );
  return kept.length === Object.keys(done).length ? done : Object.fromEntries(kept);
}
function refreshTargetQueues(state, fetched) {
  if (!state.targets || fetched.length === 0) return state;
  const latest = new Map(fetched.map((item) => [item.key, item]));
  let changed = false;
  const targets = {};
  for (const [target, lane] of Object.entries(state.targets)) {
    const queue = lane.queue.map((queued) => {
      const item = latest.get(queued.item.key);
      return item && JSON.stringify(item) !== JSON.stringify(queued.item) ? { ...queued, item } : queued;
    });
    const laneChanged = queue.some((queued, index) => queued !== lane.queue[index]);
    changed ||= laneChanged;
    targets[target] = laneChanged ? { ...lane, queue } : lane;
  }
  return changed ? { ...state, targets } : state;
}
function targetsOf(state) {
  return [PRIMARY_TARGET, ...Object.keys(state.targets ?? {})];
}
function accountView(account, target) {
  if (target === PRIMARY_TARGET) return account;
  return { version: account.version, ...account.targets?.[target] };
}
function withAccountView(account, target, view) {
  if (target === PRIMARY_TARGET) {
    const { targets: _targets, ...rest2 } = view;
    return { ...rest2, ...account.targets ? { targets: account.targets } : {} };
  }
  const pause = {
    ...view.postingPausedUntil ? { postingPausedUntil: view.postingPausedUntil } : {},
    ...view.pauseReason ? { pauseReason: view.pauseReason } : {}
  };
  const { [target]: _old, ...others } = account.targets ?? {};
  const targets = view.postingPausedUntil ? { ...others, [target]: pause } : others;
  const { targets: _all, ...rest } = account;
  return { ...rest, ...Object.keys(targets).length > 0 ? { targets } : {} };
}

export {
  PRIMARY_TARGET,
  targetView,
  withTargetView,
  syncTargets,
  refreshTargetQueues,
  targetsOf,
  accountView,
  withAccountView
};
