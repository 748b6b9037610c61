#!/usr/bin/env bash
# Installs what is missing, builds, and starts the whole system: Postgres + pgvector, Redis, RabbitMQ, the seven
# services and the gateway (http://127.0.0.1:5080 when that port is free). Ctrl+C stops everything.
# Arguments go to the AppHost's `run` verb: --fresh, --data-dir DIR, --gateway-port PORT, --only NAME[,NAME].
set -euo pipefail
cd "$(dirname "$0")"
bash eng/setup.sh
dotnet build RapAnalyzer.AppHost -c Release -nologo -v quiet
exec dotnet RapAnalyzer.AppHost/bin/Release/net10.0/RapAnalyzer.AppHost.dll run "$@"
