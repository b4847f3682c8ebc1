#!/usr/bin/env bash
# Waits for the newest instance refresh of each named Auto Scaling group to end, after `pulumi up` started it
# (Pulumi returns as soon as the refresh starts). Exits 0 only when each one Successful (or none ran since
# $SINCE, an ISO-8601 time); a refresh that failed, was cancelled or rolled itself back fails the job with its reason.
#   usage: SINCE=<iso time before the update> await-refresh.sh <group> [<group> ...]
# TIMEOUT_SECONDS (default 3600) bounds the wait; POLL_SECONDS (default 20) the pace.
set -euo pipefail

timeout_seconds=${TIMEOUT_SECONDS:-3600}
poll_seconds=${POLL_SECONDS:-20}
since=${SINCE:?set SINCE to the time the update began}

await_group() {
  local group=$1 deadline=$((SECONDS + timeout_seconds)) latest status reason started
  while :; do
    latest=$(aws autoscaling describe-instance-refreshes --auto-scaling-group-name "$group" --max-records 1 \
      --query 'InstanceRefreshes[0].[Status,StartTime,StatusReason]' --output text)
    read -r status started reason <<< "$latest"
    if [ -z "$status" ] || [ "$status" = None ] || [[ "$started" < "$since" ]]; then
      echo "$group: no instance refresh since $since (nothing to replace)"
      return 0
    fi
    case "$status" in
      Successful)
        echo "$group: instance refresh Successful"
        return 0 ;;
      Failed|Cancelled|RollbackSuccessful|RollbackFailed)
        echo "::error::$group: instance refresh $status: $reason" >&2
        return 1 ;;
    esac
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "::error::$group: instance refresh still $status after ${timeout_seconds}s" >&2
      return 1
    fi
    echo "$group: $status ..."
    sleep "$poll_seconds"
  done
}

failed=0
for group in "$@"; do
  await_group "$group" || failed=1
done
exit "$failed"
