#!/bin/sh
# Installs this Linju release bundle; nothing is downloaded. See docs/operations.md, "Deploy".
set -eu

usage() {
  cat <<'USAGE'
Usage: ./install.sh [--prefix DIR] [--env-file FILE] [--data-dir DIR]

  --prefix DIR     install into DIR/<version> and point DIR/current at it (default /opt/linju, as
                   root); with --prefix no root is needed and the systemd units are written to
                   DIR/systemd/ for you to copy
  --env-file FILE  the settings file the units read (default /etc/linju/linju.env, with --prefix
                   DIR/linju.env); made from the template when missing, never overwritten
  --data-dir DIR   LINJU_DATA_DIR, the one folder the services may write (default /var/lib/linju)
USAGE
}

die() {
  echo "✖ install.sh: $1" >&2
  exit 1
}

bundle=$(cd "$(dirname "$0")" && pwd -P)
version=$(cat "$bundle/VERSION")
prefix=/opt/linju
env_file=
data_dir=/var/lib/linju
system=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; prefix=$2; system=no; shift 2 ;;
    --env-file) [ $# -ge 2 ] || die "--env-file needs a file"; env_file=$2; shift 2 ;;
    --data-dir) [ $# -ge 2 ] || die "--data-dir needs a folder"; data_dir=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done
case "$prefix" in /*) ;; *) prefix="$(pwd -P)/$prefix" ;; esac
if [ -z "$env_file" ]; then
  if [ "$system" = yes ]; then env_file=/etc/linju/linju.env; else env_file=$prefix/linju.env; fi
fi
if [ "$system" = yes ] && [ "$(id -u)" != 0 ]; then
  die "installing into $prefix needs root (sudo ./install.sh), or give --prefix DIR"
fi

target=$prefix/$version
[ -e "$target" ] && die "$target exists already: this release is installed (remove it to reinstall)"
mkdir -p "$prefix"
# Copied under a temporary name first: a half-copied release is never taken for an installed one.
rm -rf "$target.partial"
cp -R "$bundle" "$target.partial"
mv "$target.partial" "$target"
ln -sfn "$version" "$prefix/current.new"
mv -T "$prefix/current.new" "$prefix/current"

if [ ! -e "$env_file" ]; then
  mkdir -p "$(dirname "$env_file")"
  (umask 027 && sed "s#^LINJU_DATA_DIR=.*#LINJU_DATA_DIR=$data_dir#" "$bundle/linju.env.example" >"$env_file")
  env_made=yes
else
  env_made=no
fi

units=$prefix/systemd
if [ "$system" = yes ]; then
  units=/etc/systemd/system
  getent passwd linju >/dev/null || useradd --system --home-dir "$data_dir" --shell /usr/sbin/nologin linju
  install -d -o linju -g linju -m 0750 "$data_dir"
  chgrp linju "$env_file"
fi
mkdir -p "$units"
for unit in linju-server.service linju-worker.service; do
  sed -e "s#/opt/linju/current#$prefix/current#g" -e "s#/etc/linju/linju.env#$env_file#g" \
    -e "s#^ReadWritePaths=.*#ReadWritePaths=$data_dir#" "$bundle/systemd/$unit" >"$units/$unit"
done
if [ "$system" = yes ] && command -v systemctl >/dev/null; then systemctl daemon-reload || true; fi

linju=$prefix/current/bin/linju
echo "Linju $version is installed in $target ($prefix/current)."
[ "$env_made" = yes ] && echo "Settings template written to $env_file (no secrets in it)."
echo "systemd units: $units/linju-server.service, $units/linju-worker.service"
cat <<NEXT

Next steps:
  1. Make the data key:     openssl rand -base64 32 > /etc/linju/data-key   (back it up)
  2. Fill in $env_file: DATABASE_URL, DATABASE_APP_URL, TEMPORAL_ADDRESS, LINJU_PUBLIC_URL
  3. Migrate:               LINJU_ENV_FILE=$env_file $linju migrate
  4. First operator:        LINJU_ENV_FILE=$env_file $linju init ops 平台运维   (password on stdin)
  5. Start:                 systemctl enable --now linju-server linju-worker
NEXT
