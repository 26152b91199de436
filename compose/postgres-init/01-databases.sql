-- Runs once, when the postgres container starts on an empty data volume
-- (docker-entrypoint-initdb.d), as the superuser, through psql 15.
--
-- One database per service, each owned by its own login role, and CONNECT
-- revoked from PUBLIC: a service can neither connect to nor read another
-- service's database. Passwords come from the container environment
-- (REGISTRY_DB_PASSWORD, ... set in compose/.env) via psql's \getenv.
--
-- NOTE: this puts all five databases on one server for simplicity. Production
-- should run a separate PostgreSQL server (or at least a separate cluster) per
-- service, and at the very least keep these separate roles per service.
-- Changing a password later: ALTER ROLE ... PASSWORD ... (this file does not
-- run again on an existing volume).

\set ON_ERROR_STOP on

\getenv registry_password REGISTRY_DB_PASSWORD
\getenv assistance_password ASSISTANCE_DB_PASSWORD
\getenv eldercare_password ELDERCARE_DB_PASSWORD
\getenv childprotection_password CHILDPROTECTION_DB_PASSWORD
\getenv socialorg_password SOCIALORG_DB_PASSWORD

-- Shared name used by the development scripts (scripts/lib/common.sh, where it
-- is a single login role). Here it cannot log in and owns nothing.
CREATE ROLE civil NOLOGIN;

CREATE ROLE registry LOGIN PASSWORD :'registry_password';
CREATE DATABASE registry OWNER registry;
REVOKE ALL ON DATABASE registry FROM PUBLIC;

CREATE ROLE assistance LOGIN PASSWORD :'assistance_password';
CREATE DATABASE assistance OWNER assistance;
REVOKE ALL ON DATABASE assistance FROM PUBLIC;

CREATE ROLE eldercare LOGIN PASSWORD :'eldercare_password';
CREATE DATABASE eldercare OWNER eldercare;
REVOKE ALL ON DATABASE eldercare FROM PUBLIC;

CREATE ROLE childprotection LOGIN PASSWORD :'childprotection_password';
CREATE DATABASE childprotection OWNER childprotection;
REVOKE ALL ON DATABASE childprotection FROM PUBLIC;

CREATE ROLE socialorg LOGIN PASSWORD :'socialorg_password';
CREATE DATABASE socialorg OWNER socialorg;
REVOKE ALL ON DATABASE socialorg FROM PUBLIC;

-- The maintenance databases stay reachable only by the superuser.
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
