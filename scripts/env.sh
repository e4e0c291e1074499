# Defaults for every service (sourced by run.sh and the tests' server helpers); see README.
if [ -f .env ]; then set -a; . ./.env; set +a; fi
# No telemetry or error reports leave this machine.
export RASA_TELEMETRY_ENABLED=false
export RASA_PORT="${RASA_PORT:-5005}" ACTION_PORT="${ACTION_PORT:-5055}" WEB_PORT="${WEB_PORT:-8000}"
export TRACKER_STORE_URL="${TRACKER_STORE_URL:-sqlite:///$(pwd)/var/conversations.db}"
export CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:${WEB_PORT}}"
# Messenger: without real credentials the channel still runs and rejects what it cannot verify.
export FB_VERIFY_TOKEN="${FB_VERIFY_TOKEN:-unset-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
export FB_APP_SECRET="${FB_APP_SECRET:-unset-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
export FB_PAGE_ACCESS_TOKEN="${FB_PAGE_ACCESS_TOKEN:-unset}"
export FB_GRAPH_API_URL="${FB_GRAPH_API_URL:-https://graph.facebook.com/v19.0}"
