#!/usr/bin/env bash
# Follow the README's production section literally in a fresh clone (its `pip install`,
# `manage.py` and `gunicorn` lines, in order), on PostgreSQL and Redis with DJANGO_DEBUG=0,
# then check the running site as the owner, the consultant and the administrator with
# scripts/check_site.py. Fails on any server error, missing asset or missing header.
# Needs PostgreSQL and Redis on 127.0.0.1 (as in CI); leaves nothing behind.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
port=8765
db=social_audit_production_check
gunicorn_pid=""
worker_pid=""
cleanup() {
  [ -n "$gunicorn_pid" ] && kill "$gunicorn_pid" 2>/dev/null || true
  [ -n "$worker_pid" ] && kill "$worker_pid" 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

git clone -q "$repo" "$work/site"
cd "$work/site"
python3 -m venv .venv
. .venv/bin/activate
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

export DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=127.0.0.1 \
       DJANGO_SECRET_KEY="$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')" \
       DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" \
       REDIS_URL=redis://127.0.0.1:6379/15 DJANGO_MEDIA_ROOT="$work/media"

sed -n '/^## Running it in production/,/^## For developers/p' README.md \
  | sed -n '/^```sh/,/^```/p' | grep -E '^(pip|python|gunicorn|chrt) ' | sed 's/ *#.*//' > "$work/steps"
[ "$(wc -l < "$work/steps")" -ge 7 ] || { echo "README's production steps not found"; exit 1; }
while read -r step; do
  echo "== $step"
  case "$step" in
    gunicorn*)
      ${step/0.0.0.0:8000/127.0.0.1:$port} > "$work/gunicorn.log" 2>&1 &
      gunicorn_pid=$! ;;
    *"manage.py worker"*)
      $step > "$work/worker.log" 2>&1 &
      worker_pid=$! ;;
    *) $step ;;
  esac
done < "$work/steps"

# Accounts to log in with: the demo's, on this throwaway database. (seed_demo refuses to
# run with debug off, so it is given debug for this one command.)
DJANGO_DEBUG=1 python manage.py seed_demo > /dev/null
for _ in $(seq 30); do
  curl -s -o /dev/null "http://127.0.0.1:$port/health/" && break
  sleep 1
done

password=demo-audit-2026
status=0
python "$repo/scripts/check_site.py" "http://127.0.0.1:$port" --behind-proxy \
  --login "owner@example.com:$password" --login "consultant@example.com:$password" \
  --admin "admin@example.com:$password" || status=1
for log in gunicorn worker; do
  if grep -q "Traceback" "$work/$log.log"; then
    echo "FAIL: the $log logged an error:"; cat "$work/$log.log"; status=1
  fi
done
# The demo's submitted audits were queued for rendering: the worker must have stored them.
if ! ls "$work"/media/reports/*/*.pdf > /dev/null 2>&1; then
  sleep 10
  ls "$work"/media/reports/*/*.pdf > /dev/null 2>&1 \
    || { echo "FAIL: the worker rendered no PDF"; cat "$work/worker.log"; status=1; }
fi
exit $status
