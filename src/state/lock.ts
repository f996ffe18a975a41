/**
 * One run at a time on a state directory: a lock file next to it (`state.lock` for `state/`, so
 * it is never committed with the state). The workflow's concurrency group already serialises
 * runs on GitHub; this also covers runs started by hand or by another scheduler.
 *
 * Stale-lock rule: a lock is taken over when its process is gone (same host, pid not alive) or
 * when it is older than `staleAfterMs` (a run never takes that long: fetches and posts time out).
 */

import { randomUUID } from "node:crypto";
import { link, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { resolve } from "node:path";
import { CrieurError } from "../errors.js";

export const DEFAULT_STALE_AFTER_MS = 60 * 60 * 1000;

export class LockError extends CrieurError {
  override name = "LockError";
}

interface LockRecord {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

export interface Lock {
  readonly file: string;
  release(): Promise<void>;
}

export function lockFileOf(stateDir: string): string {
  return `${resolve(stateDir)}.lock`;
}

export interface LockOptions {
  readonly now: Date;
  readonly staleAfterMs?: number;
  readonly pid?: number;
  /** Whether a process is alive; injected by tests. */
  readonly isAlive?: (pid: number) => boolean;
}

export async function acquireLock(stateDir: string, options: LockOptions): Promise<Lock> {
  const file = lockFileOf(stateDir);
  const mine: LockRecord = {
    pid: options.pid ?? process.pid,
    host: hostname(),
    startedAt: options.now.toISOString(),
  };
  for (let attempt = 0; ; attempt++) {
    if (await createWithContent(file, `${JSON.stringify(mine)}\n`)) {
      return { file, release: () => release(file, mine) };
    }
    const text = await readFile(file, "utf8").catch(() => undefined);
    // Gone meanwhile (its holder released it): try again.
    if (text === undefined && attempt === 0) continue;
    const holder = text === undefined ? undefined : parseHolder(text);
    const stale = text !== undefined && (holder === undefined || isStale(holder, options));
    if (!stale || attempt > 0 || !(await removeIfStill(file, text))) {
      throw new LockError(
        `Another crieur run (process ${holder?.pid ?? "?"} on ${holder?.host ?? "?"}, started ` +
          `${holder?.startedAt ?? "at an unknown time"}) is using ${resolve(stateDir)}; this run ` +
          `did nothing. If no other run is going on, delete ${file}.`,
      );
    }
  }
}

/**
 * Creates `file` with its content in one step, or answers false when it exists. Writing into a
 * file opened with "wx" would leave it empty for a moment, and a second run reading it then would
 * take it for a stale lock: so the content goes to a temporary file first, linked into place
 * (link never replaces an existing file).
 */
async function createWithContent(file: string, content: string): Promise<boolean> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, content, "utf8");
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new LockError(`Cannot create the lock file ${file}: ${(error as Error).message}`);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/**
 * Removes a stale lock only if it is still the one judged stale. A plain unlink could remove the
 * fresh lock another run created after taking the same stale lock over; so the file is moved
 * aside first, and put back if it turns out to be someone else's.
 */
async function removeIfStill(file: string, staleText: string): Promise<boolean> {
  const aside = `${file}.${randomUUID()}.stale`;
  try {
    await rename(file, aside);
  } catch {
    return true; // Already gone: someone else removed it; the next create decides.
  }
  const text = await readFile(aside, "utf8").catch(() => undefined);
  if (text === staleText) {
    await unlink(aside).catch(() => undefined);
    return true;
  }
  await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
  return false;
}

function isStale(holder: LockRecord, options: LockOptions): boolean {
  const age = options.now.getTime() - Date.parse(holder.startedAt);
  if (!(age < (options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS))) return true;
  const alive = options.isAlive ?? processIsAlive;
  return holder.host === hostname() && !alive(holder.pid);
}

function parseHolder(text: string): LockRecord | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockRecord>;
    if (typeof data.pid !== "number" || typeof data.startedAt !== "string") return undefined;
    return { pid: data.pid, host: String(data.host ?? ""), startedAt: data.startedAt };
  } catch {
    // Unreadable: written by hand or damaged (crieur's own lock files are complete when they appear).
    return undefined;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function release(file: string, mine: LockRecord): Promise<void> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  const holder = text === undefined ? undefined : parseHolder(text);
  if (holder?.pid === mine.pid && holder.startedAt === mine.startedAt) {
    await unlink(file).catch(() => undefined);
  }
}
