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
} from "./chunk-HJ3Y3U6F.js";
import "./chunk-LHSQ7RA6.js";
import "./chunk-D6NUKDDZ.js";
import "./chunk-QTYGHWQN.js";
import "./chunk-ETCY7YZ6.js";
import "./chunk-3MSF6MZP.js";
export {
  CommitStateError,
  HEARTBEAT_AFTER_DAYS,
  HEARTBEAT_FILE,
  MAX_PUSH_ATTEMPTS,
  commitState,
  pushRefusedMessage,
  stateFolderInRepository
};
