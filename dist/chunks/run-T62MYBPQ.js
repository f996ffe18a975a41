import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  PRIMARY_TARGET,
  accountView,
  refreshTargetQueues,
  syncTargets,
  targetView,
  targetsOf,
  withAccountView,
  withTargetView
} from "./chunk-LHSQ7RA6.js";
import {
  PublishError
} from "./chunk-VX6FFRNQ.js";
import {
  bufferedLog,
  compileFilter,
  costOf,
  describePostingHours,
  isWithinPostingHours,
  nextOpening,
  planEventPosts,
  priceOf,
  startOfNextMonth,
  upcomingEventPosts,
  wordsOf
} from "./chunk-BE47VPEL.js";
import {
  STATE_VERSION,
  canonicalOf,
  canonicalUrl,
  dropQueued,
  emptyState,
  failPost,
  finishPost,
  keyChecker,
  lastPostAt,
  monthOf,
  postTimesSince,
  requeuePost,
  startPost,
  stateFileName,
  storyOf,
  storyRecord
} from "./chunk-D6NUKDDZ.js";
import {
  eventSpan,
  isSkipped,
  skippedEventLine
} from "./chunk-2HIWZCX5.js";
import {
  plural,
  stoppedLine
} from "./chunk-QTYGHWQN.js";
import "./chunk-ETCY7YZ6.js";
import "./chunk-3MSF6MZP.js";

// node_modules/yocto-queue/index.js
var Node = class {
  value;
  next;
  constructor(value) {
    this.value = value;
  }
};
var Queue = class {
  #head;
  #tail;
  #size;
  constructor() {
    this.clear();
  }
  enqueue(value) {
    const node = new Node(value);
    if (this.#head) {
      this.#tail.next = node;
      this.#tail = node;
    } else {
      this.#head = node;
      this.#tail = node;
    }
    this.#size++;
  }
  dequeue() {
    const current = this.#head;
    if (!current) {
      return;
    }
    this.#head = this.#head.next;
    this.#size--;
    if (!this.#head) {
      this.#tail = void 0;
    }
    return current.value;
  }
  peek() {
    if (!this.#head) {
      return;
    }
    return this.#head.value;
  }
  clear() {
    this.#head = void 0;
    this.#tail = void 0;
    this.#size = 0;
  }
  get size() {
    return this.#size;
  }
  *[Symbol.iterator]() {
    let current = this.#head;
    while (current) {
      yield current.value;
      current = current.next;
    }
  }
  *drain() {
    while (this.#head) {
      yield this.dequeue();
    }
  }
};

// node_modules/p-limit/index.js
function pLimit(concurrency) {
  let rejectOnClear = false;
  if (typeof concurrency === "object") {
    ({ concurrency, rejectOnClear = false } = concurrency);
  }
  validateConcurrency(concurrency);
  if (typeof rejectOnClear !== "boolean") {
    throw new TypeError("Expected `rejectOnClear` to be a boolean");
  }
  const queue = new Queue();
  let activeCount = 0;
  const resumeNext = () => {
    if (activeCount < concurrency && queue.size > 0) {
      activeCount++;
      queue.dequeue().run();
    }
  };
  const next = () => {
    activeCount--;
    resumeNext();
  };
  const run2 = async (function_, resolve, arguments_) => {
    const result = (async () => function_(...arguments_))();
    resolve(result);
    try {
      await result;
    } catch {
    }
    next();
  };
  const enqueue = (function_, resolve, reject, arguments_) => {
    const queueItem = { reject };
    new Promise((internalResolve) => {
      queueItem.run = internalResolve;
      queue.enqueue(queueItem);
    }).then(run2.bind(void 0, function_, resolve, arguments_));
    if (activeCount < concurrency) {
      resumeNext();
    }
  };
  const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
    enqueue(function_, resolve, reject, arguments_);
  });
  Object.defineProperties(generator, {
    activeCount: {
      get: () => activeCount
    },
    pendingCount: {
      get: () => queue.size
    },
    clearQueue: {
      value() {
        if (!rejectOnClear) {
          queue.clear();
          return;
        }
        const abortError = AbortSignal.abort().reason;
        while (queue.size > 0) {
          queue.dequeue().reject(abortError);
        }
      }
    },
    concurrency: {
      get: () => concurrency,
      set(newConcurrency) {
        validateConcurrency(newConcurrency);
        concurrency = newConcurrency;
        queueMicrotask(() => {
          while (activeCount < concurrency && queue.size > 0) {
            resumeNext();
          }
        });
      }
    },
    map: {
      async value(iterable, function_) {
        const promises = [];
        try {
          Array.from(iterable, (value, index) => {
            const promise = generator(function_, value, index);
            promises.push(promise);
            return promise;
          });
        } catch (error) {
          for (const promise of promises) {
            promise.catch(() => {
            });
          }
          throw error;
        }
        return Promise.all(promises);
      }
    }
  });
  return generator;
}
function validateConcurrency(concurrency) {
  if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
    throw new TypeError("Expected `concurrency` to be a number from 1 and up");
  }
}

// src/in-flight.ts
import { join } from "node:path";

// src/in-flight/attachments.ts
async function attachmentsOf(feed, pending, report, deps) {
  const { item } = pending;
  const link = item.link ? { link: { url: item.link, title: item.title, description: item.summary } } : {};
  if (feed.image !== true || item.image === void 0 || deps.fetchImage === void 0) return link;
  try {
    const maxImages = (await deps.publisher.limits?.())?.maxImages ?? 0;
    if (maxImages < 1) return link;
    const { bytes, mime } = await deps.fetchImage(item.image);
    const image = { bytes, mime, alt: item.imageAlt ?? item.title };
    return { ...link, image };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const note = `The image of "${item.title}" was left out${deps.onTarget}: ${reason}`;
    deps.log.warning(`Feed '${feed.id}': ${note}`);
    report.notes.push(note);
    return link;
  }
}

