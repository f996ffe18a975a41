import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  InvocationError,
  isMainModule,
  runJob,
  saveState
} from "./chunks/chunk-K6DG4HK5.js";
import "./chunks/chunk-BE47VPEL.js";
import "./chunks/chunk-D6NUKDDZ.js";
import "./chunks/chunk-2HIWZCX5.js";
import "./chunks/chunk-QTYGHWQN.js";
import "./chunks/chunk-FL2BMLAN.js";
import {
  CrieurError
} from "./chunks/chunk-ETCY7YZ6.js";
import "./chunks/chunk-3MSF6MZP.js";

// src/action.ts
var ACTION_INPUT_DEFAULTS = {
  config: "feeds.yml",
  state: "state",
  "dry-run": "false",
  feed: "",
  commit: "true"
};
function readActionInputs(env) {
  const input = (name) => env[`INPUT_${name.toUpperCase()}`]?.trim() || ACTION_INPUT_DEFAULTS[name];
  const feedIds = input("feed").split(/[\s,]+/).filter((id) => id !== "");
  return {
    config: input("config"),
    state: input("state"),
    dryRun: booleanInput("dry-run", input("dry-run")),
    ...feedIds.length > 0 ? { feedIds } : {},
    commit: booleanInput("commit", input("commit"))
  };
}
function booleanInput(name, value) {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InvocationError(
    `The input "${name}" of crieur must be true or false, not "${value}". Fix it under "with:" in your workflow.`
  );
}
function actionOutputs(report) {
  const posted = report.dryRun ? [] : report.postsInOrder;
  const urls = posted.flatMap((post) => post.url ? [post.url] : []);
  return { posts: String(posted.length), "post-urls": JSON.stringify(urls) };
}
async function runAction(io) {
  const inputs = readActionInputs(io.env);
  let outcome;
  let runFailure;
  try {
    outcome = await runJob(
      {
        config: inputs.config,
        state: inputs.state,
        ...inputs.feedIds ? { feedIds: inputs.feedIds } : {},
        mode: inputs.dryRun ? "dry-run" : "run"
      },
      io
    );
  } catch (error) {
    runFailure = error;
  }
  if (inputs.commit && !inputs.dryRun) {
    try {
      await saveState({ state: inputs.state, push: true, remote: "origin" }, io);
    } catch (error) {
      if (runFailure === void 0) throw error;
      io.stderr.write(`${messageOf(error)}
`);
    }
  }
  if (outcome === void 0) throw runFailure;
  const core = await import("./chunks/actions-core-RQ7LH65V.js");
  for (const [name, value] of Object.entries(actionOutputs(outcome.report))) {
    core.setOutput(name, value);
  }
  return outcome.code;
}
function messageOf(error) {
  return error instanceof CrieurError ? error.message : `crieur crashed \u2014 please report this: ${error.stack ?? String(error)}`;
}
if (isMainModule(import.meta.url)) {
  const io = {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => /* @__PURE__ */ new Date()
  };
  runAction(io).then(
    (code) => {
      process.exitCode = code;
    },
    async (error) => {
      const core = await import("./chunks/actions-core-RQ7LH65V.js");
      core.setFailed(messageOf(error));
    }
  );
}
export {
  ACTION_INPUT_DEFAULTS,
  actionOutputs,
  readActionInputs,
  runAction
};
