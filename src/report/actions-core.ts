/**
 * The parts of @actions/core crieur uses, named one by one so the bundle keeps only them: the
 * rest of the package (OIDC tokens, its HTTP client and undici) would double what a run loads.
 */
export { error, group, info, setFailed, setOutput, setSecret, warning } from "@actions/core";
