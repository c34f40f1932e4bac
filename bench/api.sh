# The REST API under load, sourced by bench/run:
#   ./paperless bench api      BENCH_DOCS (default 100000) documents, BENCH_API_SECONDS (default 20) per mix,
#                              BENCH_API_CLIENTS (default 20) connections, BENCH_API_WARMUP (default 30) seconds
#                              of each list version before measuring
# wrk (Debian's package) on loopback against one instance: pages of the document list with filters and an
# order, full-text queries, thumbnails; latency percentiles and requests per second, each mix alone. Beside
# them, the same list queries and searches timed inside the instance (paperless-bench:api-queries), so the
# HTTP + JSON overhead shows. Lists and searches are kept between two writes (storage's and the index's kept
# answers), so two more mixes show what is not kept: lists that are each asked once (the database's own
# cost), and the same lists while a document is changed every second (every change makes the kept ones stale).

# A wrk script that walks through PATHS (one per line in $1), one request after the other per thread.
api_wrk_script() {
    local paths="$1" out="$2"
    {
        echo "local paths = {}"
        while IFS= read -r p; do printf 'paths[#paths + 1] = "%s"\n' "$p"; done < "$paths"
        cat <<'LUA'
-- wrk's two threads take every other path, so that a path of a list of distinct ones is asked once.
local threads = 0
function setup(thread)
    thread:set("first", threads)
    threads = threads + 1
end
local i = nil
request = function()
    if i == nil then i = first or 0 end
    i = i + 2
    return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
    } > "$out"
}

# One mix for BENCH_API_SECONDS with BENCH_API_CLIENTS connections, API version ${5:-9}; prints wrk's summary.
api_mix() {
    local label="$1" paths="$2" token="$3" port="$4" version="${5:-9}" script="$work/$RANDOM.lua" out
    api_wrk_script "$paths" "$script"
    out="$(wrk -t2 -c"${BENCH_API_CLIENTS:-20}" -d"${BENCH_API_SECONDS:-20}s" --latency --timeout 10s \
        -H "Authorization: Token $token" -H "Accept: application/json; version=$version" -s "$script" \
        "http://127.0.0.1:$port")"
    echo "$label:"
    echo "$out" | grep -E "^\s+(50|75|90|99)%|Requests/sec|requests in|Non-2xx|Socket errors" | sed 's/^ */    /'
}

# Changes the title of a random document every second, until killed: each change sent on its second whether or
# not the one before has answered, so both databases see as many changes. Each answer's status and time go to $4.
changing_documents() {
    local token="$1" port="$2" n="$3" log="$4" i=0
    while sleep 1; do
        i=$((i + 1))
        curl -s --max-time 30 -o /dev/null -w '%{http_code} %{time_total}\n' -X PATCH -H "Authorization: Token $token" \
            -H 'Content-Type: application/json' -d "{\"title\":\"changed $i\"}" \
            "http://127.0.0.1:$port/api/documents/$(( (RANDOM * 32768 + RANDOM) % n + 1 ))/" >> "$log" &
    done
}

# The changes changing_documents made (log $1): how many, how many answered 200, the median and slowest time.
changes_made() {
    sort -k2 -g "$1" | awk '{ n++; if ($1 == 200) ok++; t[n] = $2 } END {
        if (n == 0) { print "    changes: none answered"; exit }
        printf "    changes: %d sent, %d answered 200, p50 %.3f s, slowest %.3f s\n", n, ok, t[int((n + 1) / 2)], t[n] }'
}

