#!/bin/sh
# Runs postgres-init.sql once, on the database's first start, with the passwords of the environment.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$NTM_OWNER_PASSWORD" -v service_password="$NTM_SERVICE_PASSWORD" \
  -f /docker-entrypoint-initdb.d/postgres-init.sql.in
