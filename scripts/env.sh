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
# Largest request body the Rasa server and the action server accept (Sanic reads SANIC_* variables;
# the web app has its own MAX_BODY_BYTES). Rasa sends the session's tracker to the action server,
# about 4.5 KB per turn, so 2 MiB holds some 450 turns of one session (it ends after 2 hours).
export SANIC_REQUEST_MAX_SIZE="${SANIC_REQUEST_MAX_SIZE:-2097152}"
