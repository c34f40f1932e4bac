# The hot-swap benchmark, sourced by bench/run (whose helpers it uses: machine, now, corpus, count_files,
# instance_cpu, machine_cpu, machine_share).
#   ./paperless bench swap     BENCH_DOCS (default 1000) born-digital PDFs per run, BENCH_SWAP_SECONDS (default 10)
# One instance, two runs of N different PDFs each through the consume folder: the first undisturbed, the
# second while a bundle of the documents' path (PDF parser, PDF/A archiver, index, matching, OCR) is restarted
# every BENCH_SWAP_SECONDS, one after the other. The rate of the second against the first (goal > 80%), and
# both must store every file exactly once with nothing refused.

SWAPPED_BUNDLES=(org.paperless.parser.pdf org.paperless.archive.pdfa org.paperless.index.lucene org.paperless.matching org.paperless.ocr.tesseract)

# Moves the PDFs of SRC into the consume folder at once and waits until the watcher has taken them all;
# prints the rate and sets SWAP_RATE (documents per second, from the move to the last file gone).
swap_run() {
    local src="$1" consume="$2" label="$3" n t0 t1 deadline
    n="$(count_files "$src" pdf)"
    t0="$(now)"
    mv "$src"/*.pdf "$consume/"
    deadline=$((SECONDS + ${BENCH_TIMEOUT:-1800}))
    while [ "$(count_files "$consume" pdf)" != 0 ]; do
        [ $SECONDS -lt $deadline ] || { echo "bench: files still in $consume after ${BENCH_TIMEOUT:-1800} s" >&2; exit 1; }
        sleep 0.1
    done
    t1="$(now)"
    SWAP_RATE="$(awk -v n="$n" -v a="$t0" -v b="$t1" 'BEGIN{print n/(b-a)}')"
    awk -v n="$n" -v a="$t0" -v b="$t1" -v w="$label" 'BEGIN{printf "%s: %.2f documents/s (%d files, %.1f s)\n", w, n/(b-a), n, b-a}'
}

# Restarts the bundles one after the other, one every SECONDS, until the file STOP exists; counts them in COUNT.
swap_loop() {
    local seconds="$1" stop="$2" count="$3" i=0 bundle
    while [ ! -e "$stop" ]; do
        sleep "$seconds"
        [ -e "$stop" ] && break
        bundle="${SWAPPED_BUNDLES[$(( i % ${#SWAPPED_BUNDLES[@]} ))]}"
        "$ROOT/paperless" client "bundle:restart $bundle" >/dev/null 2>&1 || echo "bench: bundle:restart $bundle failed" >&2
        i=$(( i + 1 ))
        echo "$i" > "$count"
    done
}

bench_swap() {
    local n="${BENCH_DOCS:-1000}" seconds="${BENCH_SWAP_SECONDS:-10}" work dir port quiet swapped expected stored refused
    machine
    echo "load before: $(uptime | sed 's/.*load average/load average/')"
    work="$(mktemp -d /tmp/paperless-bench-XXXXXX)"
    dir="$work/data"
    port=$(free_port 20000)
    export PAPERLESS_DATA_DIR="$dir" PAPERLESS_SSH_PORT="$port" PAPERLESS_SKIP_SETUP=1 PAPERLESS_CONSUMER_INOTIFY_DELAY=0
    trap "bench_status=\$?; touch '$work/stop'; PAPERLESS_DATA_DIR='$dir' \"$ROOT/paperless\" stop >/dev/null 2>&1 || true; keep_if_failed \$bench_status '$work'" EXIT
    corpus --count "$n" --out "$work/quiet" --scanned 0 --seed 42
    corpus --count "$n" --out "$work/swapped" --scanned 0 --seed 44
    # As many to warm the JVM first: otherwise the second run gains from compiled code the first paid for.
    corpus --count "$n" --out "$work/warm" --scanned 0 --seed 43
    rm -f "$work"/{quiet,swapped,warm}/*.json
    start_instance >/dev/null 2>&1 || { echo "bench: the instance did not start" >&2; exit 1; }
    "$ROOT/paperless" client "paperless:correspondent-add --match invoice --algorithm any Invoices" >/dev/null
    swap_run "$work/warm" "$dir/consume" "warm-up, $n PDFs"
    swap_run "$work/quiet" "$dir/consume" "consume folder, $n born-digital PDFs, no restarts"
    quiet="$SWAP_RATE"
    echo 0 > "$work/swaps"
    swap_loop "$seconds" "$work/stop" "$work/swaps" &
    swap_run "$work/swapped" "$dir/consume" "consume folder, $n other PDFs, a bundle restarted every $seconds s"
    swapped="$SWAP_RATE"
    touch "$work/stop"
    wait
    echo "bundles restarted meanwhile: $(cat "$work/swaps") (${SWAPPED_BUNDLES[*]}, in turn)"
    expected=$(( 3 * n ))
    stored="$("$ROOT/paperless" client "paperless:status --no-format" | awk -F'\t' '$1 == "Documents" {print $2}')"
    refused="$(count_files "$dir/consume/failed" txt)"
    echo "documents: $stored of $expected, refused: $refused"
    awk -v a="$swapped" -v b="$quiet" 'BEGIN{printf "with restarts against without: %.0f%% of the rate (goal > 80%%)\n", 100 * a / b}'
    "$ROOT/paperless" client "paperless:sanity --no-progress-bar" | tail -n 1
    echo "load after: $(uptime | sed 's/.*load average/load average/')"
    [ "$refused" = 0 ] && [ "$stored" = "$expected" ] || { echo "bench: documents were lost or refused" >&2; exit 1; }
}
