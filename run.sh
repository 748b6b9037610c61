#!/usr/bin/env bash
# Installs what is missing, builds, and starts the whole system with the Aspire AppHost: Postgres + pgvector, Redis and
# RabbitMQ from the machine's packages, the seven services and the gateway (http://127.0.0.1:5080 when that port is
# free), and the Aspire dashboard (http://127.0.0.1:18888, login link printed at start). Ctrl+C stops everything.
# Options: --fresh (wipe the servers' data first), --data-dir DIR, --gateway-port PORT; anything else goes to Aspire.
set -euo pipefail
cd "$(dirname "$0")"
bash eng/setup.sh
dotnet build RapAnalyzer.AppHost -c Release -nologo -v quiet

# The AppHost's launch profile, for a run of the built assembly: the dashboard and its OTLP receiver on loopback over
# plain http (no developer certificate here).
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${RAPANALYZER_DASHBOARD_URL:-http://127.0.0.1:18888}"
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="${ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL:-http://127.0.0.1:18889}"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="${ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL:-http://127.0.0.1:18890}"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
exec dotnet RapAnalyzer.AppHost/bin/Release/net10.0/RapAnalyzer.AppHost.dll "$@"
