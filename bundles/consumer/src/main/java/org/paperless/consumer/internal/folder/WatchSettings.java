package org.paperless.consumer.internal.folder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.paperless.api.config.Settings;
import org.paperless.consumer.internal.ConsumerConfig;

/** The watcher's settings: configuration, else environment, else paperless-ngx's defaults. */
record WatchSettings(boolean enabled, long stableMillis, long rescanMillis, boolean recursive, boolean subdirsAsTags,
        List<Pattern> ignore) {

    /** paperless-ngx's default ignore list: system files of macOS, Windows, Synology and Syncthing. */
    static final List<String> DEFAULT_IGNORE = List.of("(?i).*(^|/)\\.DS_Store$", "(?i).*(^|/)\\._.*",
            "(?i).*(^|/)Thumbs\\.db$", "(?i).*(^|/)desktop\\.ini$", ".*(^|/)@eaDir(/.*)?", ".*(^|/)\\.stfolder(/.*)?",
            ".*(^|/)\\.stversions(/.*)?", ".*(^|/)\\.localized$");

    static WatchSettings from(ConsumerConfig config, Map<String, String> env) {
        Settings s = Settings.of(env::get);
        return new WatchSettings(
                s.bool("enabled", config.enabled(), null, true),
                s.seconds("stableSeconds", config.stableSeconds(), "PAPERLESS_CONSUMER_INOTIFY_DELAY", Duration.ofSeconds(5)).toMillis(),
                rescanMillis(s.seconds("rescanSeconds", config.rescanSeconds(), "PAPERLESS_CONSUMER_POLLING", Duration.ofSeconds(30))),
                s.bool("recursive", config.recursive(), "PAPERLESS_CONSUMER_RECURSIVE", false),
                s.bool("subdirsAsTags", config.subdirsAsTags(), "PAPERLESS_CONSUMER_SUBDIRS_AS_TAGS", false),
                patterns(s.list("ignorePatterns", config.ignorePatterns(), "PAPERLESS_CONSUMER_IGNORE_PATTERNS", DEFAULT_IGNORE)));
    }

    /** paperless-ngx's POLLING=0 means "events only"; we still rescan, but rarely. */
    private static long rescanMillis(Duration d) {
        return d.isZero() ? 300_000 : d.toMillis();
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes.stream().map(Pattern::compile).toList();
    }
}
