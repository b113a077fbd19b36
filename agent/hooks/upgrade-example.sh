#!/bin/sh
# Example upgrade hook for the Orrery agent (see agent/README.md, "The upgrade hook").
#
# The agent runs this for a stack.upgrade command, with no arguments, stdin closed, and:
#   ORRERY_TARGET_VERSION   the version to install, e.g. 2026.12.0 (already checked: [0-9A-Za-z.+-])
#   ORRERY_CURRENT_VERSION  the version the agent reports now
#   ORRERY_COMMAND_ID       the command's id, for your own logs
# Exit 0 when the target version runs; anything else fails the command. What this script prints on
# stderr last is what operators see in the console, so make the final line of a failure say why.
# It is stopped (SIGTERM, then SIGKILL) after 30 minutes. It must not restart the agent itself.
#
# This example only pretends: it "installs" by recording the version in $ORRERY_STACK_DIR.
# Replace the marked part with your real steps (download, verify, switch, health-check, roll back).
set -eu

target="${ORRERY_TARGET_VERSION:?ORRERY_TARGET_VERSION is not set: run me from the Orrery agent}"
current="${ORRERY_CURRENT_VERSION:-unknown}"
stack_dir="${ORRERY_STACK_DIR:-/var/lib/orrery-stack}"

say() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) upgrade ${ORRERY_COMMAND_ID:-?}: $*"; }
fail() { echo "$*" >&2; exit 1; }

say "from ${current} to ${target}"
mkdir -p "${stack_dir}" || fail "cannot create ${stack_dir}"

# --- replace from here -------------------------------------------------------------------------
# Real steps might be:
#   curl -fsSLo "${stack_dir}/stack-${target}.tar.gz" "https://releases.example.com/stack-${target}.tar.gz"
#   sha256sum -c "${stack_dir}/stack-${target}.tar.gz.sha256"
#   tar -xzf ... && ln -sfn "${stack_dir}/${target}" "${stack_dir}/current" && systemctl restart my-stack
#   until curl -fs http://127.0.0.1:8080/healthz; do sleep 5; done   (the 30-minute limit still applies)
say "installing ${target} (example: nothing is downloaded)"
printf '%s\n' "${target}" > "${stack_dir}/version.tmp" || fail "cannot write ${stack_dir}/version.tmp"
mv "${stack_dir}/version.tmp" "${stack_dir}/version" || fail "cannot switch ${stack_dir}/version"
# --- to here ------------------------------------------------------------------------------------

say "now running ${target}"
exit 0
