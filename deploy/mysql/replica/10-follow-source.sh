# Sourced by the mysql image on the first start of `mysql-replica` (docker-compose.yml mounts this
# folder as /docker-entrypoint-initdb.d): point it at `mysql` and make it read-only. Nothing else is
# created here: the database, its tables and the users arrive by replication, from the source's
# first transaction on (SOURCE_AUTO_POSITION: the replica asks for the GTIDs it lacks). The
# replication threads start with the real server, after this first start.
docker_process_sql <<EOSQL
CHANGE REPLICATION SOURCE TO
  SOURCE_HOST = 'mysql',
  SOURCE_PORT = 3306,
  SOURCE_USER = 'replicator',
  SOURCE_PASSWORD = '${MYSQL_REPLICATION_PASSWORD}',
  SOURCE_AUTO_POSITION = 1,
  SOURCE_CONNECT_RETRY = 5,
  GET_SOURCE_PUBLIC_KEY = 1;
SET PERSIST super_read_only = ON;
EOSQL