bench_api() {
    local n="${BENCH_DOCS:-100000}" work port http dir jar token user password
    need_tool wrk wrk
    need_tool curl curl
    machine
    echo "load before: $(uptime | sed 's/.*load average/load average/')"
    work="$(mktemp -d /tmp/paperless-bench-XXXXXX)"
    jar="$(loader_jar)"
    dir="$work/data"
    port=$(free_port 20000)
    http=$((port + 1))
    export PAPERLESS_DATA_DIR="$dir" PAPERLESS_SSH_PORT="$port" PAPERLESS_PORT="$http" PAPERLESS_SKIP_SETUP=1
    start_instance >/dev/null 2>&1
    trap "bench_status=\$?; \"$ROOT/paperless\" stop >/dev/null 2>&1 || true; keep_if_failed \$bench_status '$work'" EXIT
    "$ROOT/paperless" client "bundle:install -s file:$jar" >/dev/null
    stop_index
    "$ROOT/paperless" client "paperless-bench:load --count $n --files 2" | tail -n 1
    settle_database
    "$ROOT/paperless" client "bundle:start org.paperless.index.lucene"
    until [ "$(indexed)" = "$n" ]; do sleep 0.5; done
    echo "$n documents loaded and indexed (with files: a 2 KB original, an archive copy, a 6 KB thumbnail each)"
    wait_quiet "$(karaf_pid "$dir")"
    user="$(sed -n 's/^user=//p' "$dir/security/admin.credentials")"
    password="$(sed -n 's/^password=//p' "$dir/security/admin.credentials")"
    token="$(curl -s -X POST -H 'Content-Type: application/json' \
        -d "{\"username\":\"$user\",\"password\":\"$password\"}" "http://127.0.0.1:$http/api/token/" \
        | sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')"
    [ -n "$token" ] || { echo "bench: no API token" >&2; exit 1; }
    local tags correspondents
    tags="$(curl -s -H "Authorization: Token $token" "http://127.0.0.1:$http/api/tags/?page_size=1000&fields=id" \
        | grep -o '"all":\[[0-9,]*\]' | grep -o '[0-9][0-9]*' | head -n 20)"
    correspondents="$(curl -s -H "Authorization: Token $token" "http://127.0.0.1:$http/api/correspondents/?page_size=1000" \
        | grep -o '"all":\[[0-9,]*\]' | grep -o '[0-9][0-9]*' | head -n 20)"
    # Lists as the web app and the mobile apps ask for them: the newest first, a page of 25, with a filter.
    : > "$work/lists"
    local t c i
    for t in $tags; do
        echo "/api/documents/?page=1&page_size=25&ordering=-created&truncate_content=true&tags__id__all=$t" >> "$work/lists"
    done
    for c in $correspondents; do
        echo "/api/documents/?page=2&page_size=25&ordering=-created&correspondent__id__in=$c" >> "$work/lists"
    done
    echo "/api/documents/?page=1&page_size=25&ordering=-created" >> "$work/lists"
    echo "/api/documents/?page=1&page_size=25&ordering=title&title_content=rechnung" >> "$work/lists"
    # Each asked once in the run: a tag and a different "created after" day every time.
    : > "$work/cold"
    for i in $(seq 1 3000); do
        set -- $tags
        shift $(( i % $# ))
        echo "/api/documents/?page=1&page_size=25&ordering=-created&truncate_content=true&tags__id__all=$1&created__date__gt=$(date -d "2000-01-01 + $i days" +%F)" >> "$work/cold"
    done
    : > "$work/queries"
    for w in rechnung versicherung kündigung invoice vertrag stadtwerke miete steuer arzt bank; do
        echo "/api/documents/?query=$(printf '%s' "$w" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')&page_size=25&truncate_content=true" >> "$work/queries"
    done
    : > "$work/thumbs"
    for i in $(seq 1 500); do echo "/api/documents/$(( (RANDOM * 32768 + RANDOM) % n + 1 ))/thumb/" >> "$work/thumbs"; done
    # Before measuring, until the instance serves at its steady pace (the JIT's compiled code, the heap grown to
    # the load, the kept answers): the first minute of a freshly loaded instance answers lists at half that pace.
    BENCH_API_SECONDS="${BENCH_API_WARMUP:-30}" api_mix "warm-up (not compared)" "$work/lists" "$token" "$http" 9 >/dev/null
    BENCH_API_SECONDS="${BENCH_API_WARMUP:-30}" api_mix "warm-up (not compared)" "$work/lists" "$token" "$http" 10 >/dev/null
    BENCH_API_SECONDS=10 api_mix "warm-up (not compared)" "$work/queries" "$token" "$http" >/dev/null
    api_mix "document lists (page of 25, newest first, a tag or correspondent filter), API version 9 (with all)" \
        "$work/lists" "$token" "$http" 9
    api_mix "the same lists, API version 10 (without all)" "$work/lists" "$token" "$http" 10
    api_mix "full-text queries (page of 25)" "$work/queries" "$token" "$http"
    api_mix "thumbnails" "$work/thumbs" "$token" "$http"
    echo "the same lists and queries inside the instance (one at a time, no HTTP, no JSON):"
    "$ROOT/paperless" client "paperless-bench:api-queries --tags $(echo $tags | tr ' ' ',') --correspondents \
$(echo $correspondents | tr ' ' ',') --text rechnung --words rechnung,versicherung,kündigung,invoice,vertrag,stadtwerke,miete,steuer,arzt,bank" \
        | sed 's/^/    /'
    # Last, as they leave requests queued behind them: what is not kept.
    api_mix "lists asked once each (nothing kept: the database's cost), version 10" "$work/cold" "$token" "$http" 10
    sleep 10
    changing_documents "$token" "$http" "$n" "$work/changes" &
    local writer=$!
    api_mix "the kept lists while a document changes every second, version 10" "$work/lists" "$token" "$http" 10
    kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null || true
    sleep 10 # the changes still on their way
    changes_made "$work/changes"
    echo "load after: $(uptime | sed 's/.*load average/load average/')"
}
