# Creates the record of one cluster, host, network or datastore, once: a record that exists is left alone, so a
# provisioner run again (after a retry or a killed apply) creates nothing twice. Written with ln, which fails when the
# record exists, so two runs racing still create it once. FAILURES and DELAY simulate a flaky or slow site.
set -eu
dir="$RECORDS/$KIND"
record="$dir/$NAME.json"
mkdir -p "$dir"
if [ -f "$record" ]; then
  echo "$KIND $NAME exists already"
  exit 0
fi
attempts="$dir/$NAME.attempts"
n=$(cat "$attempts" 2>/dev/null || echo 0)
n=$((n + 1))
echo "$n" > "$attempts"
if [ "$n" -le "$FAILURES" ]; then
  echo "simulated failure $n of $FAILURES creating $KIND $NAME" >&2
  exit 1
fi
sleep "$DELAY"
temporary="$record.$$"
printf '{"kind":"%s","name":"%s","resource":"%s","attributes":%s}\n' "$KIND" "$NAME" "$RESOURCE_ID" "$ATTRIBUTES" > "$temporary"
if ln "$temporary" "$record" 2>/dev/null; then
  echo "$KIND $NAME" >> "$RECORDS/created.log"
  echo "created $KIND $NAME"
fi
rm -f "$temporary"
