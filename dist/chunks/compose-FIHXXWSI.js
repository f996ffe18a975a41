import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  ComposeError,
  MAX_WEIGHTED_LENGTH,
  composePost,
  containsUrl,
  render,
  weightedLength
} from "./chunk-UPWGAIAY.js";
import "./chunk-BCNTCWB5.js";
import "./chunk-ETCY7YZ6.js";
import "./chunk-3MSF6MZP.js";
export {
  ComposeError,
  MAX_WEIGHTED_LENGTH,
  composePost,
  containsUrl,
  render,
  weightedLength
};
