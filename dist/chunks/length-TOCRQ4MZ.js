import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  BLUESKY_LENGTH,
  MASTODON_DEFAULT_LENGTH,
  X_LENGTH,
  codePointCount,
  fitsLength,
  graphemeCount,
  lengthUnit,
  postLength,
  utf8Length,
  withContentWarning
} from "./chunk-5P5WBJWX.js";
import "./chunk-3MSF6MZP.js";
export {
  BLUESKY_LENGTH,
  MASTODON_DEFAULT_LENGTH,
  X_LENGTH,
  codePointCount,
  fitsLength,
  graphemeCount,
  lengthUnit,
  postLength,
  utf8Length,
  withContentWarning
};
