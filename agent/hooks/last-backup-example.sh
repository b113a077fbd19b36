#!/bin/sh
# Example backup hook for the Orrery agent (--backup-hook; see agent/README.md, "Host facts").
#
# The agent runs this hourly, with no arguments and stdin closed, and reports what it prints on its last
# line as the time of the last SUCCESSFUL backup: ISO 8601 with a zone (2026-12-06T03:00:00Z) or Unix
# seconds. Exit non-zero, or print nothing, when you cannot tell: the time is then reported as unknown.
# It is killed after 30 seconds.
#
# This example reads the modification time of a stamp file that your backup job touches when it succeeds
# (e.g. `restic backup … && touch /var/lib/orrery-backup/last-success`). Replace it with your tool's own
# answer, e.g. `restic snapshots --latest 1 --json | jq -r '.[0].time'`.
set -eu

stamp="${ORRERY_BACKUP_STAMP:-/var/lib/orrery-backup/last-success}"
[ -f "${stamp}" ] || exit 1
stat -c %Y "${stamp}"
