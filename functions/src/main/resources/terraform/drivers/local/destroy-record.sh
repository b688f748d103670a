# Deletes the record of one cluster, host, network or datastore; a record already gone is nothing to delete.
# FAILURES simulates a site that refuses the first N deletions.
set -eu
attempts="$RECORDS/$KIND/$NAME.destroy-attempts"
mkdir -p "$RECORDS/$KIND"
n=$(cat "$attempts" 2>/dev/null || echo 0)
n=$((n + 1))
echo "$n" > "$attempts"
if [ "$n" -le "$FAILURES" ]; then
  echo "simulated failure $n of $FAILURES destroying $KIND $NAME" >&2
  exit 1
fi
rm -f "$RECORDS/$KIND/$NAME.json"
echo "deleted $KIND $NAME"
