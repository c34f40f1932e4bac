# The mail benchmark, sourced by bench/run (whose helpers it uses: machine, now, corpus, consume_batch,
# instance_cpu, machine_cpu, machine_share, indexed).
#   ./paperless bench mail     BENCH_MAILS (default 1000) mails, BENCH_WARM_MAILS (default 200) to warm up
# N mails with one born-digital PDF attached each, appended to a throwaway Dovecot, become documents through
# one rule (paperless:mail-fetch); beside it in the same run, the same server and mails: a plain jakarta.mail
# loop that only downloads the attachments (bench/mail/ImapBench.java, before and after the fetch), and the
# same PDFs consumed one after the other with paperless:consume (the cost of consumption per document).

# The jakarta.mail and Angus jars the mail bundle embeds, in its versions, from the local Maven repository.
mail_classpath() {
    local pom="$ROOT/bundles/mail/pom.xml" repo="${BENCH_M2_REPO:-$HOME/.m2/repository}" api angus activation angus_activation jar cp=""
    api="$(mail_pom_version jakarta.mail-api.version)"
    angus="$(mail_pom_version angus-mail.version)"
    activation="$(mail_pom_version jakarta.activation-api.version)"
    angus_activation="$(mail_pom_version angus-activation.version)"
    for jar in "jakarta/mail/jakarta.mail-api/$api/jakarta.mail-api-$api.jar" \
        "org/eclipse/angus/angus-mail/$angus/angus-mail-$angus.jar" \
        "jakarta/activation/jakarta.activation-api/$activation/jakarta.activation-api-$activation.jar" \
        "org/eclipse/angus/angus-activation/$angus_activation/angus-activation-$angus_activation.jar"; do
        [ -f "$repo/$jar" ] || { echo "bench: $repo/$jar is missing; building the mail bundle once fetches it (mvn -pl bundles/mail -am install -DskipTests)" >&2; exit 1; }
        cp="$cp${cp:+:}$repo/$jar"
    done
    echo "$cp"
}

mail_pom_version() {
    sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/bundles/mail/pom.xml" | head -n 1
}

# bench/mail/ImapBench.java, run as a source file: append mails, or the download-only loop.
imap_bench() {
    java -cp "$MAIL_CP" "$ROOT/bench/mail/ImapBench.java" "$@"
}

document_count() {
    "$ROOT/paperless" client "paperless:status --no-format" | sed -n 's/^Documents\t\([0-9]*\)$/\1/p'
}

mail_fail() {
    echo "bench mail FAILED: $*" >&2
    exit 1
}

# Waits until the search index holds every document, so that its catching up does not fall into the next phase
# (an instance without the index has nothing to wait for).
index_caught_up() {
    local deadline=$((SECONDS + ${BENCH_TIMEOUT:-1800})) count held
    count="$(document_count)"
    until held="$(indexed)" && { [ -z "$held" ] || [ "$held" = "$count" ]; }; do
        [ $SECONDS -lt $deadline ] || mail_fail "the index did not reach $count documents"
        sleep 0.5
    done
}

# One paperless:mail-fetch of an account, timed until every mail is a document: the fetch consumes each
# mail's attachments before it goes on, and the document count is checked besides. Fails unless EXPECT mails
# became EXPECT documents. Sets MAIL_SECONDS.
mail_fetch() {
    local account="$1" expect="$2" label="$3" before after t0 t1 out row mails docs failed cpu0 cpu1 m0 m1 deadline
    before="$(document_count)"
    cpu0="$(instance_cpu "$pid")"
    m0="$(machine_cpu)"
    t0="$(now)"
    out="$("$ROOT/paperless" client "paperless:mail-fetch --no-format --account $account" 2>&1)" \
        || mail_fail "paperless:mail-fetch --account $account: $out"
    row="$(grep -m 1 "^$account"$'\t' <<<"$out" || true)"
    IFS=$'\t' read -r _ mails docs failed _ <<<"$row"
    [ "$mails" = "$expect" ] && [ "$docs" = "$expect" ] && [ "$failed" = 0 ] \
        || mail_fail "$expect mails should have become $expect documents; paperless:mail-fetch says (account, mails, documents, failed): $row"
    t1="$(now)"
    deadline=$((SECONDS + ${BENCH_TIMEOUT:-1800}))
    until after="$(document_count)" && [ "$after" -ge $((before + expect)) ]; do
        [ $SECONDS -lt $deadline ] || mail_fail "the document count is $after, $((before + expect)) expected"
        sleep 0.2
        t1="$(now)"
    done
    cpu1="$(instance_cpu "$pid")"
    m1="$(machine_cpu)"
    [ $((after - before)) = "$expect" ] || mail_fail "the document count grew by $((after - before)) for $expect mails"
    MAIL_SECONDS="$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')"
    awk -v l="$label" -v n="$expect" -v s="$MAIL_SECONDS" 'BEGIN{printf "paperless:mail-fetch, %s: %.1f mails/s (%d mails, %d documents, %.2f s)\n", l, n/s, n, n, s}'
    awk -v n="$expect" -v c0="$cpu0" -v c1="$cpu1" -v s="$MAIL_SECONDS" -v share="$(machine_share "$m0" "$m1" "$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN{print b-a}')" "$MAIL_SECONDS")" \
        'BEGIN{printf "    instance CPU %.3f s per mail, %.2f cores on average; %s\n", (c1-c0)/n, (c1-c0)/s, share}'
}

