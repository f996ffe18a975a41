import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  CommitStateError,
  HEARTBEAT_AFTER_DAYS,
  HEARTBEAT_FILE,
  MAX_PUSH_ATTEMPTS,
  commitState,
  pushRefusedMessage,
  stateFolderInRepository
} from "./chunk-JIZSMF6N.js";
import "./chunk-3UQNRGSY.js";
import "./chunk-KVL2PZF7.js";
import "./chunk-ETCY7YZ6.js";
import "./chunk-ZTOGWLE6.js";
export {
  CommitStateError,
  HEARTBEAT_AFTER_DAYS,
  HEARTBEAT_FILE,
  MAX_PUSH_ATTEMPTS,
  commitState,
  pushRefusedMessage,
  stateFolderInRepository
};