// src/in-flight.ts
var loadCompose = () => import("./compose-WST2DHZ7.js");
async function containsUrl(text) {
  return (await loadCompose()).containsUrl(text);
}
var MAX_REJECTED_ATTEMPTS = 3;
var DUPLICATE_CHECK_WINDOW_MS = 24 * 60 * 60 * 1e3;
function networkLabel(network) {
  if (network === "mastodon") return "Mastodon";
  if (network === "bluesky") return "Bluesky";
  return "X";
}
async function settlePending(feedRun, deps, report) {
  const pending = feedRun.state?.pending;
  const publisher = deps.publisher;
  if (!pending || !publisher) return false;
  const label = networkLabel(publisher.network);
  const age = deps.now().getTime() - Date.parse(pending.at);
  if (publisher.lookup) {
    const found = await publisher.lookup(idempotencyKey(feedRun, pending, deps)).catch(() => void 0);
    if (found) {
      deps.log.info(
        `Feed '${feedRun.feed.id}': "${pending.item.title}" was being posted when the last run stopped; ${label} has it, so it is recorded as posted.`
      );
      await recordPost(feedRun, feedRun.state, found, deps, report);
      return false;
    }
  }
  if (age > (publisher.resendWindowMs ?? DUPLICATE_CHECK_WINDOW_MS)) {
    const reason = `a post of it was sent on ${pending.at} but its answer was never recorded, and it is too old to re-send safely (${label} only recognises a re-send of a recent post); check the account's timeline and post it by hand if it is missing`;
    deps.log.warning(
      `Feed '${feedRun.feed.id}': "${pending.item.title}" left unposted: ${reason}.`
    );
    giveUp(feedRun, report, pending.item.title, reason);
    await save(
      feedRun,
      failPost(feedRun.state, deps.now(), `uncertain: ${reason}`),
      deps
    );
    return false;
  }
  deps.log.info(
    `Feed '${feedRun.feed.id}': "${pending.item.title}" was being posted when the last run stopped; sending the same text again (${label} refuses it if the first one went out).`
  );
  await sendPending(feedRun, deps, report, { resend: true });
  return true;
}
async function sendPending(feedRun, deps, report, { resend = false } = {}) {
  const state = feedRun.state;
  const pending = state.pending;
  const publisher = deps.publisher;
  if (!pending || !publisher) return;
  const feedId = feedRun.feed.id;
  let post;
  try {
    const attachments = await attachmentsOf(feedRun.feed, pending, feedRun.report, {
      publisher,
      log: deps.log,
      onTarget: onTarget(deps),
      ...deps.fetchImage ? { fetchImage: deps.fetchImage } : {}
    });
    post = await publisher.publish(pending.text, {
      ...deps.target?.options,
      ...attachments,
      idempotencyKey: idempotencyKey(feedRun, pending, deps)
    });
  } catch (error) {
    const failure = error instanceof PublishError ? error : new PublishError(messageOf(error), "transient", { maybeSent: true });
    await settleFailure(feedRun, state, failure, resend || failure.details.maybeSent === true, {
      deps,
      report
    });
    if (failure.kind === "duplicate" || failure.kind === "rejected") return;
    const resumeAt = failure.details.resumeAt?.toISOString();
    report.stoppedPosting = {
      reason: failure.message,
      kind: failure.kind,
      ...resumeAt ? { resumeAt } : {}
    };
    if (failure.kind === "auth") report.problems.push(failure.message);
    if (failure.kind === "rate-limited" && resumeAt) {
      await deps.store.saveAccount({
        version: STATE_VERSION,
        postingPausedUntil: resumeAt,
        pauseReason: failure.message
      });
    }
    deps.log.warning(
      `Posting${onTarget(deps)} stopped for this run (feed '${feedId}'): ${failure.message}`
    );
    return;
  }
  await recordPost(feedRun, state, post, deps, report);
}
async function recordPost(feedRun, state, post, deps, report) {
  const pending = state.pending;
  const label = networkLabel(pending.network);
  notePosted(feedRun, report, {
    title: pending.item.title,
    text: pending.text,
    url: post.url,
    ...targetOf(deps)
  });
  try {
    await save(feedRun, finishPost(state, deps.now(), post, await containsUrl(pending.text)), deps);
  } catch (error) {
    const file = join(deps.store.dir, stateFileName(state.feedId));
    const problem = `"${pending.item.title}" was posted on ${label} (${post.url}) but writing ${file} failed: ${messageOf(error)}. The post stays in flight there; the next run sends the same text again and ${label}'s duplicate answer records it as posted.`;
    deps.log.warning(problem);
    report.problems.push(problem);
    report.stoppedPosting = { kind: "state", reason: `writing ${file} failed.` };
    return;
  }
  deps.log.info(`Posted "${pending.item.title}": ${post.url}`);
  for (const note of post.notes ?? []) {
    deps.log.warning(
      `Feed '${feedRun.feed.id}': "${pending.item.title}"${onTarget(deps)}: ${note}`
    );
    feedRun.report.notes.push(`"${pending.item.title}"${onTarget(deps)}: ${note}`);
  }
}
async function settleFailure(feedRun, state, failure, maybeSent, { deps, report }) {
  const pending = state.pending;
  const { title } = pending.item;
  const label = networkLabel(pending.network);
  if (failure.kind === "duplicate") {
    if (maybeSent) {
      deps.log.warning(
        `"${title}" was already on ${label} (${label} refused an exact duplicate), so it is recorded as posted.`
      );
      const post = failure.details.post;
      notePosted(feedRun, report, {
        title,
        text: pending.text,
        ...post ? { url: post.url } : {},
        ...targetOf(deps)
      });
      return save(
        feedRun,
        finishPost(state, deps.now(), post ?? {}, await containsUrl(pending.text)),
        deps
      );
    }
    const reason = identicalTextReason(feedRun.feed.template);
    deps.log.warning(`"${title}" given up: ${reason}.`);
    giveUp(feedRun, report, title, reason);
    return save(feedRun, failPost(state, deps.now(), reason), deps);
  }
  if (maybeSent) {
    const refused = failure.kind === "rejected" ? ` (${label} then refused it: ${failure.message})` : "";
    const line = `Feed '${feedRun.feed.id}': "${title}" may or may not have reached ${label}, so it stays in flight${refused}; the next run sends the same text again, and ${label} refuses it as a duplicate if it went out.`;
    deps.log.warning(line);
    report.notices.push(line);
    return;
  }
  if (failure.kind === "rejected") {
    const attempts = (pending.attempts ?? 0) + 1;
    if (attempts >= MAX_REJECTED_ATTEMPTS) {
      deps.log.warning(
        `"${title}" given up after ${attempts} rejected attempts: ${failure.message}`
      );
      giveUp(feedRun, report, title, failure.message);
      return save(feedRun, failPost(state, deps.now(), failure.message), deps);
    }
    deps.log.warning(
      `"${title}" was rejected (attempt ${attempts} of ${MAX_REJECTED_ATTEMPTS}): ${failure.message}`
    );
    return save(feedRun, requeuePost(state, true), deps);
  }
  return save(feedRun, requeuePost(state, false), deps);
}
function idempotencyKey(feedRun, pending, deps) {
  const key = `${feedRun.feed.id}/${pending.item.key}@${deps.target?.name ?? pending.network}`;
  const repost = feedRun.state?.done[pending.item.key]?.status === "posted";
  return repost ? `${key}~${pending.queuedAt}` : key;
}
function notePosted(feedRun, report, post) {
  feedRun.report.posted.push(post);
  report.postsInOrder.push(post);
}
function onTarget(deps) {
  return deps.target && (deps.targets?.length ?? 0) > 1 ? ` to '${deps.target.name}'` : "";
}
function targetOf(deps) {
  return deps.target ? { target: deps.target.name } : {};
}
function identicalTextReason(template) {
  const hint = template.includes("{date}") ? "make the template tell such items apart (e.g. add {summary})" : "add {date} to the template";
  return `X refuses a text identical to an earlier post; ${hint}`;
}
function giveUp(feedRun, report, title, reason) {
  feedRun.report.failed.push({ title, reason });
  report.problems.push(`Feed '${feedRun.feed.id}': "${title}" will not be posted: ${reason}`);
}
async function save(feedRun, state, deps) {
  feedRun.state = state;
  if (deps.publisher) await deps.store.save(state);
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/posting/gates.ts
async function postingGate(config, states, deps) {
  const now = deps.now();
  let account;
  try {
    account = await deps.store.loadAccount();
  } catch (error) {
    return { kind: "state", reason: messageOf(error) };
  }
  if (account.postingPausedUntil !== void 0) {
    if (Date.parse(account.postingPausedUntil) > now.getTime()) {
      return {
        kind: "rate-limited",
        reason: `an earlier run was told by X to wait (${account.pauseReason ?? "rate limit"}); this run does not try before then.`,
        resumeAt: account.postingPausedUntil
      };
    }
    await deps.store.saveAccount({ version: STATE_VERSION });
  }
  const hours = config.limits.postingHours;
  if (hours && !isWithinPostingHours(hours, now)) {
    const opens = nextOpening(hours, now);
    return {
      kind: "posting-hours",
      reason: `outside the posting hours (${describePostingHours(hours)}); queued items wait for the next run inside them.`,
      ...opens ? { resumeAt: opens.toISOString() } : {}
    };
  }
  return deps.publisher?.network === "x" ? monthlyBudgetStop(config, states, now, 0) : void 0;
}
function monthlyBudgetStop(config, states, now, nextPrice) {
  const budget = config.cost.monthlyBudgetUSD;
  if (budget === void 0) return void 0;
  const spent = costOf(monthTotals(states, now), config.cost.prices);
  if (nextPrice === 0 ? spent < budget : spent + nextPrice <= budget) return void 0;
  return {
    kind: "monthly-budget",
    reason: `cost.monthlyBudgetUSD ($${budget.toFixed(2)}) is reached for ${monthOf(now)}: about $${spent.toFixed(2)} spent on posts this month.`,
    resumeAt: startOfNextMonth(now).toISOString()
  };
}
function monthTotals(states, now) {
  const month = monthOf(now);
  let posts = 0;
  let postsWithUrl = 0;
  for (const state of states) {
    posts += state.months?.[month]?.posts ?? 0;
    postsWithUrl += state.months?.[month]?.postsWithUrl ?? 0;
  }
  return { posts, postsWithUrl };
}
async function lengthFor(publisher, network, contentWarning) {
  const rules = await import("./length-TOCRQ4MZ.js");
  if (network === "x") return rules.X_LENGTH;
  let length = network === "bluesky" ? rules.BLUESKY_LENGTH : rules.MASTODON_DEFAULT_LENGTH;
  if (publisher?.limits) length = (await publisher.limits()).length;
  return contentWarning ? rules.withContentWarning(length, contentWarning) : length;
}

// src/rules/budget.ts
function planPosts(feeds, maxPostsPerRun, remainingToday = Number.POSITIVE_INFINITY) {
  const cap = Math.min(maxPostsPerRun, remainingToday);
  const turns = feeds.filter((feed) => feed.queue.length > 0 && capOf(feed) > 0).map((feed) => ({ feed, taken: 0 })).sort(
    (a, b) => (a.feed.lastPostAt ?? "").localeCompare(b.feed.lastPostAt ?? "") || (a.feed.queue[0]?.queuedAt ?? "").localeCompare(b.feed.queue[0]?.queuedAt ?? "")
  );
  const plan = [];
  let progressed = true;
  while (plan.length < cap && progressed) {
    progressed = false;
    for (const turn of turns) {
      if (plan.length >= cap) break;
      const next = turn.feed.queue[turn.taken];
      if (!next || turn.taken >= capOf(turn.feed)) continue;
      plan.push({ feedId: turn.feed.feedId, key: next.item.key });
      turn.taken += 1;
      progressed = true;
    }
  }
  return plan;
}
function capOf(feed) {
  return Math.min(feed.maxPostsPerRun, feed.remainingToday ?? Number.POSITIVE_INFINITY);
}
function ageOf(queued, now) {
  const published = queued.item.published ? Date.parse(queued.item.published) : Number.NaN;
  const from = Number.isFinite(published) ? published : Date.parse(queued.queuedAt);
  return now.getTime() - from;
}
function tooOld(queue, maxAgeMs, now) {
  if (maxAgeMs === void 0) return [];
  return queue.filter((queued) => ageOf(queued, now) > maxAgeMs);
}
function dayWindowOpensAt(postTimes) {
  const oldest = [...postTimes].sort()[0];
  return oldest === void 0 ? void 0 : new Date(Date.parse(oldest) + DAY_MS);
}
var DAY_MS = 24 * 60 * 60 * 1e3;

// src/posting.ts
function postsAnywhere(deps) {
  return deps.targets ? deps.targets.some((target) => target.publisher) : Boolean(deps.publisher);
}
async function postQueued(runs, others, config, deps, report) {
  const targets = deps.targets ?? [{ name: PRIMARY_TARGET, publisher: deps.publisher }];
  const live = postsAnywhere(deps);
  if (live) {
    for (const feedRun of runs) {
      if (!feedRun.state) continue;
      const liveHere = targets.filter((target) => target.publisher && feedRun.feed.targets.includes(target.name)).map((target) => target.name);
      const synced = syncTargets(feedRun.state, liveHere, deps.now());
      if (synced === feedRun.state) continue;
      feedRun.state = synced;
      await deps.store.save(synced);
    }
  } else if (targets.length > 1) {
    for (const feedRun of runs) {
      if (feedRun.state)
        feedRun.state = syncTargets(feedRun.state, feedRun.feed.targets, deps.now());
    }
  }
  const byId = new Map(runs.map((feedRun) => [feedRun.feed.id, feedRun]));
  for (const target of targets) {
    const targetRuns = runs.filter((feedRun) => feedRun.feed.targets.includes(target.name)).map((feedRun) => targetRun(feedRun, target.name, target.publisher !== void 0, live));
    if (targetRuns.length === 0) continue;
    const { stoppedPosting: _stopped, cost: _cost, ...shared } = report;
    const targetReport = targets.length === 1 ? report : shared;
    if (targets.length > 1) deps.log.info(`Target '${target.name}':`);
    const targetDeps = {
      ...deps,
      publisher: target.publisher,
      target,
      store: targetStore(deps.store, target.name, byId)
    };
    await postQueuedTo(
      targetRuns,
      others.map((state) => targetView(state, target.name)),
      config,
      targetDeps,
      targetReport
    );
    if (!live) continue;
    report.targets ??= [];
    report.targets.push({
      name: target.name,
      network: target.publisher?.network ?? target.network ?? target.name,
      live: target.publisher !== void 0,
      posted: targetRuns.reduce(
        (sum, feedRun) => sum + feedRun.report.posted.filter((p) => p.target === target.name).length,
        0
      ),
      ...targetReport.stoppedPosting ? { stoppedPosting: targetReport.stoppedPosting } : {}
    });
  }
}
function targetRun(feedRun, target, live, runPosts) {
  if (!live) {
    return {
      feed: feedRun.feed,
      report: runPosts ? { ...feedRun.report, posted: [], failed: [], dropped: [] } : feedRun.report,
      state: feedRun.state && targetView(feedRun.state, target)
    };
  }
  return {
    feed: feedRun.feed,
    report: feedRun.report,
    get state() {
      return feedRun.state && targetView(feedRun.state, target);
    },
    set state(view) {
      if (feedRun.state && view) feedRun.state = withTargetView(feedRun.state, target, view);
    }
  };
}
function targetStore(store, target, byId) {
  return {
    ...store,
    async save(view) {
      const whole = byId.get(view.feedId)?.state;
      await store.save(whole ?? view);
    },
    async loadAccount() {
      if (target === PRIMARY_TARGET) return store.loadAccount();
      return accountView(await store.loadAccount(), target);
    },
    async saveAccount(view) {
      await store.saveAccount(withAccountView(await store.loadAccount(), target, view));
    }
  };
}
async function postQueuedTo(runs, others, config, deps, report) {
  const live = deps.publisher !== void 0;
  const allStates = () => [...statesOf(runs), ...others];
  await dropTooOld(runs, deps);
  const stop = live ? await postingGate(config, allStates(), deps) : void 0;
  if (stop) {
    report.stoppedPosting = stop;
    deps.log.warning(stoppedLine(stop));
    if (stop.kind === "state") report.problems.push(stop.reason);
    return;
  }
  const resent = /* @__PURE__ */ new Set();
  for (const feedRun of runs) {
    if (feedRun.state?.pending && !report.stoppedPosting) {
      if (await settlePending(feedRun, deps, report)) resent.add(feedRun.feed.id);
    }
  }
  const plan = planTurns(runs, allStates(), resent, config, live, deps.now(), report, deps.log);
  if (plan.length === 0) return;
  const byId = new Map(runs.map((feedRun) => [feedRun.feed.id, feedRun]));
  for (const planned of plan) {
    if (report.stoppedPosting) break;
    const feedRun = byId.get(planned.feedId);
    await postPlanned(feedRun, planned.key, allStates, config, deps, report);
  }
}
function statesOf(runs) {
  return runs.flatMap((feedRun) => feedRun.state ? [feedRun.state] : []);
}
function planTurns(runs, allStates, resent, config, live, now, report, log) {
  const dayStart = new Date(now.getTime() - DAY_MS);
  const postTimes = (state) => postTimesSince(state, dayStart);
  const globalTimes = allStates.flatMap(postTimes);
  const remainingToday = config.limits.maxPostsPerDay === void 0 ? Number.POSITIVE_INFINITY : Math.max(0, config.limits.maxPostsPerDay - globalTimes.length);
  const queues = runs.flatMap((feedRun) => {
    const state = feedRun.state;
    if (!state || live && state.pending) return [];
    const times = postTimes(state);
    const feedRemaining = feedRun.feed.maxPostsPerDay === void 0 ? void 0 : Math.max(0, feedRun.feed.maxPostsPerDay - times.length);
    if (feedRemaining === 0 && state.queue.length > 0) {
      const opens = dayWindowOpensAt(times);
      report.notices.push(
        `Feed '${feedRun.feed.id}' reached its maxPostsPerDay (${feedRun.feed.maxPostsPerDay} in 24 hours); ${plural(state.queue.length, "item")} wait${opens ? ` until after ${opens.toISOString()}` : ""}.`
      );
    }
    const last = lastPostAt(state);
    return [
      {
        feedId: feedRun.feed.id,
        maxPostsPerRun: feedRun.feed.maxPostsPerRun - (resent.has(feedRun.feed.id) ? 1 : 0),
        queue: state.queue,
        ...feedRemaining === void 0 ? {} : { remainingToday: feedRemaining },
        ...last === void 0 ? {} : { lastPostAt: last }
      }
    ];
  });
  const plan = planPosts(
    queues,
    Math.max(0, config.limits.maxPostsPerRun - resent.size),
    live ? remainingToday : Infinity
  );
  const waiting = queues.reduce((total, queue) => total + queue.queue.length, 0);
  if (live && remainingToday === 0 && waiting > 0) {
    const opens = dayWindowOpensAt(globalTimes);
    report.stoppedPosting = {
      kind: "daily-limit",
      reason: `limits.maxPostsPerDay (${config.limits.maxPostsPerDay} posts in 24 hours, all feeds) is reached; ${plural(waiting, "item")} wait.`,
      ...opens ? { resumeAt: opens.toISOString() } : {}
    };
    log.info(stoppedLine(report.stoppedPosting));
  }
  if (waiting === 0) log.info("Nothing to post.");
  else if (plan.length < waiting) {
    log.info(
      `${waiting} items wait; ${plan.length} go out in this run (limits.maxPostsPerRun ${config.limits.maxPostsPerRun}, the daily limits and each feed's maxPostsPerRun); the rest wait for later runs.`
    );
  }
  return plan;
}
async function postPlanned(feedRun, key, allStates, config, deps, report) {
  const queued = feedRun.state.queue.find((entry) => entry.item.key === key);
  if (!queued) return;
  const { composePost, ComposeError } = await loadCompose();
  const network = deps.publisher?.network ?? deps.target?.network ?? deps.target?.name ?? PRIMARY_TARGET;
  let text;
  try {
    const length = await lengthFor(deps.publisher, network, deps.target?.options?.contentWarning);
    const composed = composePost({ item: queued.item, feed: feedRun.feed, length });
    text = composed.text;
    if (!deps.publisher) {
      const { lengthUnit } = await import("./length-TOCRQ4MZ.js");
      const unit = length.network === "x" ? "" : ` ${lengthUnit(length)}`;
      const counted = `${composed.weightedLength}/${length.maxLength}${unit}`;
      const image = feedRun.feed.image && queued.item.image ? ` [image: ${queued.item.image}]` : "";
      deps.log.info(
        `Would post${onTarget(deps)} (${counted}): ${text.replaceAll("\n", " \u23CE ")}${image}`
      );
      const several = deps.target && (deps.targets?.length ?? 0) > 1;
      feedRun.report.posted.push({
        title: queued.item.title,
        text,
        counted,
        ...several && deps.target ? { target: deps.target.name } : {}
      });
      return;
    }
  } catch (error) {
    if (!(error instanceof ComposeError)) throw error;
    deps.log.warning(
      `Feed '${feedRun.feed.id}': "${queued.item.title}" cannot be posted${onTarget(deps)}: ${error.message}`
    );
    giveUp(feedRun, report, queued.item.title, error.message);
    if (deps.publisher) {
      const intent = startPost(feedRun.state, key, "", network, deps.now());
      await save(feedRun, failPost(intent, deps.now(), error.message), deps);
    }
    return;
  }
  if (network === "x") {
    const price = priceOf(await containsUrl(text), config.cost.prices);
    const overBudget = monthlyBudgetStop(config, allStates(), deps.now(), price);
    if (overBudget) {
      report.stoppedPosting = overBudget;
      deps.log.warning(stoppedLine(overBudget));
      return;
    }
  }
  await save(feedRun, startPost(feedRun.state, key, text, network, deps.now()), deps);
  await sendPending(feedRun, deps, report);
}
async function dropTooOld(runs, deps) {
  const now = deps.now();
  for (const feedRun of runs) {
    const state = feedRun.state;
    if (!state || feedRun.feed.maxAgeMs === void 0) continue;
    const old = tooOld(state.queue, feedRun.feed.maxAgeMs, now);
    if (old.length === 0) continue;
    let next = state;
    const hours = Math.round(feedRun.feed.maxAgeMs / 36e5);
    for (const queued of old) {
      const since = queued.item.published ?? queued.queuedAt;
      const reason = `not posted: older than maxAge (${hours} hours) when its turn came (dated ${since})`;
      deps.log.info(`Feed '${feedRun.feed.id}': "${queued.item.title}" dropped, ${reason}.`);
      feedRun.report.dropped.push({ title: queued.item.title, reason });
      next = dropQueued(next, queued.item.key, now, reason);
    }
    await save(feedRun, next, deps);
  }
}
function costReport(runs, others, config, now) {
  const states = [...statesOf(runs), ...others];
  const totals = monthTotals(states, now);
  return {
    month: monthOf(now),
    ...totals,
    estimatedUSD: costOf(totals, config.cost.prices),
    ...config.cost.monthlyBudgetUSD === void 0 ? {} : { budgetUSD: config.cost.monthlyBudgetUSD }
  };
}

// src/rules/events.ts
function eventSkipReason(item, now) {
  const event = item.event;
  if (!event) return void 0;
  const post = item.eventPost;
  if (post) {
    if (Date.parse(post.until) <= now.getTime()) {
      return post.kind === "reminder" && eventSpan(event).endMs > now.getTime() ? "not posted: the event started before the reminder's turn came" : `not posted: the event is over (${event.end ?? event.start})`;
    }
    if (post.kind === "change") return void 0;
  }
  if (event.status === "cancelled") return "not posted: the event is cancelled";
  if (event.status === "postponed") return "not posted: the event is postponed (no new date yet)";
  if (eventSpan(event).endMs <= now.getTime()) {
    return `not posted: the event is over (${event.end ?? event.start})`;
  }
  return void 0;
}
function dropUnpostableEvents(state, now) {
  let next = state;
  const dropped = [];
  for (const { item } of state.queue) {
    const reason = eventSkipReason(withLatestEvent(item, state.events ?? {}), now);
    if (reason === void 0) continue;
    next = dropQueued(next, item.key, now, reason);
    dropped.push({ item, reason });
  }
  return { state: next, dropped };
}
function withLatestEvent(item, events) {
  if (!item.event) return item;
  const latest = events[item.eventPost ? eventKeyOf(item.key, events) ?? "" : item.key];
  return latest?.item.event ? { ...item, event: latest.item.event } : item;
}
function eventKeyOf(key, events) {
  let found;
  for (const eventKey of Object.keys(events)) {
    if (key.startsWith(`${eventKey}#`) && eventKey.length > (found?.length ?? -1)) found = eventKey;
  }
  return found;
}
function brokenEvents(state, events, now) {
  const before = state.brokenEvents ?? {};
  const remembered = {};
  const broken = [];
  for (const event of events.filter(isSkipped)) {
    const problem = problemOf(event);
    const toldAt = before[problem];
    remembered[problem] = toldAt ?? now.toISOString();
    broken.push(toldAt === void 0 ? { event } : { event, toldAt });
  }
  const unchanged = Object.keys(remembered).length === Object.keys(before).length && Object.entries(remembered).every(([problem, at]) => before[problem] === at);
  if (unchanged) return { state, broken };
  const { brokenEvents: _old, ...rest } = state;
  const next = Object.keys(remembered).length > 0 ? { ...rest, brokenEvents: remembered } : rest;
  return { state: next, broken };
}
function problemOf(event) {
  return skippedEventLine({ ...event, skipped: event.skipped.replace(/^line \d+: /, "") });
}

// src/rules/similar-titles.ts
var SAME_STORY_MIN_SHARED = 3;
var SAME_STORY_MIN_JACCARD = 0.5;
var STOP_WORDS = new Set(
  "le la les un une des de du et ou au aux en dans sur sous pour par avec sans ce cet cette ces son sa ses leur leurs qui que quoi dont est sont il elle ils elles on nous vous se ne pas plus selon comme mais car donc fait faire apres avant entre chez tout tous toute toutes tres the an of to in on for with and or is are was were be at by from as its it this that these those new how why what who will can has have do does not no after over into about says".split(" ")
);
function storyWords(title) {
  const words = /* @__PURE__ */ new Set();
  for (const word of wordsOf(title)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    words.add(word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word);
  }
  return [...words];
}
function isSameStory(shared, a, b) {
  return shared >= SAME_STORY_MIN_SHARED && shared / (a + b - shared) >= SAME_STORY_MIN_JACCARD;
}
var StoryIndex = class {
  byWord = /* @__PURE__ */ new Map();
  entries = [];
  add(words, value) {
    const id = this.entries.push({ words, value }) - 1;
    for (const word of words) {
      const ids = this.byWord.get(word);
      if (ids) ids.push(id);
      else this.byWord.set(word, [id]);
    }
  }
  /** The first title added that tells the same story and that `accept` takes, if any. */
  find(words, accept) {
    const shared = /* @__PURE__ */ new Map();
    for (const word of words) {
      for (const id of this.byWord.get(word) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    let found;
    for (const [id, count] of shared) {
      const entry = this.entries[id];
      if (entry === void 0 || found !== void 0 && id > found) continue;
      if (isSameStory(count, words.length, entry.words.length) && accept(entry.value)) found = id;
    }
    return found === void 0 ? void 0 : this.entries[found]?.value;
  }
};

// src/rules/one-story.ts
function oneStoryOnce(feeds, now) {
  const articles = /* @__PURE__ */ new Map();
  const stories = new StoryIndex();
  const longestWindow = Math.max(0, ...feeds.map((feed) => feed.sameStoryWithinMs ?? 0));
  const recentSince = new Date(now.getTime() - longestWindow).toISOString();
  const claimArticle = (article, claim) => {
    if (article !== void 0 && !articles.has(article)) articles.set(article, claim);
  };
  for (const { feedId, state } of feeds) {
    for (const [key, outcome] of Object.entries(state.done)) {
      if (outcome.status !== "posted") continue;
      const claim = { feedId, key, title: outcome.title, how: "posted", at: outcome.at };
      claimArticle(outcome.canonical ?? canonicalUrl(key), claim);
      if (longestWindow > 0 && outcome.title !== void 0 && outcome.at >= recentSince) {
        stories.add(storyWords(outcome.title), claim);
      }
    }
    const pending = state.pending;
    if (pending) {
      const { item } = pending;
      const claim = {
        feedId,
        key: item.key,
        title: item.title,
        how: "in flight",
        at: pending.at
      };
      if (item.event === void 0) claimArticle(canonicalOf(item), claim);
      if (longestWindow > 0) stories.add(storyWords(item.title), claim);
    }
  }
  const waiting = feeds.flatMap(
    (feed, order) => feed.state.queue.map((queued, index) => ({ feed, order, index, queued }))
  );
  waiting.sort(
    (a, b) => Date.parse(a.queued.queuedAt) - Date.parse(b.queued.queuedAt) || a.order - b.order || a.index - b.index
  );
  const skipped = /* @__PURE__ */ new Map();
  for (const { feed, queued } of waiting) {
    const { item } = queued;
    const self = (claim2) => claim2.feedId === feed.feedId && claim2.key === item.key;
    const article = item.event === void 0 ? canonicalOf(item) : void 0;
    const words = longestWindow > 0 ? storyWords(item.title) : [];
    const reposted = feed.state.reposts?.[item.key] !== void 0;
    let reason;
    if (!reposted) {
      const first = article === void 0 ? void 0 : articles.get(article);
      if (first !== void 0 && first.feedId !== feed.feedId)
        reason = `duplicate: the same article as ${shown(first)}`;
      const window = feed.sameStoryWithinMs;
      if (reason === void 0 && window !== void 0) {
        const since = new Date(now.getTime() - window).toISOString();
        const story = stories.find(
          words,
          (claim2) => !self(claim2) && (claim2.how === "queued" || claim2.at >= since)
        );
        if (story !== void 0) {
          reason = `same story as ${shown(story)} (sameStoryWithin: ${duration(window)})`;
        }
      }
    }
    if (reason !== void 0 && feed.inRun) {
      const list = skipped.get(feed.feedId) ?? [];
      list.push({ item, reason });
      skipped.set(feed.feedId, list);
      continue;
    }
    if (reason !== void 0) continue;
    const claim = {
      feedId: feed.feedId,
      key: item.key,
      title: item.title,
      how: "queued",
      at: queued.queuedAt
    };
    claimArticle(article, claim);
    if (longestWindow > 0) stories.add(words, claim);
  }
  const at = now.toISOString();
  const states = /* @__PURE__ */ new Map();
  for (const feed of feeds) {
    const list = skipped.get(feed.feedId);
    if (!list) continue;
    const keys = new Set(list.map(({ item }) => item.key));
    const done = { ...feed.state.done };
    for (const { item, reason } of list) {
      done[item.key] = { status: "skipped", at, reason, ...storyRecord(item) };
    }
    const queue = feed.state.queue.filter(({ item }) => !keys.has(item.key));
    states.set(feed.feedId, { ...feed.state, queue, done });
  }
  return { states, skipped };
}
function shown(claim) {
  const title = claim.title === void 0 ? "an item" : `"${claim.title}"`;
  const when = claim.how === "queued" ? "" : ` on ${claim.at}`;
  const how = claim.how === "queued" ? "queued first" : claim.how === "posted" ? "posted" : "being posted";
  return `${title}, ${how} by '${claim.feedId}'${when}`;
}
function duration(ms) {
  const hours = Math.round(ms / 36e5);
  return hours % 24 === 0 ? `${hours / 24}d` : `${hours}h`;
}

// src/queue-steps.ts
var SKIPPED_LINES = 20;
var UPCOMING_MS = 14 * 864e5;
async function skipRepeatedStories(runs, others, deps, dryRun) {
  const inRun = runs.flatMap(
    (feedRun) => feedRun.state ? [
      {
        feedId: feedRun.feed.id,
        // A paused feed's waiting items claim no article: they may wait a long time.
        state: feedRun.feed.pause ? { ...feedRun.state, queue: [] } : feedRun.state,
        inRun: true,
        ...feedRun.feed.sameStoryWithinMs === void 0 ? {} : { sameStoryWithinMs: feedRun.feed.sameStoryWithinMs }
      }
    ] : []
  );
  const outside = others.map((state) => ({ feedId: state.feedId, state, inRun: false }));
  const result = oneStoryOnce([...inRun, ...outside], deps.now());
  for (const feedRun of runs) {
    const state = result.states.get(feedRun.feed.id);
    if (!state) continue;
    feedRun.state = state;
    const skipped = result.skipped.get(feedRun.feed.id) ?? [];
    reportSkipped(feedRun.report, skipped, deps.log, `Feed '${feedRun.feed.id}': `);
    if (!dryRun) await deps.store.save(state);
  }
}
function reportSkipped(report, skipped, log, prefix = "") {
  for (const { item, reason } of skipped) report.skipped.push({ title: item.title, reason });
  for (const { item, reason } of skipped.slice(0, SKIPPED_LINES)) {
    log.info(`${prefix}Skipped: "${item.title}" \u2014 ${reason}.`);
  }
  if (skipped.length > SKIPPED_LINES) {
    log.info(`${prefix}\u2026 and ${plural(skipped.length - SKIPPED_LINES, "more item")} skipped.`);
  }
}
async function planEvents(feedRun, fetched, deps, dryRun) {
  const settings = feedRun.feed.eventPosts;
  if (!feedRun.state || !settings) return;
  const now = deps.now();
  const plan = planEventPosts(feedRun.state, fetched, settings, now);
  for (const item of plan.held) {
    deps.log.info(`"${item.title}" held: announced once it starts within announceWithin.`);
  }
  for (const item of plan.queued) deps.log.info(`Event post: "${item.title}" queued.`);
  for (const { item, reason } of plan.dropped) {
    deps.log.info(`"${item.title}" dropped, ${reason}.`);
    feedRun.report.dropped.push({ title: item.title, reason });
  }
  feedRun.report.newItems += plan.queued.length - plan.held.length;
  feedRun.report.upcoming = upcomingEventPosts(plan.state, settings, now, UPCOMING_MS);
  for (const post of feedRun.report.upcoming.slice(0, SKIPPED_LINES)) {
    deps.log.info(`Coming: ${post.kind} "${post.title}", due from ${post.due}.`);
  }
  const changed = JSON.stringify(plan.state) !== JSON.stringify(feedRun.state);
  feedRun.state = plan.state;
  if (changed && !dryRun) await deps.store.save(plan.state);
}
async function dropUnpostable(feedRun, fetched, deps, dryRun) {
  if (!feedRun.state) return;
  const now = deps.now();
  let state = fetched ? refreshTargetQueues(feedRun.state, fetched) : feedRun.state;
  const byKey = /* @__PURE__ */ new Map();
  for (const target of targetsOf(state)) {
    const result = dropUnpostableEvents(targetView(state, target), now);
    if (result.dropped.length === 0) continue;
    state = withTargetView(state, target, result.state);
    for (const { item, reason } of result.dropped) {
      const entry = byKey.get(item.key) ?? { item, reason, targets: [] };
      entry.targets.push(target);
      byKey.set(item.key, entry);
    }
  }
  if (byKey.size === 0 && state === feedRun.state) return;
  for (const { item, reason, targets } of byKey.values()) {
    const where = targets.includes(PRIMARY_TARGET) ? "" : ` (${targets.join(", ")})`;
    deps.log.info(`"${item.title}" dropped${where}, ${reason}.`);
    feedRun.report.dropped.push({ title: item.title, reason });
  }
  feedRun.state = state;
  if (!dryRun) await deps.store.save(state);
}
async function tellBrokenEvents(feedRun, parsed, deps, dryRun) {
  if (!feedRun.state || !parsed?.events) return;
  const { state, broken } = brokenEvents(feedRun.state, parsed.events, deps.now());
  for (const { event, toldAt } of broken) {
    const line = skippedEventLine(event);
    if (toldAt === void 0 || dryRun) {
      feedRun.report.notes.push(line);
      deps.log.warning(`Feed '${feedRun.feed.id}': ${line}`);
    } else {
      deps.log.info(`${line} Warned on ${toldAt}; not repeated until it changes.`);
    }
  }
  if (state === feedRun.state) return;
  feedRun.state = state;
  if (!dryRun) await deps.store.save(state);
}

// src/rules/dedupe.ts
import { createHash } from "node:crypto";

// src/rules/same-story.ts
var UNDATED_REKEY_MIN_TITLES = 3;
function changedIdentity(state, listed, unknown, listedIdentities) {
  const left = storiesNoLongerListed(state, listedIdentities);
  const moved = /* @__PURE__ */ new Set();
  if (left.size === 0) return moved;
  const wholeFeed = unknown.length === listed.length;
  const undatedTitles = new Set(
    unknown.flatMap((item) => {
      const story = item.published ? void 0 : storyOf(item);
      return story !== void 0 && left.has(story) ? [story] : [];
    })
  );
  const undatedMatch = wholeFeed && undatedTitles.size >= UNDATED_REKEY_MIN_TITLES;
  for (const item of unknown) {
    if (!item.published && !undatedMatch) continue;
    const story = storyOf(item);
    const count = story === void 0 ? 0 : left.get(story) ?? 0;
    if (story === void 0 || count === 0) continue;
    left.set(story, count - 1);
    moved.add(item);
  }
  return moved;
}
function storiesNoLongerListed(state, listed) {
  const counts = /* @__PURE__ */ new Map();
  const add = (story) => {
    if (story !== void 0) counts.set(story, (counts.get(story) ?? 0) + 1);
  };
  for (const [key, outcome] of Object.entries(state.done)) {
    if (!listed.has(key)) add(outcome.story);
  }
  const waiting = state.pending ? [...state.queue, state.pending] : state.queue;
  for (const { item } of waiting) {
    if (!listed.has(item.key)) add(storyOf(item));
  }
  return counts;
}

// src/rules/dedupe.ts
var RETAINED_RECORDS_BEYOND_FEED = 200;
var REKEYED_FEED_MIN_ITEMS = 10;
function oldestFirst(items) {
  const reversed = [...items].reverse();
  if (!items.every((item) => item.published)) return reversed;
  return reversed.sort((a, b) => Date.parse(a.published ?? "") - Date.parse(b.published ?? ""));
}
function dedupeItems(previous, settings, fetched, validators, now) {
  const at = now.toISOString();
  const firstSight = !previous || previous.neverFetched === true;
  const { neverFetched: _first, ...initial } = previous ?? emptyState(settings.feedId);
  const distrustGuids = initial.unreliableGuids === true || fetched.guidsRepeated === true;
  let base = initial;
  if (distrustGuids && !initial.unreliableGuids) {
    base = { ...forgetGuids(initial, fetched.items), unreliableGuids: true };
  }
  const items = distrustGuids ? fetched.items.map(withoutGuid) : fetched.items;
  const ordered = oldestFirst(items);
  const isKnown = keyChecker(base);
  const known = (item) => identities(item).some(isKnown);
  const fresh = ordered.filter((item) => !known(item));
  const inFeed = new Set(items.flatMap(identities));
  let toQueue = fresh;
  let recordedAsSeen = [];
  let skipped = [];
  let warning;
  if (firstSight) {
    const screened = screen(fresh, settings.screen);
    skipped = screened.skipped;
    const postable = Math.min(settings.firstRunPosts, screened.passing.length);
    toQueue = screened.passing.slice(screened.passing.length - postable);
    recordedAsSeen = screened.passing.slice(0, screened.passing.length - postable);
  } else if (fresh.length > 0) {
    const moved = changedIdentity(base, items, fresh, inFeed);
    const flood = looksRekeyed(base, items.length, fresh.length);
    const screened = screen(flood ? [] : fresh.filter((item) => !moved.has(item)), settings.screen);
    toQueue = screened.passing;
    skipped = screened.skipped;
    recordedAsSeen = flood ? fresh : fresh.filter((item) => moved.has(item));
    warning = rekeyWarning(moved.size, recordedAsSeen.length - moved.size, items.length);
  }
  const current = new Map(items.map((item) => [item.key, item]));
  const queue = base.queue.map((queued) => {
    const latest = current.get(queued.item.key);
    return latest ? { ...queued, item: latest } : queued;
  });
  for (const item of toQueue) queue.push({ item, queuedAt: at });
  const done = { ...base.done };
  for (const item of recordedAsSeen) done[item.key] = { status: "seen", at, ...storyRecord(item) };
  for (const { item, reason } of skipped) {
    done[item.key] = { status: "skipped", at, reason, ...storyRecord(item) };
  }
  addMissingStories(done, items);
  const maxItemsSeen = Math.max(base.maxItemsSeen ?? 0, items.length);
  return {
    state: {
      ...base,
      validators: validatorsToKeep(base.validators, validators, fetched.items),
      queue,
      done: pruneDone(done, inFeed, Math.max(RETAINED_RECORDS_BEYOND_FEED, 2 * maxItemsSeen), now),
      ...maxItemsSeen > 0 ? { maxItemsSeen } : {},
      ...firstSight && items.length === 0 ? { neverFetched: true } : {}
    },
    firstSight,
    queued: toQueue,
    recordedAsSeen,
    skipped,
    ...warning ? { warning } : {}
  };
}
function screen(items, rules) {
  const passing = [];
  const skipped = [];
  for (const item of items) {
    const reason = rules?.(item);
    if (reason === void 0) passing.push(item);
    else skipped.push({ item, reason });
  }
  return { passing, skipped };
}
function validatorsToKeep(previous, fetched, items) {
  if (previous.url !== fetched.url) return withContentHash(fetched, items);
  const same = previous.etag === fetched.etag && previous.lastModified === fetched.lastModified;
  if (same) return previous;
  const next = withContentHash(fetched, items);
  return next.contentHash === previous.contentHash ? previous : next;
}
function withContentHash(validators, items) {
  const digest = createHash("sha256").update(JSON.stringify(items)).digest("hex");
  return { ...validators, contentHash: digest.slice(0, 16) };
}
function identities(item) {
  const keys = [item.key, ...item.altKeys ?? []];
  if (item.keyWithoutGuid) keys.push(item.keyWithoutGuid);
  return keys;
}
function withoutGuid(item) {
  if (!item.keyWithoutGuid) return item;
  const { keyWithoutGuid, ...rest } = item;
  return { ...rest, key: keyWithoutGuid };
}
function forgetGuids(state, items) {
  const done = { ...state.done };
  const byGuid = /* @__PURE__ */ new Map();
  for (const item of items) {
    if (item.keyWithoutGuid === void 0) continue;
    byGuid.set(item.key, withoutGuid(item));
    const outcome = done[item.key];
    if (outcome && !Object.hasOwn(done, item.keyWithoutGuid)) {
      delete done[item.key];
      done[item.keyWithoutGuid] = outcome;
    }
  }
  const queue = state.queue.map((queued) => {
    const item = byGuid.get(queued.item.key);
    return item ? { ...queued, item } : queued;
  });
  return { ...state, done, queue };
}
function addMissingStories(done, items) {
  for (const item of items) {
    const key = identities(item).find((identity) => Object.hasOwn(done, identity));
    const outcome = key === void 0 ? void 0 : done[key];
    if (key === void 0 || outcome === void 0 || outcome.story !== void 0) continue;
    const story = storyRecord(item);
    if (story.story !== void 0) done[key] = { ...outcome, ...story };
  }
}
function rekeyWarning(moved, guarded, listed) {
  const movedNote = moved === 0 ? "" : `${moved === 1 ? "1 item" : `${moved} items`} changed identity (new guid or link, same title and date): recorded, not posted. `;
  if (guarded === 0) return moved === 0 ? void 0 : movedNote.trim();
  const guardedNote = moved === 0 ? `All ${listed} items of the feed look new: the feed probably changed how it identifies its items, or its address now serves another feed. They were recorded without posting, ` : `${guarded === 1 ? "The other item looks" : `The other ${guarded} items look`} new too, but a known feed does not publish ${listed} items at once: recorded without posting, `;
  return `${movedNote}${guardedNote}to avoid flooding followers. If they really are new, post the ones that matter by hand; the feed's next new items will be posted as usual.`;
}
function looksRekeyed(state, listed, unknown) {
  const hasRecords = Object.keys(state.done).length > 0 || state.queue.length > 0;
  return hasRecords && listed >= REKEYED_FEED_MIN_ITEMS && unknown === listed;
}
var KEEP_POSTS_MS = 24 * 60 * 60 * 1e3;
function pruneDone(done, inFeed, retained, now) {
  const recent = new Date(now.getTime() - KEEP_POSTS_MS).toISOString();
  const beyondFeed = Object.keys(done).filter(
    (key) => !inFeed.has(key) && !(done[key]?.status === "posted" && (done[key]?.at ?? "") >= recent)
  );
  if (beyondFeed.length <= retained) return done;
  const dropped = beyondFeed.sort((a, b) => (done[b]?.at ?? "").localeCompare(done[a]?.at ?? "") || a.localeCompare(b)).slice(retained);
  const kept = { ...done };
  for (const key of dropped) delete kept[key];
  return kept;
}

// src/rules/feed-health.ts
function recordFailure(state, feedId, now, alertAfterMs) {
  const failingSince = state?.failingSince ?? now.toISOString();
  const next = state === void 0 ? { ...emptyState(feedId), failingSince, neverFetched: true } : state.failingSince === void 0 ? { ...state, failingSince } : state;
  const alert = now.getTime() - Date.parse(failingSince) >= alertAfterMs;
  return { state: next, health: { kind: "failing", failingSince, alert } };
}
function recordSuccess(state) {
  if (state?.failingSince === void 0) return { state, health: { kind: "ok" } };
  const { failingSince, ...rest } = state;
  return { state: rest, health: { kind: "recovered", failingSince } };
}

// src/rules/overrides.ts
var SKIP_REASON = "listed under skip: in feeds.yml";
var PAUSE_REASON = "the feed is paused (pause: true in feeds.yml)";
function identities2(item) {
  const keys = [item.key, ...item.altKeys ?? []];
  if (item.keyWithoutGuid) keys.push(item.keyWithoutGuid);
  return keys;
}
function listedIn(refs) {
  const exact = new Set(refs);
  const articles = new Set(refs.flatMap((ref) => canonicalUrl(ref) ?? []));
  return (item) => {
    if (identities2(item).some((key) => exact.has(key))) return true;
    if (item.link !== void 0 && exact.has(item.link)) return true;
    const article = canonicalOf(item);
    return article !== void 0 && articles.has(article);
  };
}
function overrideScreen(overrides, filter) {
  const skipped = overrides.skip ? listedIn(overrides.skip) : () => false;
  return (item) => {
    if (skipped(item)) return SKIP_REASON;
    if (overrides.pause) return PAUSE_REASON;
    return filter?.(item);
  };
}
async function screensOf(feeds) {
  const compiled = /* @__PURE__ */ new Map();
  const screens = /* @__PURE__ */ new Map();
  for (const feed of feeds) {
    let filter;
    if (feed.filter) {
      const spec = JSON.stringify(feed.filter);
      filter = compiled.get(spec) ?? compileFilter(feed.filter);
      compiled.set(spec, filter);
    }
    screens.set(feed.id, overrideScreen(feed, filter ? await filter : void 0));
  }
  return screens;
}
function applyOverrides(state, items, overrides, now) {
  if (!overrides.skip && !overrides.repost && !state.reposts) {
    return { state, skipped: [], reposted: [], warnings: [] };
  }
  const at = now.toISOString();
  const done = { ...state.done };
  let queue = [...state.queue];
  const skipped = [];
  if (overrides.skip) {
    const named = listedIn(overrides.skip);
    queue = queue.filter(({ item }) => {
      if (!named(item)) return true;
      skipped.push({ item, reason: SKIP_REASON });
      done[item.key] = { status: "skipped", at, reason: SKIP_REASON };
      return false;
    });
  }
  if (items === void 0)
    return { state: { ...state, done, queue }, skipped, reposted: [], warnings: [] };
  const reposts = {};
  const reposted = [];
  const warnings = [];
  const byIdentity = new Map(items.flatMap((item) => identities2(item).map((key) => [key, item])));
  const waiting = new Set(queue.map(({ item }) => item.key));
  if (state.pending) waiting.add(state.pending.item.key);
  for (const ref of overrides.repost ?? []) {
    const item = byIdentity.get(ref);
    const key = item?.key ?? ref;
    const when = state.reposts?.[ref] ?? state.reposts?.[key];
    if (when !== void 0) {
      reposts[ref] = when;
      continue;
    }
    if (item === void 0) {
      warnings.push(
        `repost: "${ref}" is not in the feed any more, and crieur keeps no copy of an item's text once it is done, so it cannot post it again; remove it from repost: in feeds.yml.`
      );
      continue;
    }
    reposts[ref] = at;
    if (waiting.has(key)) continue;
    queue.push({ item, queuedAt: at });
    reposted.push(item);
  }
  const { reposts: _old, ...rest } = state;
  return {
    state: {
      ...rest,
      done,
      queue,
      ...Object.keys(reposts).length > 0 ? { reposts } : {}
    },
    skipped,
    reposted,
    warnings
  };
}

// src/run.ts
var loadParse = () => import("./parse-DZWMZJHI.js");
async function run(config, deps, options = {}) {
  const dryRun = !postsAnywhere(deps);
  const feeds = config.feeds.filter(
    (feed) => !options.feedIds || options.feedIds.includes(feed.id)
  );
  const report = {
    dryRun,
    startedAt: deps.now().toISOString(),
    feeds: [],
    problems: [],
    notices: [],
    postsInOrder: []
  };
  const screens = await screensOf(feeds);
  const queuedAt = deps.now();
  const limit = pLimit(config.fetch.concurrency);
  const recorded = await Promise.all(
    feeds.map(
      (feed) => limit(async () => {
        const lines = bufferedLog();
        const problems = [];
        const outcome = await loadAndFetch(feed, deps);
        const feedRun = await recordFeed(
          feed,
          outcome,
          config,
          { ...deps, log: lines.log },
          { dryRun, screen: screens.get(feed.id), queuedAt },
          problems
        );
        const parsed = outcome.ok ? outcome.parsed : void 0;
        await tellBrokenEvents(feedRun, parsed, { ...deps, log: lines.log }, dryRun);
        const fetched = parsed?.items;
        await planEvents(feedRun, fetched, { ...deps, log: lines.log }, dryRun);
        await dropUnpostable(feedRun, fetched, { ...deps, log: lines.log }, dryRun);
        return { feedRun, lines, problems };
      })
    )
  );
  const runs = [];
  for (const { feedRun, lines, problems } of recorded) {
    await deps.log.group(
      `Feed '${feedRun.feed.id}' (${feedRun.feed.url})`,
      async () => lines.replayTo(deps.log)
    );
    report.feeds.push(feedRun.report);
    report.problems.push(...problems);
    runs.push(feedRun);
  }
  const others = await loadOthers(feeds, deps);
  await skipRepeatedStories(runs, others, deps, dryRun);
  const posting = runs.filter((feedRun) => !feedRun.feed.pause);
  const paused = runs.flatMap(
    (feedRun) => feedRun.feed.pause && feedRun.state ? [feedRun.state] : []
  );
  await deps.log.group(
    dryRun ? "Posts (dry run: nothing is sent)" : "Posts",
    () => postQueued(posting, [...others, ...paused], config, deps, report)
  );
  for (const feedRun of runs) {
    feedRun.report.queued = feedRun.state?.queue.length ?? 0;
  }
  report.cost = costReport(runs, others, config, deps.now());
  return report;
}
async function loadAndFetch(feed, deps) {
  let state;
  try {
    state = await deps.store.load(feed.id);
  } catch (error) {
    return { ok: false, stage: "state", state: void 0, error: messageOf(error) };
  }
  try {
    const validators = state?.validators ?? {};
    const sameAddress = validators.url === void 0 || validators.url === feed.url;
    const repostDue = feed.repost?.some((key) => state?.reposts?.[key] === void 0) === true;
    const result = await deps.fetchFeed(feed.url, sameAddress && !repostDue ? validators : {});
    const parsed = result.kind === "fetched" ? await (await loadParse()).parseFeed(result.text, result.url, {
      now: deps.now(),
      horizonMs: feed.horizonMs,
      ...feed.timeZone ? { timeZone: feed.timeZone } : {},
      ...feed.type ? { type: feed.type } : {}
    }) : void 0;
    return { ok: true, state, result, parsed };
  } catch (error) {
    return { ok: false, stage: "fetch", state, error: messageOf(error) };
  }
}
async function recordFeed(feed, outcome, config, deps, {
  dryRun,
  screen: screen2,
  queuedAt
}, problems) {
  const report = {
    feedId: feed.id,
    name: feed.name,
    url: feed.url,
    fetch: "failed",
    firstSight: false,
    newItems: 0,
    recordedAsSeen: 0,
    notes: [],
    posted: [],
    failed: [],
    dropped: [],
    skipped: [],
    queued: 0,
    ...feed.pause ? { paused: true } : {}
  };
  if (!outcome.ok && outcome.stage === "state") {
    report.error = outcome.error;
    deps.log.warning(`Feed '${feed.id}' skipped: ${outcome.error}`);
    problems.push(`Feed '${feed.id}': ${outcome.error}`);
    return { feed, state: void 0, report };
  }
  if (!outcome.ok) {
    report.error = outcome.error;
    const failing = recordFailure(outcome.state, feed.id, deps.now(), config.fetch.alertAfterMs);
    if (!dryRun && failing.state !== outcome.state) await deps.store.save(failing.state);
    if (failing.health.kind === "failing") {
      report.failing = { since: failing.health.failingSince, alert: failing.health.alert };
      if (failing.health.alert) {
        problems.push(
          `Feed '${feed.id}' has been failing since ${failing.health.failingSince} (longer than ${config.fetch.alertAfterMs / 36e5} hours): ${outcome.error} Check that ${feed.url} still works in a browser, and fix or remove the feed in ${config.file}.`
        );
      }
    }
    deps.log.warning(`Feed '${feed.id}' skipped: ${outcome.error}`);
    return { feed, state: failing.state, report };
  }
  const healthy = recordSuccess(outcome.state);
  if (healthy.health.kind === "recovered") {
    report.recoveredFrom = healthy.health.failingSince;
    deps.log.info(`Feed '${feed.id}' works again (it was failing since ${report.recoveredFrom}).`);
  }
  if (outcome.result.kind === "not-modified" || !outcome.parsed) {
    report.fetch = "not-modified";
    deps.log.info("Not modified since the last run (HTTP 304): nothing new.");
    let state = healthy.state;
    if (state && feed.skip) {
      const overridden2 = applyOverrides(state, void 0, feed, deps.now());
      reportSkipped(report, overridden2.skipped, deps.log);
      if (overridden2.skipped.length > 0) state = overridden2.state;
    }
    if (!dryRun && state && state !== outcome.state) await deps.store.save(state);
    return { feed, state, report };
  }
  report.fetch = "fetched";
  const { parsed, result } = { parsed: outcome.parsed, result: outcome.result };
  report.notes.push(...result.notes, ...parsed.notes);
  for (const note of report.notes) deps.log.info(`Note: ${note}`);
  deps.log.info(`Fetched ${plural(parsed.items.length, "item")} (${result.bytes} bytes).`);
  const deduped = dedupeItems(
    healthy.state,
    { feedId: feed.id, firstRunPosts: feed.firstRunPosts, ...screen2 ? { screen: screen2 } : {} },
    parsed,
    { ...result.validators, url: feed.url },
    queuedAt
  );
  const overridden = applyOverrides(deduped.state, parsed.items, feed, deps.now());
  if (deduped.warning) {
    report.notes.push(deduped.warning);
    deps.log.warning(`Feed '${feed.id}': ${deduped.warning}`);
  }
  report.firstSight = deduped.firstSight;
  report.newItems = deduped.queued.length;
  report.recordedAsSeen = deduped.recordedAsSeen.length;
  if (deduped.firstSight) {
    deps.log.info(
      `First time crieur sees this feed: ${plural(deduped.recordedAsSeen.length, "item")} recorded as seen without posting, ${deduped.queued.length} queued (firstRunPosts: ${feed.firstRunPosts}).`
    );
  }
  const skipped = [...deduped.recordedAsSeen].reverse();
  const why = deduped.firstSight ? "first run" : "recorded, not posted";
  for (const item of skipped.slice(0, SKIPPED_LINES)) {
    deps.log.info(`Skipped (${why}): "${item.title}".`);
  }
  if (skipped.length > SKIPPED_LINES) {
    deps.log.info(`\u2026 and ${plural(skipped.length - SKIPPED_LINES, "older item")}.`);
  }
  reportSkipped(report, [...deduped.skipped, ...overridden.skipped], deps.log);
  for (const item of deduped.queued) deps.log.info(`New: "${item.title}" queued.`);
  for (const item of overridden.reposted) {
    deps.log.info(`Repost: "${item.title}" queued again (repost: in ${config.file}).`);
  }
  for (const warning of overridden.warnings) {
    report.notes.push(warning);
    deps.log.warning(`Feed '${feed.id}': ${warning}`);
  }
  if (!deduped.firstSight && !deduped.warning && deduped.queued.length === 0 && deduped.skipped.length === 0) {
    deps.log.info("No new items.");
  }
  if (feed.pause) deps.log.info(`Paused (pause: true in ${config.file}): nothing is posted.`);
  if (!dryRun) await deps.store.save(overridden.state);
  return { feed, state: overridden.state, report };
}
async function loadOthers(inRun, deps) {
  const running = new Set(inRun.map((feed) => feed.id));
  const others = (await deps.store.feedIds()).filter((id) => !running.has(id));
  const states = await Promise.all(
    others.map(
      (id) => deps.store.load(id).catch((error) => {
        deps.log.warning(
          `state/${id}.json is not readable, so its posts are left out of today's and this month's totals: ${messageOf(error)}`
        );
        return void 0;
      })
    )
  );
  return states.filter((state) => state !== void 0);
}
export {
  run
};
