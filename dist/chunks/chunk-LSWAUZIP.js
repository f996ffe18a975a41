import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);

// src/rules/posting-hours.ts
var CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
function isValidTimeZone(name) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
function minutesInZone(now, timeZone) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23"
  }).formatToParts(now);
  const part = (type) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}
function isWithinPostingHours(hours, now) {
  const minutes = minutesInZone(now, hours.timeZone);
  const from = minutesOf(hours.from);
  const to = minutesOf(hours.to);
  if (from === to) return true;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}
function nextOpening(hours, now) {
  const start = Math.floor(now.getTime() / 6e4) * 6e4;
  for (let minute = 1; minute <= 2 * 24 * 60; minute++) {
    const at = new Date(start + minute * 6e4);
    if (isWithinPostingHours(hours, at)) return at;
  }
  return void 0;
}
function describePostingHours(hours) {
  return `${hours.from}\u2013${hours.to} ${hours.timeZone}`;
}
function minutesOf(clock) {
  const [hours = 0, minutes = 0] = clock.split(":").map(Number);
  return hours * 60 + minutes;
}

// src/report/log.ts
async function actionsLog(secrets) {
  const core = await import("./actions-core-RQ7LH65V.js");
  for (const secret of secrets) if (secret) core.setSecret(secret);
  return {
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    error: (message) => core.error(message),
    group: (name, body) => core.group(name, body)
  };
}
function terminalLog(out = process.stdout, err = process.stderr) {
  let indent = "";
  return {
    info: (message) => out.write(`${indent}${message}
`),
    warning: (message) => err.write(`${indent}warning: ${message}
`),
    error: (message) => err.write(`${indent}error: ${message}
`),
    async group(name, body) {
      out.write(`${name}
`);
      indent = "  ";
      try {
        return await body();
      } finally {
        indent = "";
      }
    }
  };
}
function bufferedLog() {
  const lines = [];
  return {
    log: {
      info: (message) => lines.push({ level: "info", message }),
      warning: (message) => lines.push({ level: "warning", message }),
      error: (message) => lines.push({ level: "error", message }),
      group: (_name, body) => body()
    },
    replayTo(target) {
      for (const line of lines) target[line.level](line.message);
    }
  };
}

// src/rules/cost.ts
var DEFAULT_PRICES = { perPostUSD: 0.015, perPostWithUrlUSD: 0.2 };
function priceOf(hasUrl, prices) {
  return hasUrl ? prices.perPostWithUrlUSD : prices.perPostUSD;
}
function costOf(month, prices) {
  const plain = month.posts - month.postsWithUrl;
  return plain * prices.perPostUSD + month.postsWithUrl * prices.perPostWithUrlUSD;
}
function startOfNextMonth(now) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

export {
  DEFAULT_PRICES,
  priceOf,
  costOf,
  startOfNextMonth,
  CLOCK_TIME,
  isValidTimeZone,
  isWithinPostingHours,
  nextOpening,
  describePostingHours,
  actionsLog,
  terminalLog,
  bufferedLog
};
