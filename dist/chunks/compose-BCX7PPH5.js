import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  ComposeError,
  MAX_WEIGHTED_LENGTH,
  composePost,
  containsUrl,
  render,
  weightedLength
} from "./chunk-J3H3WXD5.js";
import "./chunk-KVLFWIBY.js";
import "./chunk-ETCY7YZ6.js";
import "./chunk-ZTOGWLE6.js";
export {
  ComposeError,
  MAX_WEIGHTED_LENGTH,
  composePost,
  containsUrl,
  render,
  weightedLength
};
