import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  ComposeError,
  MAX_WEIGHTED_LENGTH,
  composePost,
  containsUrl,
  weightedLength
} from "./chunk-NRJQWRFP.js";
import "./chunk-FL2BMLAN.js";
import "./chunk-ETCY7YZ6.js";
import "./chunk-5P5WBJWX.js";
import "./chunk-3MSF6MZP.js";
export {
  ComposeError,
  MAX_WEIGHTED_LENGTH,
  composePost,
  containsUrl,
  weightedLength
};
