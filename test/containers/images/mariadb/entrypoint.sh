#!/bin/sh
# The official image's contract, in short: options alone run the server with them; on the first
# start (an empty data folder) create root's password, the database and its user, then serve.
# The first start runs without TCP, so a health check on 127.0.0.1 waits for the real server.
set -eu
[ "${1#-}" != "$1" ] && set -- mariadbd "$@"
[ "$1" = mariadbd ] || exec "$@"
shift

if [ ! -d /var/lib/mysql/mysql ]; then
  : "${MYSQL_ROOT_PASSWORD:?the first start needs MYSQL_ROOT_PASSWORD}"
  mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db --auth-root-authentication-method=normal >/dev/null
  mariadbd --user=mysql --skip-networking --socket=/run/mysqld/init.sock &
  init_pid=$!
  for _ in $(seq 1 60); do mariadb-admin --socket=/run/mysqld/init.sock ping --silent 2>/dev/null && break; sleep 1; done
  {
    echo "CREATE USER 'root'@'%' IDENTIFIED BY '$MYSQL_ROOT_PASSWORD';"
    echo "GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY '$MYSQL_ROOT_PASSWORD';"
    [ -n "${MYSQL_DATABASE:-}" ] && echo "CREATE DATABASE IF NOT EXISTS \`$MYSQL_DATABASE\`;"
    if [ -n "${MYSQL_USER:-}" ]; then
      echo "CREATE USER '$MYSQL_USER'@'%' IDENTIFIED BY '${MYSQL_PASSWORD:-}';"
      [ -n "${MYSQL_DATABASE:-}" ] && echo "GRANT ALL ON \`$MYSQL_DATABASE\`.* TO '$MYSQL_USER'@'%';"
    fi
    echo "FLUSH PRIVILEGES;"
  } | mariadb --socket=/run/mysqld/init.sock -uroot
  kill "$init_pid"
  wait "$init_pid" || true
  echo "first start: created root's password${MYSQL_DATABASE:+, database $MYSQL_DATABASE}${MYSQL_USER:+, user $MYSQL_USER}"
fi
exec mariadbd --user=mysql --bind-address=0.0.0.0 "$@"
