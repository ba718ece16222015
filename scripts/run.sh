#!/usr/bin/env bash
# The one-command local run (README): installs Azurite if needed, starts it with its data under
# .local/azurite (unless one already listens on 10000-10002), builds and starts the local host,
# which hosts the Functions app's own functions. Email goes to files in .local/outbox.
# Ctrl-C stops both: the local host first, then Azurite. Extra arguments go to the local host
# (e.g. --LocalHost:FunctionKey=...). SEXTING_LOCAL_DIR moves .local (data, outbox, logs) elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
local_dir="${SEXTING_LOCAL_DIR:-$root/.local}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:7071}"
# Links in emails follow the address the host listens on, unless set otherwise.
first_url="${ASPNETCORE_URLS%%;*}"
export PublicBaseUrl="${PublicBaseUrl:-${first_url%/}}"
export Email__Mode="${Email__Mode:-Outbox}"
export Email__OutboxPath="${Email__OutboxPath:-$local_dir/outbox}"
# Contract §12: the development key-encryption key, created on first run (never used in Azure).
export DataProtection__LocalKeyPath="${DataProtection__LocalKeyPath:-$local_dir/keys/data-protection-kek.json}"

# Azurite's default ports; set these to run beside another emulator (the connection strings follow).
blob_port="${AZURITE_BLOB_PORT:-10000}"
queue_port="${AZURITE_QUEUE_PORT:-10001}"
table_port="${AZURITE_TABLE_PORT:-10002}"
if [ "$blob_port$queue_port$table_port" != "100001000110002" ]; then
  dev_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="  # Azurite's published dev key
  conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$dev_key"
  conn="$conn;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1"
  conn="$conn;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
  export AzureWebJobsStorage="${AzureWebJobsStorage:-$conn}" Tables__ConnectionString="${Tables__ConnectionString:-$conn}"
fi

scripts/setup.sh
mkdir -p "$local_dir/azurite" "$Email__OutboxPath"

azurite_pid=""
host_pid=""

listening() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; }

# stop_pid PID TENTHS: SIGTERM, then SIGKILL if it is still there after TENTHS tenths of a second.
stop_pid() {
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 "$2"); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# The host and Azurite run in sessions of their own (setsid), so a terminal's Ctrl-C, which goes to
# the whole foreground process group, reaches only this script. It then stops the host while its
# storage is still up, and Azurite after it: an Azurite that went first left the host retrying
# storage for minutes.
stop_all() {
  trap - INT TERM HUP EXIT
  echo
  echo "run: stopping"
  if [ -n "$host_pid" ]; then stop_pid "$host_pid" 100; echo "run: local host stopped"; fi
  if [ -n "$azurite_pid" ]; then stop_pid "$azurite_pid" 50; echo "run: Azurite stopped"; fi
  wait 2>/dev/null || true
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all; exit 129' HUP
trap 'stop_all' EXIT

if listening "$blob_port" || listening "$queue_port" || listening "$table_port"; then
  echo "run: an Azure Storage emulator already listens on 127.0.0.1:$blob_port-$table_port; using it"
else
  echo "run: starting Azurite (data in ${local_dir#"$root/"}/azurite)"
  setsid tools/node_modules/.bin/azurite --silent --location "$local_dir/azurite" --disableTelemetry \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --skipApiVersionCheck \
    --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port" \
    > "$local_dir/azurite.log" 2>&1 < /dev/null &
  azurite_pid=$!
  for _ in $(seq 1 100); do
    if listening "$blob_port" && listening "$queue_port" && listening "$table_port"; then break; fi
    kill -0 "$azurite_pid" 2>/dev/null || { echo "run: Azurite failed to start, see $local_dir/azurite.log" >&2; exit 1; }
    sleep 0.1
  done
fi

if [ "${SEXTING_RUN_NO_BUILD:-}" != "1" ]; then  # the tests of this script build first, as the solution
  echo "run: building the local host"
  dotnet build src/Sexting.LocalHost -c Release --nologo -v quiet "-clp:ErrorsOnly;NoSummary"
fi

echo "run: starting the local host on $ASPNETCORE_URLS"
setsid dotnet src/Sexting.LocalHost/bin/Release/net10.0/Sexting.LocalHost.dll "$@" < /dev/null &
host_pid=$!

base="${ASPNETCORE_URLS%%;*}"
base="${base%/}"
hostport="${base#http://}"
for _ in $(seq 1 300); do
  kill -0 "$host_pid" 2>/dev/null || { echo "run: the local host stopped, see the messages above" >&2; exit 1; }
  if listening "${hostport##*:}" "${hostport%:*}"; then break; fi
  sleep 0.1
done

cat <<MSG

  Referral form:  $base/api/form
  Email outbox:   $Email__OutboxPath
  Staff sign-in:  $base/.auth/login/aad  (development sign-in: type a name, an email address and
                  roles, e.g. "AuthorisingManager Force.DevonAndCornwall"; emailed links ask for it)
  Case data:      GET /api/referrals/{id} needs that sign-in or the function key the host printed
                  above (set LocalHost__FunctionKey to choose the key)
  Ctrl-C stops both (the local host and Azurite).

MSG
wait "$host_pid"
