/**
 * One run at a time on a state directory: a lock file next to it (`state.lock` for `state/`, so
 * it is never committed with the state). The workflow's concurrency group already serialises
 * runs on GitHub; this also covers runs started by hand or by another scheduler.
 *
 * Stale-lock rule: a lock is taken over when its process is gone (same host, pid not alive) or
 * when it is older than `staleAfterMs` (a run never takes that long: fetches and posts time out).
 */

import { open, readFile, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { resolve } from "node:path";
import { CrieurError } from "./errors.js";

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
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(`${JSON.stringify(mine)}\n`, "utf8");
      await handle.close();
      return { file, release: () => release(file, mine) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new LockError(`Cannot create the lock file ${file}: ${(error as Error).message}`);
      }
    }
    const holder = await readHolder(file);
    const stale = holder === undefined || isStale(holder, options);
    if (!stale || attempt > 0) {
      throw new LockError(
        `Another crieur run (process ${holder?.pid ?? "?"} on ${holder?.host ?? "?"}, started ` +
          `${holder?.startedAt ?? "at an unknown time"}) is using ${resolve(stateDir)}; this run ` +
          `did nothing. If no other run is going on, delete ${file}.`,
      );
    }
    // Stale: remove it and try once more (another process may win that race, which is fine).
    await unlink(file).catch(() => undefined);
  }
}

function isStale(holder: LockRecord, options: LockOptions): boolean {
  const age = options.now.getTime() - Date.parse(holder.startedAt);
  if (!(age < (options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS))) return true;
  const alive = options.isAlive ?? processIsAlive;
  return holder.host === hostname() && !alive(holder.pid);
}

async function readHolder(file: string): Promise<LockRecord | undefined> {
  try {
    const data = JSON.parse(await readFile(file, "utf8")) as Partial<LockRecord>;
    if (typeof data.pid !== "number" || typeof data.startedAt !== "string") return undefined;
    return { pid: data.pid, host: String(data.host ?? ""), startedAt: data.startedAt };
  } catch {
    // Unreadable or half-written by a process killed while writing it: stale.
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
  const holder = await readHolder(file);
  if (holder?.pid === mine.pid && holder.startedAt === mine.startedAt) {
    await unlink(file).catch(() => undefined);
  }
}
