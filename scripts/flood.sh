#!/usr/bin/env bash
# A small flood against a running local host (docs/reliability.md, issue 19): N concurrent
# anonymous JSON submissions from this machine, then the answers counted by status, and, when an
# outbox folder is given, the emails it holds after a pause.
#   scripts/flood.sh http://127.0.0.1:7071 100 [outbox-folder] [seconds-to-wait]
# Only ever point it at a host of your own on 127.0.0.1.
set -euo pipefail
base="${1:?base URL}"; n="${2:-100}"; outbox="${3:-}"; wait="${4:-20}"
case "$base" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "refusing: only a local host" >&2; exit 2 ;; esac
discovered="$(date -u -d '3 days ago' +%F)"
answers="$(mktemp)"
start=$(date +%s.%N)
seq 1 "$n" | xargs -P "$n" -I{} sh -c '
  body=$(printf "{\"submissionId\":\"%s\",\"forceArea\":\"DevonAndCornwall\",\"setting\":{\"name\":\"Flood Academy\"},\"reporter\":{\"name\":\"Flood Reporter\",\"role\":\"Teacher\",\"email\":\"flood@victim.example\"},\"incident\":{\"discoveredOn\":\"%s\",\"summary\":\"flood {}\"},\"youngPeople\":[{\"name\":\"Flood Pupil {}\",\"dateOfBirth\":\"2011-05-01\",\"role\":\"Sender\",\"parentCarer\":{\"name\":\"Flood Parent\",\"email\":\"parent@victim.example\"}}]}" "$(cat /proc/sys/kernel/random/uuid)" "$0")
  curl -s -o /dev/null -w "%{http_code}\n" -H "Content-Type: application/json" --data "$body" "$1/api/referrals"
' "$discovered" "$base" >> "$answers"
end=$(date +%s.%N)
echo "requests: $n in $(printf '%.1f' "$(echo "$end - $start" | bc)") s"
sort "$answers" | uniq -c | awk '{print "  " $2 ": " $1}'
rm -f "$answers"
if [ -n "$outbox" ]; then
  sleep "$wait"
  echo "emails in the outbox after ${wait} s:"
  ls "$outbox" | grep -v '^\.' | sed 's/-.*//' | sort | uniq -c | awk '{print "  " $2 ": " $1}'
fi
