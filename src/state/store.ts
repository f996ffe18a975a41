/**
 * State stage: one small JSON file per feed id in `state/`, committed to the repository.
 *
 * Files are written atomically (temp file + rename) with a stable key order so git diffs stay
 * minimal. A file that cannot be read is an error for its feed, never a silent reset: a reset
 * would repost everything. The only part of crieur that touches these files.
 */
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { UsageError } from "../errors.js";
import { type AccountState, type FeedState, type Outcome, STATE_VERSION } from "./feed-state.js";
import { accountStateSchema, describeIssue, feedStateSchema } from "./schema.js";

export class StateError extends UsageError {
  override name = "StateError";
}

/** Pure: the JSON text of a state file, keys of `done` sorted so diffs stay small. */
export function serializeState(state: FeedState): string {
  const done = sortedDone(state.done);
  const targets = state.targets
    ? Object.fromEntries(
        Object.keys(state.targets)
          .sort()
          .map((name) => {
            const lane = state.targets?.[name] as NonNullable<FeedState["targets"]>[string];
            return [name, { ...lane, done: sortedDone(lane.done) }];
          }),
      )
    : undefined;
  const ordered = {
    version: state.version,
    feedId: state.feedId,
    validators: state.validators,
    queue: state.queue,
    ...(state.pending ? { pending: state.pending } : {}),
    ...(state.failingSince ? { failingSince: state.failingSince } : {}),
    ...(state.neverFetched ? { neverFetched: true } : {}),
    ...(state.unreliableGuids ? { unreliableGuids: true } : {}),
    ...(state.maxItemsSeen ? { maxItemsSeen: state.maxItemsSeen } : {}),
    ...(state.months ? { months: state.months } : {}),
    ...(state.reposts ? { reposts: state.reposts } : {}),
    ...(state.brokenEvents ? { brokenEvents: state.brokenEvents } : {}),
    ...(state.events ? { events: state.events } : {}),
    done,
    ...(targets ? { targets } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function sortedDone(outcomes: FeedState["done"]): Record<string, Outcome> {
  const done: Record<string, Outcome> = {};
  for (const key of Object.keys(outcomes).sort()) done[key] = outcomes[key] as Outcome;
  return done;
}

/** JSON.parse, or a StateError that says how to restore the file; `advice` ends the sentence. */
function parseJson(text: string, file: string, advice: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StateError(
      `${file} is not valid JSON (${(error as Error).message}). Restore it from git history ` +
        `(git log -p -- ${file})${advice}`,
    );
  }
}

const NEVER_RESET = "crieur will not reset it, since that would repost every item.";

/**
 * Pure: parses a state file's text, checking every field, or throws StateError naming the file,
 * the first bad entry and how to restore it.
 */
export function parseState(text: string, file: string, feedId: string): FeedState {
  const data = parseJson(text, file, `; ${NEVER_RESET}`);
  const problem = describeHeaderProblem(data, feedId);
  if (problem) {
    throw new StateError(
      `${file} ${problem}. Restore it from git history (git log -p -- ${file}); ${NEVER_RESET}`,
    );
  }
  const result = feedStateSchema.safeParse(data);
  if (!result.success) {
    throw new StateError(
      `${file}: ${describeIssue(result.error, data)}. Fix that entry, or restore the file from ` +
        `git history (git log -p -- ${file}); ${NEVER_RESET}`,
    );
  }
  return result.data;
}

/** What makes the file another feed's, or another format's: said as such, not as a bad field. */
function describeHeaderProblem(data: unknown, feedId: string): string | undefined {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return "is not a crieur state file (expected a JSON object)";
  }
  const record = data as Record<string, unknown>;
  if (record.version !== STATE_VERSION) {
    return `has format version ${JSON.stringify(record.version)}, but this crieur reads version ${STATE_VERSION}`;
  }
  if (record.feedId !== feedId) {
    return `belongs to feed ${JSON.stringify(record.feedId)}, not "${feedId}"`;
  }
  return undefined;
}

/** Reads and writes state files in one directory. The only part of crieur that touches them. */
export interface StateStore {
  readonly dir: string;
  /** The feed's state, or undefined when crieur has never seen this feed. */
  load(feedId: string): Promise<FeedState | undefined>;
  save(state: FeedState): Promise<void>;
  /** Ids of every feed with a state file, including feeds since removed from feeds.yml. */
  feedIds(): Promise<string[]>;
  loadAccount(): Promise<AccountState>;
  saveAccount(state: AccountState): Promise<void>;
}

export function stateFileName(feedId: string): string {
  return `${feedId}.json`;
}

/** Feed ids cannot start with "_" (see config/schema.ts), so this name never collides with a feed's. */
export const ACCOUNT_FILE = "_account.json";

/** Pure: parses `_account.json`, checking every field, or throws StateError saying what to do. */
export function parseAccount(text: string, file: string): AccountState {
  const advice = "or delete it: it only holds X's rate-limit pause.";
  const data = parseJson(text, file, ` ${advice}`);
  const record = data as Record<string, unknown> | null;
  if (typeof record !== "object" || record === null || record.version !== STATE_VERSION) {
    throw new StateError(
      `${file} is not a crieur account file of version ${STATE_VERSION}. Restore it from git ` +
        `history ${advice}`,
    );
  }
  const result = accountStateSchema.safeParse(data);
  if (!result.success) {
    throw new StateError(
      `${file}: ${describeIssue(result.error, data)}. Fix it, restore it from git history ` +
        `(git log -p -- ${file}) ${advice}`,
    );
  }
  return result.data;
}

export function createStateStore(dir: string): StateStore {
  /** Text of each feed's file as last read or written by this store. */
  const onDisk = new Map<string, string>();
  return {
    dir,
    async load(feedId) {
      const file = join(dir, stateFileName(feedId));
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw new StateError(`Cannot read ${file}: ${(error as Error).message}`);
      }
      const state = parseState(text, file, feedId);
      onDisk.set(feedId, text);
      return state;
    },
    async save(state) {
      const text = serializeState(state);
      // An unchanged feed is not rewritten: no disk write, and git sees nothing to commit.
      if (onDisk.get(state.feedId) === text) return;
      await writeAtomically(join(dir, stateFileName(state.feedId)), text);
      onDisk.set(state.feedId, text);
    },
    async feedIds() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw new StateError(`Cannot list ${dir}: ${(error as Error).message}`);
      }
      return names
        .filter((name) => name.endsWith(".json") && !name.startsWith("_"))
        .map((name) => name.slice(0, -".json".length))
        .sort();
    },
    async loadAccount() {
      const file = join(dir, ACCOUNT_FILE);
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: STATE_VERSION };
        throw new StateError(`Cannot read ${file}: ${(error as Error).message}`);
      }
      return parseAccount(text, file);
    },
    async saveAccount(state) {
      await writeAtomically(join(dir, ACCOUNT_FILE), `${JSON.stringify(state, null, 2)}\n`);
    },
  };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // Write then rename: a crash mid-write leaves the previous file intact.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, file);
}
