#!/usr/bin/env bash
# postgres-test.sh installs, starts and stops the throwaway PostgreSQL
# server of the run store's tests (internal/store/postgres_test.go).
#
#   scripts/postgres-test.sh install       Debian's postgresql via apt-get, when initdb is missing
#   scripts/postgres-test.sh start [PORT]  initdb and start a server in a new private directory,
#                                          listening on 127.0.0.1:PORT (default 55432) and a
#                                          socket inside that directory; prints two lines:
#                                            RAMPART_POSTGRES_URL=postgres://...
#                                            RAMPART_POSTGRES_DIR=/tmp/rampart-pg.XXXXXX
#   scripts/postgres-test.sh stop DIR      stop the server of DIR and remove DIR
#
# PostgreSQL refuses to run as root: as root (CI), the cluster belongs to
# the unprivileged user 'nobody' (runuser). Password authentication
# (scram-sha-256) with a random password, even on loopback. apt-get needs
# root, as on CI. Usage from anywhere in the repository.
set -euo pipefail

bindir() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	[ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}

cmd=${1:-}
case "$cmd" in
install)
	if ! bindir >/dev/null; then
		echo "postgres-test: installing postgresql (apt-get)" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update
		apt-get install -y postgresql
	fi
	;;
start)
	port=${2:-55432}
	bin=$(bindir) || { echo "postgres-test: PostgreSQL is not installed; run '$0 install'" >&2; exit 1; }
	dir=$(mktemp -d /tmp/rampart-pg.XXXXXX)
	chmod 0755 "$dir"
	mkdir "$dir/sock"
	pw=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
	printf '%s\n' "$pw" >"$dir/pwfile"
	if [ "$(id -u)" = 0 ]; then
		chown -R nobody "$dir"
	fi
	chmod 0700 "$dir/sock"
	chmod 0600 "$dir/pwfile"
	cd "$dir"
	as_owner "$bin/initdb" -D "$dir/data" -U rampart --pwfile="$dir/pwfile" --auth=scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	rm -f "$dir/pwfile"
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/sock -c max_connections=50" start >&2 ||
		{ cat "$dir/server.log" >&2; exit 1; }
	echo "RAMPART_POSTGRES_URL=postgres://rampart:$pw@127.0.0.1:$port/postgres?sslmode=disable"
	echo "RAMPART_POSTGRES_DIR=$dir"
	;;
stop)
	dir=${2:?usage: $0 stop DIR}
	case "$dir" in /tmp/rampart-pg.*) ;; *) echo "postgres-test: $dir is not a directory made by '$0 start'" >&2; exit 2 ;; esac
	bin=$(bindir) || exit 1
	if [ -d "$dir/data" ]; then
		(cd "$dir" && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2) || true
	fi
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 install | start [PORT] | stop DIR" >&2
	exit 2
	;;
esac
