import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  PublishError
} from "./chunk-VX6FFRNQ.js";

// src/publishers/http-retry.ts
var FIRST_BACKOFF_MS = 1e3;
async function retrying(policy, attempt, afterLostAnswer) {
  const retries = policy.retries ?? 2;
  const sleep = policy.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(tries);
    } catch (error) {
      const translated = error instanceof PublishError ? error : new PublishError(
        `Posting failed unexpectedly: ${describeFailure(error)}.`,
        "transient"
      );
      const failure = tries > 1 && translated.kind !== "duplicate" ? new PublishError(translated.message, translated.kind, {
        ...translated.details,
        maybeSent: true
      }) : translated;
      if (failure.kind !== "transient") throw failure;
      if (tries > retries) {
        throw new PublishError(
          `${failure.message} Tried ${tries} time${tries === 1 ? "" : "s"}; ${afterLostAnswer}.`,
          "transient",
          { ...failure.details, maybeSent: true }
        );
      }
      await sleep(FIRST_BACKOFF_MS * 2 ** (tries - 1));
    }
  }
}
function rateLimitResumeAt(header, now, fallbackMs) {
  const value = header?.trim() ?? "";
  const parsed = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1e3 : Date.parse(value);
  return Number.isFinite(parsed) && parsed > now.getTime() ? new Date(parsed) : new Date(now.getTime() + fallbackMs);
}
function quoteSaid(said) {
  return said === "" ? "" : `: "${said}"`;
}
function describeFailure(error) {
  const parts = [];
  let cause = error;
  for (let depth = 0; cause instanceof Error && depth < 4; depth++) {
    const code = cause.code;
    if (cause.name === "TimeoutError") parts.push("no answer in time");
    else if (cause.message !== "fetch failed") {
      const message = cause.message.replace(/\.$/, "");
      parts.push(
        typeof code === "string" && !message.includes(code) ? `${code} ${message}` : message
      );
    }
    cause = cause.cause;
  }
  if (parts.length === 0) return error instanceof Error ? error.message : String(error);
  return [...new Set(parts)].join(": ");
}

export {
  retrying,
  rateLimitResumeAt,
  quoteSaid,
  describeFailure
};
