#!/bin/sh
# One login role per service, owning its own database and nothing else: the companies service's
# credentials open globac_companies and no other database. Run by the postgres image on first start
# (docker-compose.yml and the k8s dev overlay mount this directory at /docker-entrypoint-initdb.d);
# safe to run again (`docker compose exec postgres /docker-entrypoint-initdb.d/service-roles.sh`).
#
#   SERVICE_DATABASES   the databases, each also the name of its role
#                       (default: globac_companies globac_events globac_trips globac_reporting)
#   <DATABASE>_PASSWORD each role's password, e.g. GLOBAC_COMPANIES_PASSWORD
#   POSTGRES_USER       the superuser to connect as (psql's PGHOST, PGPORT, ... apply)
set -eu

for database in ${SERVICE_DATABASES:-globac_companies globac_events globac_trips globac_reporting}; do
  password_variable="$(echo "$database" | tr '[:lower:]' '[:upper:]')_PASSWORD"
  password="$(printenv "$password_variable" || true)"
  if [ -z "$password" ]; then
    echo "service-roles.sh: $password_variable is not set (the password of role $database)" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v name="$database" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
-- Not a superuser and no CREATEDB or CREATEROLE, also when the role was there before.
ALTER ROLE :"name" NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS LOGIN PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') \gexec
ALTER DATABASE :"name" OWNER TO :"name";
-- Every role may connect to a new database and make temporary tables there by default (PUBLIC):
-- only its owner may, so another service's role is refused at the door.
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
