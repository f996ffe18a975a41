/** The command line's help text (`crieur --help`). */
import { CRIEUR_VERSION } from "../version.js";

export const USAGE = `crieur ${CRIEUR_VERSION} — turns feeds into posts on X

Usage:
  crieur run [--config FILE] [--state DIR] [--feed ID]... [--dry-run]
      Fetch the feeds, post what is new, update the state files.
      Without the four X secrets in the environment it does a dry run.
  crieur check [--config FILE]
      Validate feeds.yml; lists every problem with its line.
  crieur preview [--config FILE] [--state DIR] [--feed ID]... [--base-config FILE]
      Fetch the feeds and show what would be posted now. Writes nothing.
      With --base-config (the base branch's feeds.yml, in a pull request), only the feeds
      added or changed since then, with the next posts' exact texts in the job summary.
  crieur commit-state [--state DIR] [--push] [--remote NAME] [--branch NAME]
      Commit the state folder (only it, only if it changed) with a message saying what was
      posted; with --push, push it, merging with the branch if it moved meanwhile. After 50
      days without a commit, commits a small heartbeat so GitHub keeps the schedule enabled.
  crieur save-state --to DIR [--state DIR] [--remote NAME] [--branch NAME]
      After commit-state: copy into DIR the state files the remote branch does not have
      (a failed push), for the next run's restore-state. The workflow caches DIR.
  crieur restore-state --from DIR [--state DIR]
      Before run: merge the copies in DIR into the state folder (no posted record is lost),
      then empty DIR. A missing or empty DIR is fine: nothing to merge.
  crieur items <url|file> [--json] [--occurrences] [--time-zone ZONE]
      Parse one feed and print its items. A calendar or agenda page lists its events as
      written; with --occurrences, the ones crieur considers now (not over, within 90 days).

Options:
  --config FILE   feeds file (default: feeds.yml)
  --state DIR     state directory (default: state)
  --feed ID       only this feed (repeatable)
  --dry-run       post nothing, write nothing
  --base-config FILE  (preview) feeds file to compare with; a missing file means all are new
  --push          (commit-state) push the commit
  --remote NAME   (commit-state, save-state) remote to push to (default: origin)
  --branch NAME   (commit-state, save-state) branch to push to (default: the checked-out one)
  --to DIR        (save-state) where to copy what the repository lacks
  --from DIR      (restore-state) where the copies are
  --json          (items) print a JSON array
  --occurrences   (items) a calendar's or page's occurrences instead of its events
  --time-zone ZONE  (items) zone of event times written without one, e.g. Europe/Paris
  -h, --help      this help
  --version       print the version

Environment: X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET (X app keys, read and
write); CRIEUR_X_API_URL sends X requests to another base URL (tests, proxies).`;
