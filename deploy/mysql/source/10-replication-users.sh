# Sourced by the mysql image on the first start of `mysql` (docker-compose.yml mounts this folder
# as /docker-entrypoint-initdb.d), after it made the gym database: the users a read replica needs.
# Binary-logged like any other statement, so every replica gets them too.
#   replicator  reads the binary log (mysql-replica connects as it)
#   gym_reader  the api's replica user (DATABASE_REPLICA_URLS): SELECT on the gym database only,
#               so a write sent to a replica by mistake is refused, never applied on one server only
docker_process_sql <<EOSQL
CREATE USER IF NOT EXISTS 'replicator'@'%' IDENTIFIED BY '${MYSQL_REPLICATION_PASSWORD}';
GRANT REPLICATION SLAVE ON *.* TO 'replicator'@'%';
CREATE USER IF NOT EXISTS 'gym_reader'@'%' IDENTIFIED BY '${MYSQL_READER_PASSWORD}';
GRANT SELECT ON \`${MYSQL_DATABASE}\`.* TO 'gym_reader'@'%';
EOSQL
