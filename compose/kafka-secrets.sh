#!/usr/bin/env bash
# Writes compose/secrets/ for kafka-sasl-ssl.yml (git-ignored, never in an image):
#
#   ca.key, ca.crt             a CA of its own for Kafka (move ca.key offline afterwards)
#   kafka/                     mounted on the broker at /etc/kafka/secrets
#     kafka.keystore.p12         the broker's key and certificate (CN and SAN kafka, SAN localhost)
#     kafka.crt                  its certificate alone, to inspect (openssl x509 -text -in …)
#     kafka.keystore.password    the keystore's password (also the key's, as PKCS12 has it)
#     ca.crt                     the CA again, the broker's truststore (PEM)
#     kafka_server_jaas.conf     the SASL/PLAIN users: "broker" and one per service
#     client.properties          what the container's health check connects with (as "broker")
#   services/<user>.password   each service's Kafka password (compose secrets)
#
# The service users are read from kafka-sasl-ssl.yml (`<PREFIX>_KAFKA_SASL_USERNAME: <user>`).
# Needs openssl (1.1.1 or 3.x). It refuses to overwrite: new passwords would lock out the services.
#
#   compose/kafka-secrets.sh [--days N]     (run as root to also set the owners, see the end)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
secrets="$here/secrets"
days=825
if [[ "${1:-}" == "--days" ]]; then days="$2"; fi

if [[ -e "$secrets/kafka" || -e "$secrets/services" ]]; then
    echo "$secrets already holds Kafka secrets; remove $secrets/kafka and $secrets/services to make new ones" >&2
    exit 1
fi
users=$(sed -n 's/^ *[A-Z]*_KAFKA_SASL_USERNAME: *\([a-z0-9]*\) *$/\1/p' "$here/kafka-sasl-ssl.yml")
if [[ -z "$users" ]]; then
    echo "no <PREFIX>_KAFKA_SASL_USERNAME in $here/kafka-sasl-ssl.yml" >&2
    exit 1
fi

umask 077
mkdir -p "$secrets/kafka" "$secrets/services"
cd "$secrets"

# The CA, unless the bureau brought its own (put its ca.crt and ca.key here first).
if [[ ! -f ca.crt ]]; then
    openssl req -x509 -new -nodes -newkey rsa:3072 -sha256 -days 3650 \
        -subj "/CN=Civil Affairs Kafka CA" -keyout ca.key -out ca.crt 2>/dev/null
fi

# The broker's certificate, for the names clients connect to: kafka (the compose network) and
# localhost (the health check). librdkafka and Java both check the name against the SAN.
openssl req -new -nodes -newkey rsa:3072 -sha256 -subj "/CN=kafka" \
    -keyout kafka/kafka.key -out kafka/kafka.csr 2>/dev/null
printf 'subjectAltName=DNS:kafka,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n' > kafka/san.ext
openssl x509 -req -sha256 -days "$days" -in kafka/kafka.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
    -extfile kafka/san.ext -out kafka/kafka.crt 2>/dev/null
openssl rand -hex 24 > kafka/kafka.keystore.password
openssl pkcs12 -export -name kafka -in kafka/kafka.crt -inkey kafka/kafka.key -certfile ca.crt \
    -passout file:kafka/kafka.keystore.password -out kafka/kafka.keystore.p12
rm kafka/kafka.key kafka/kafka.csr kafka/san.ext
cp ca.crt kafka/ca.crt

# SASL/PLAIN users. The broker checks passwords against user_<name> (Kafka's PlainLoginModule).
broker=$(openssl rand -hex 24)
{
    echo 'KafkaServer {'
    echo '    org.apache.kafka.common.security.plain.PlainLoginModule required'
    echo "    username=\"broker\" password=\"$broker\""
    echo "    user_broker=\"$broker\""
    for user in $users; do
        openssl rand -hex 24 > "services/$user.password"
        echo "    user_$user=\"$(cat "services/$user.password")\""
    done
    echo '    ;'
    echo '};'
} > kafka/kafka_server_jaas.conf
cat > kafka/client.properties <<EOF
security.protocol=SASL_SSL
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="$broker";
ssl.truststore.type=PEM
ssl.truststore.location=/etc/kafka/secrets/ca.crt
EOF
chmod 0644 ca.crt

# Compose mounts these files as they are: the broker runs as uid 1000 (appuser), the services
# as uid 10001 (civil, see compose/Dockerfile).
if [[ $(id -u) == 0 ]]; then
    chown -R 1000:1000 kafka
    chown 10001:10001 services/*.password
else
    echo "Run as root, or: sudo chown -R 1000:1000 $secrets/kafka && sudo chown 10001:10001 $secrets/services/*.password"
fi
echo "Kafka secrets written to $secrets (users: broker" $users"). Move ca.key offline."
