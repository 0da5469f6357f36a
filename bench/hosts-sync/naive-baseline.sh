#!/usr/bin/env bash
# The naive way to keep a hosts file in step with containers, for comparison only:
# `docker events` piped into a loop that lists the containers and rewrites the file on every event.
# usage: naive-baseline.sh HOSTS_FILE SUFFIX WRITE_COUNT_FILE
set -u
hosts="$1"; suffix="$2"; count="$3"
start="# OroDC Auto DNS - START"; end="# OroDC Auto DNS - END"

docker events --filter type=container --filter event=start --filter event=die --filter event=destroy \
    --format '{{.Action}}' | while read -r _; do
  names=$(docker ps --filter label=orodc.dns.hostname --format '{{.Label "orodc.dns.hostname"}}' \
    | tr ', ' '[\n*]' | grep -E "^[a-z0-9.-]+\.${suffix//./\\.}\$" | sort -u)
  {
    sed "/^$start\$/,/^$end\$/d" "$hosts"
    echo "$start"
    for n in $names; do echo "127.0.0.1 $n"; echo "::1 $n"; done
    echo "$end"
  } > "$hosts.new"
  cat "$hosts.new" > "$hosts"
  echo w >> "$count"
done
