-- First start of the compose file's PostgreSQL (docs/operations.md, "Container image"): the owner that runs the
-- migrations, the service's login role (a member of ntm_app only, which the migrations would create otherwise),
-- and one database for the command process and one for each query replica (each replica keeps its own copy of
-- the store). Passwords come from the environment of the postgres container (psql variables set by init.sh).
create role ntm_owner login password :'owner_password' nosuperuser createrole;
create role ntm_app nologin;
create role ntm_service login password :'service_password' nosuperuser nocreatedb nocreaterole noreplication nobypassrls in role ntm_app;
create database ntm owner ntm_owner;
create database ntm_query_1 owner ntm_owner;
create database ntm_query_2 owner ntm_owner;
