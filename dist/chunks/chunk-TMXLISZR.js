import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  STATE_VERSION
} from "./chunk-2AY2OQXI.js";
import {
  UsageError
} from "./chunk-ETCY7YZ6.js";

// src/state/store.ts
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
var StateError = class extends UsageError {
  name = "StateError";
};
function serializeState(state) {
  const done = {};
  for (const key of Object.keys(state.done).sort()) {
    done[key] = state.done[key];
  }
  const ordered = {
    version: state.version,
    feedId: state.feedId,
    validators: state.validators,
    queue: state.queue,
    ...state.pending ? { pending: state.pending } : {},
    ...state.failingSince ? { failingSince: state.failingSince } : {},
    ...state.neverFetched ? { neverFetched: true } : {},
    ...state.unreliableGuids ? { unreliableGuids: true } : {},
    ...state.maxItemsSeen ? { maxItemsSeen: state.maxItemsSeen } : {},
    ...state.months ? { months: state.months } : {},
    done
  };
  return `${JSON.stringify(ordered, null, 2)}
`;
}
function parseJson(text, file, advice) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StateError(
      `${file} is not valid JSON (${error.message}). Restore it from git history (git log -p -- ${file})${advice}`
    );
  }
}
function parseState(text, file, feedId) {
  const data = parseJson(
    text,
    file,
    "; crieur will not reset it, since that would repost every item."
  );
  const problem = describeShapeProblem(data, feedId);
  if (problem) {
    throw new StateError(
      `${file} ${problem}. Restore it from git history (git log -p -- ${file}); crieur will not reset it, since that would repost every item.`
    );
  }
  return data;
}
function describeShapeProblem(data, feedId) {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return "is not a crieur state file (expected a JSON object)";
  }
  const record = data;
  if (record.version !== STATE_VERSION) {
    return `has format version ${JSON.stringify(record.version)}, but this crieur reads version ${STATE_VERSION}`;
  }
  if (record.feedId !== feedId) {
    return `belongs to feed ${JSON.stringify(record.feedId)}, not "${feedId}"`;
  }
  if (!Array.isArray(record.queue)) return 'has no "queue" list';
  if (typeof record.done !== "object" || record.done === null) return 'has no "done" map';
  if (typeof record.validators !== "object" || record.validators === null) {
    return 'has no "validators" object';
  }
  return void 0;
}
function stateFileName(feedId) {
  return `${feedId}.json`;
}
var ACCOUNT_FILE = "_account.json";
function parseAccount(text, file) {
  const data = parseJson(text, file, " or delete it: it only holds X's rate-limit pause.");
  const record = data;
  if (typeof record !== "object" || record === null || record.version !== STATE_VERSION) {
    throw new StateError(
      `${file} is not a crieur account file of version ${STATE_VERSION}. Restore it from git history or delete it: it only holds X's rate-limit pause.`
    );
  }
  return record;
}
function createStateStore(dir) {
  const onDisk = /* @__PURE__ */ new Map();
  return {
    dir,
    async load(feedId) {
      const file = join(dir, stateFileName(feedId));
      let text;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        if (error.code === "ENOENT") return void 0;
        throw new StateError(`Cannot read ${file}: ${error.message}`);
      }
      const state = parseState(text, file, feedId);
      onDisk.set(feedId, text);
      return state;
    },
    async save(state) {
      const text = serializeState(state);
      if (onDisk.get(state.feedId) === text) return;
      await writeAtomically(join(dir, stateFileName(state.feedId)), text);
      onDisk.set(state.feedId, text);
    },
    async feedIds() {
      let names;
      try {
        names = await readdir(dir);
      } catch (error) {
        if (error.code === "ENOENT") return [];
        throw new StateError(`Cannot list ${dir}: ${error.message}`);
      }
      return names.filter((name) => name.endsWith(".json") && !name.startsWith("_")).map((name) => name.slice(0, -".json".length)).sort();
    },
    async loadAccount() {
      const file = join(dir, ACCOUNT_FILE);
      let text;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        if (error.code === "ENOENT") return { version: STATE_VERSION };
        throw new StateError(`Cannot read ${file}: ${error.message}`);
      }
      return parseAccount(text, file);
    },
    async saveAccount(state) {
      await writeAtomically(join(dir, ACCOUNT_FILE), `${JSON.stringify(state, null, 2)}
`);
    }
  };
}
async function writeAtomically(file, text) {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, file);
}

export {
  StateError,
  serializeState,
  parseState,
  ACCOUNT_FILE,
  parseAccount,
  createStateStore
};
