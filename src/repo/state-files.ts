/**
 * The files of the state folder as the repository side sees them — which is a feed's, which is the
 * account's — and how two versions of one file become one. Shared by commit-state (a push race:
 * the branch moved while crieur ran) and state-cache (a copy a failed push left in the cache).
 */
import { posix } from "node:path";
import type { Log } from "../report/log.js";
import type { AccountState, FeedState } from "../state/feed-state.js";
import { mergeAccountStates, mergeFeedStates } from "../state/merge.js";
import { ACCOUNT_FILE, parseAccount, parseState, serializeState } from "../state/store.js";

export function isAccountFile(dir: string, path: string): boolean {
  return path === posix.join(dir, ACCOUNT_FILE);
}

/** Feed state files are `<feed id>.json` directly in the state folder; the rest is crieur's own. */
export function feedIdOf(dir: string, path: string): string | undefined {
  const name = posix.basename(path);
  if (posix.dirname(path) !== dir || !name.endsWith(".json") || name.startsWith("_"))
    return undefined;
  return name.slice(0, -".json".length);
}

/** A feed's state file or `_account.json`: the files that hold records, and nothing else. */
export function holdsRecords(dir: string, path: string): boolean {
  return isAccountFile(dir, path) || feedIdOf(dir, path) !== undefined;
}

export function accountOrUndefined(
  text: string | undefined,
  path: string,
): AccountState | undefined {
  if (text === undefined) return undefined;
  try {
    return parseAccount(text, path);
  } catch {
    return undefined;
  }
}

/** The state in `text`, or undefined when there is none or it is damaged (said in `problems`). */
export function parseOrUndefined(
  text: string | undefined,
  path: string,
  feedId: string,
  problems?: string[],
): FeedState | undefined {
  if (text === undefined) return undefined;
  try {
    return parseState(text, path, feedId);
  } catch (error) {
    problems?.push((error as Error).message);
    return undefined;
  }
}

export interface Versions {
  /** The version both sides started from, when known. */
  readonly baseText: string | undefined;
  /** The newer side: its validators and other one-side fields are kept. */
  readonly ourText: string | undefined;
  readonly theirText: string | undefined;
  /** How the log names each side ("this run's", "the other" by default). */
  readonly ourName?: string;
  readonly theirName?: string;
}

/** What happened to one file; `text` undefined means no file. */
export type Resolved =
  | { readonly how: "ours" | "theirs"; readonly text: string | undefined }
  | { readonly how: "merged-feed" | "merged-account"; readonly text: string };

/** The text one file should have (undefined: no file). Warns about what the owner should know. */
export function resolveFile(dir: string, path: string, versions: Versions, log: Log): Resolved {
  const { baseText, ourText, theirText } = versions;
  if (theirText === baseText || theirText === ourText) return { how: "ours", text: ourText };
  // Only one side has the file: keep it, since deleting could drop posted records.
  if (ourText === undefined) return { how: "theirs", text: theirText };
  if (theirText === undefined) return { how: "ours", text: ourText };
  if (isAccountFile(dir, path)) return resolveAccount(path, ourText, theirText);
  const feedId = feedIdOf(dir, path);
  if (!feedId) return { how: "ours", text: ourText }; // the heartbeat: ours is the newer one.

  const problems: string[] = [];
  const ourState = parseOrUndefined(ourText, path, feedId, problems);
  const theirState = parseOrUndefined(theirText, path, feedId, problems);
  if (!ourState || !theirState) {
    const [kept, other] = ourState
      ? [versions.ourName ?? "this run's", versions.theirName ?? "the other"]
      : [versions.theirName ?? "the other", versions.ourName ?? "this run's"];
    log.warning(
      `${path} changed on both sides and ${other} version is damaged; keeping ${kept} version. ` +
        problems.join(" "),
    );
    return ourState ? { how: "ours", text: ourText } : { how: "theirs", text: theirText };
  }
  const baseState = parseOrUndefined(baseText, path, feedId);
  const merged = mergeFeedStates(theirState, ourState, baseState);
  for (const note of merged.notes) log.warning(note);
  return { how: "merged-feed", text: serializeState(merged.state) };
}

function resolveAccount(path: string, ourText: string, theirText: string): Resolved {
  const ours = accountOrUndefined(ourText, path);
  const theirs = accountOrUndefined(theirText, path);
  if (!ours || !theirs)
    return ours ? { how: "ours", text: ourText } : { how: "theirs", text: theirText };
  const merged = mergeAccountStates(theirs, ours);
  return { how: "merged-account", text: merged === ours ? ourText : theirText };
}
