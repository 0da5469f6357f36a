#!/bin/sh
# Stand-in for the Traefik binary in the offline image tests, where no Traefik can be had. It answers
# only what the image asks of Traefik, on the ports of the rendered static configuration: /ping on the
# web and ping entrypoints, the same page over TLS with the mounted certificate on the TLS entrypoint,
# and `traefik healthcheck --ping`. It routes nothing: the steps that need routing run with the real one.
set -u

config=/etc/traefik/traefik.yml
for arg in "$@"; do
  case "$arg" in --configFile=*) config="${arg#--configFile=}" ;; esac
done
# the entrypoints are rendered in this order: web, TLS, ping
ports="$(sed -n 's/^ *address: *"*:\([0-9][0-9]*\)"*.*/\1/p' "$config" | tr '\n' ' ')"
web="$(echo "$ports" | cut -d' ' -f1)"
tls="$(echo "$ports" | cut -d' ' -f2)"
ping="$(echo "$ports" | cut -d' ' -f3)"
if [ -z "$web" ] || [ -z "$tls" ] || [ -z "$ping" ]; then
  echo "traefik stand-in: cannot read three entrypoint addresses from $config" >&2
  exit 1
fi

if [ "${1:-}" = healthcheck ]; then
  if [ "$(timeout 3 wget -q -O - "http://127.0.0.1:$ping/ping" 2>/dev/null)" = OK ]; then
    echo OK
    exit 0
  fi
  echo "traefik stand-in: ping on :$ping did not answer OK" >&2
  exit 1
fi

certs="${ORODC_CERT_DIR:-/etc/traefik/certs}"
www=/tmp/traefik-standin
mkdir -p "$www"
printf 'OK' >"$www/ping"
echo "traefik stand-in" >"$www/index.html"
# what a predecessor killed without its children left listening
killall -q httpd
killall -q socat
httpd -f -p "$web" -h "$www" &
children="$!"
httpd -f -p "$ping" -h "$www" &
children="$children $!"
socat "OPENSSL-LISTEN:$tls,reuseaddr,fork,cert=$certs/fullchain.pem,key=$certs/leaf.key,verify=0" "TCP:127.0.0.1:$web" &
children="$children $!"
trap 'kill $children 2>/dev/null; exit 0' TERM INT
echo "traefik stand-in: web :$web, TLS :$tls, ping :$ping"
wait