# A second fetch of an account whose mails are all done: no mail, no document.
fetch_finds_nothing() {
    local before out row
    before="$(document_count)"
    out="$("$ROOT/paperless" client "paperless:mail-fetch --no-format --account $1" 2>&1)" \
        || mail_fail "paperless:mail-fetch --account $1 again: $out"
    row="$(grep -m 1 "^$1"$'\t' <<<"$out" || true)"
    [ "$(cut -f2-4 <<<"$row")" = $'0\t0\t0' ] && [ "$(document_count)" = "$before" ] \
        || mail_fail "a second fetch should find nothing; it says (account, mails, documents, failed): $row"
    echo "paperless:mail-fetch of INBOX again: 0 mails, 0 documents (every mail was taken once)"
}

# paperless:consume of a folder of PDFs, one after the other as the fetcher consumes; fails unless every file
# became a document. Sets CONSUME_SECONDS.
mail_consume() {
    local folder="$1" label="$2" n line stored cpu0 cpu1 m0 m1
    n="$(count_files "$folder" pdf)"
    cpu0="$(instance_cpu "$pid")"
    m0="$(machine_cpu)"
    line="$(consume_batch "$folder" "$work/consume.out" "$label")"
    cpu1="$(instance_cpu "$pid")"
    m1="$(machine_cpu)"
    echo "$line"
    stored="$(grep -c ': document ' "$work/consume.out" || true)"
    [ "$stored" = "$n" ] || { tail -n 5 "$work/consume.out" >&2; mail_fail "paperless:consume stored $stored of $n files"; }
    CONSUME_SECONDS="$(sed -n 's/.* documents, \([0-9.]*\) s)$/\1/p' <<<"$line")"
    awk -v n="$n" -v c0="$cpu0" -v c1="$cpu1" -v s="$CONSUME_SECONDS" -v share="$(machine_share "$m0" "$m1" "$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN{print b-a}')" "$CONSUME_SECONDS")" \
        'BEGIN{printf "    instance CPU %.3f s per document, %.2f cores on average; %s\n", (c1-c0)/n, (c1-c0)/s, share}'
}

