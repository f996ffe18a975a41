import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  ComposeError,
  MAX_WEIGHTED_LENGTH,
  composePost,
  containsUrl,
  weightedLength
} from "./chunk-MYMFGCMW.js";
import "./chunk-CKJMP3MU.js";
import "./chunk-FL2BMLAN.js";
import "./chunk-ETCY7YZ6.js";
import "./chunk-ZTOGWLE6.js";
export {
  ComposeError,
  MAX_WEIGHTED_LENGTH,
  composePost,
  containsUrl,
  weightedLength
};