# The same PDFs with a comment line after their end: other checksums, so that they are no duplicates of the
# mails' documents; the same pages to parse, archive and index.
consume_copies() {
    local from="$1" to="$2" count="$3" f files
    mkdir -p "$to"
    # An array, not ls | head: head leaving early would end ls with SIGPIPE, and pipefail the bench.
    files=("$from"/*.pdf)
    cp "${files[@]:0:$count}" "$to/"
    for f in "$to"/*.pdf; do
        printf '%%bench: a copy for the consume folder\n' >> "$f"
    done
}

# The download-only loop over the Warm folder (this JVM's warm-up) and INBOX, whose time it sets in LOOP_SECONDS.
download_loop() {
    local out m0 m1 mails
    rm -rf "$work/download"
    m0="$(machine_cpu)"
    out="$(imap_bench download "$host" "$iport" "$user" "$password" "$work/download" Warm INBOX)" \
        || mail_fail "the download loop: $out"
    m1="$(machine_cpu)"
    grep -v '^seconds=' <<<"$out" | sed "s/^download loop over Warm/$1download loop over Warm (its JVM's warm-up)/; s/^download loop over INBOX/$1download loop over INBOX/"
    LOOP_SECONDS="$(tail -n 1 <<<"$out" | sed -n 's/^seconds=\([0-9.]*\) mails=.*/\1/p')"
    mails="$(tail -n 1 <<<"$out" | sed -n 's/.* mails=\([0-9]*\)$/\1/p')"
    [ "$mails" = "$n" ] || mail_fail "the download loop found $mails mails in INBOX, $n expected"
    [ "$(find "$work/download/INBOX" -name '*.pdf' | wc -l)" = "$n" ] || mail_fail "the download loop wrote fewer than $n PDFs"
}

bench_mail() {
    local n="${BENCH_MAILS:-1000}" warm="${BENCH_WARM_MAILS:-200}" work port dir pid imap host iport user password
    local loop_before loop_after loop_s mail_s consume_s before
    machine
    echo "load before: $(uptime | sed 's/.*load average/load average/')"
    work="$(mktemp -d /tmp/paperless-bench-XXXXXX)"
    # Dovecot runs as the dovecot user when the bench runs as root: it must get through to its folder.
    chmod 711 "$work"
    dir="$work/data"
    port=$(free_port 20000)
    trap "bench_status=\$?; PAPERLESS_DATA_DIR='$dir' \"$ROOT/paperless\" stop >/dev/null 2>&1 || true; IMAP_TEST_DIR='$work/imap' \"$ROOT/scripts/imap-test-server.sh\" stop >/dev/null 2>&1 || true; keep_if_failed \$bench_status '$work'" EXIT
    MAIL_CP="$(mail_classpath)"
    corpus --count "$n" --out "$work/corpus" --scanned 0 --seed 42
    corpus --count "$warm" --out "$work/corpus-warm" --scanned 0 --seed 43
    echo "corpus: $(count_files "$work/corpus" pdf) born-digital PDFs (seed 42, $(cat "$work"/corpus/*.pdf | wc -c | awk '{printf "%.1f MB", $1/1e6}')), one per mail; $warm other PDFs (seed 43) to warm up"

    imap="$(IMAP_TEST_DIR="$work/imap" "$ROOT/scripts/imap-test-server.sh" start 2>"$work/imap-start.log" | tail -n 1)" \
        || { cat "$work/imap-start.log" >&2; mail_fail "the Dovecot test server did not start"; }
    IFS=: read -r host iport user password <<<"$imap"
    echo "Dovecot $(dovecot --version 2>/dev/null | cut -d' ' -f1) on $host:$iport"
    imap_bench append "$host" "$iport" "$user" "$password" INBOX "$work/corpus"
    imap_bench append "$host" "$iport" "$user" "$password" Warm "$work/corpus-warm"

    # Scheduled jobs off: a scheduled fetch would take the mails, a classifier training the CPU.
    export PAPERLESS_DATA_DIR="$dir" PAPERLESS_SSH_PORT="$port" PAPERLESS_SKIP_SETUP=1
    PAPERLESS_EMAIL_TASK_CRON=disable PAPERLESS_TRAIN_TASK_CRON=disable start_instance > "$work/start.log" 2>&1 \
        || { cat "$work/start.log" >&2; mail_fail "the instance did not start"; }
    pid="$(cat "$dir/karaf/karaf.pid")"
    if ! "$ROOT/paperless" client "paperless:mail-fetch --help" >/dev/null 2>&1; then
        "$ROOT/paperless" client "feature:install paperless-mail" >/dev/null
        "$ROOT/paperless" client "paperless:mail-fetch --help" >/dev/null 2>&1 || mail_fail "no paperless:mail-fetch in the instance"
    fi
    # Two accounts on the same mailbox: one with a rule over Warm, one with a rule over INBOX, fetched apart.
    "$ROOT/paperless" client "paperless:mail-account-add --host $host --port $iport --security none --user $user --password $password bench-warm" >/dev/null
    "$ROOT/paperless" client "paperless:mail-account-add --host $host --port $iport --security none --user $user --password $password bench" >/dev/null
    "$ROOT/paperless" client "paperless:mail-rule-add --account bench-warm --folder Warm --maximum-age 0 --action mark-read bench-warm" >/dev/null
    "$ROOT/paperless" client "paperless:mail-rule-add --account bench --folder INBOX --maximum-age 0 --action mark-read bench" >/dev/null

    echo "--- warm-up"
    mail_fetch bench-warm "$warm" "the Warm folder, fresh instance"
    consume_copies "$work/corpus-warm" "$work/consume-warm" 50
    mail_consume "$work/consume-warm" "$(count_files "$work/consume-warm" pdf) of the warm-up PDFs again (a comment line added)"

    echo "--- measured"
    index_caught_up
    download_loop ""
    loop_before="$LOOP_SECONDS"
    index_caught_up
    before="$(document_count)"
    mail_fetch bench "$n" "INBOX, one rule (mark read), warm instance"
    mail_s="$MAIL_SECONDS"
    [ $(( $(document_count) - before )) = "$n" ] || mail_fail "the mail path did not make exactly $n documents"
    fetch_finds_nothing bench
    index_caught_up
    consume_copies "$work/corpus" "$work/consume-in" "$n"
    mail_consume "$work/consume-in" "the same PDFs (a comment line added), warm instance"
    consume_s="$CONSUME_SECONDS"
    download_loop "again: "
    loop_after="$LOOP_SECONDS"
    loop_s="$(awk -v a="$loop_before" -v b="$loop_after" 'BEGIN{print (a+b)/2}')"

    echo "---"
    awk -v n="$n" -v m="$mail_s" -v l="$loop_s" -v c="$consume_s" \
        'BEGIN{printf "mail path %.1f mails/s; download-only loop %.1f mails/s (mean of the runs before and after); consumption %.3f s per document\n", n/m, n/l, c/n}'
    awk -v m="$mail_s" -v l="$loop_s" -v c="$consume_s" \
        'BEGIN{printf "mail path %.1f s against download %.1f s + consumption %.1f s: %.2fx (goal <= 1.5x)\n", m, l, c, m/(l+c)}'
    echo "documents from the mail path: $n from $n mails, exactly one each (checked: fetch table, document count, a second fetch found nothing)"
    echo "load after: $(uptime | sed 's/.*load average/load average/')"
}
