package org.paperless.consumer.internal.folder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.paperless.consumer.internal.ConsumerConfig;

/** The watcher's settings: configuration, else environment, else paperless-ngx's defaults. */
record WatchSettings(boolean enabled, long stableMillis, long rescanMillis, boolean recursive, boolean subdirsAsTags,
        List<Pattern> ignore) {

    /** paperless-ngx's default ignore list: system files of macOS, Windows, Synology and Syncthing. */
    static final String DEFAULT_IGNORE = "(?i).*(^|/)\\.DS_Store$,(?i).*(^|/)\\._.*,(?i).*(^|/)Thumbs\\.db$,"
            + "(?i).*(^|/)desktop\\.ini$,.*(^|/)@eaDir(/.*)?,.*(^|/)\\.stfolder(/.*)?,.*(^|/)\\.stversions(/.*)?,"
            + ".*(^|/)\\.localized$";

    static WatchSettings from(ConsumerConfig config, Map<String, String> env) {
        return new WatchSettings(
                bool(config.enabled(), null, env, true),
                seconds(config.stableSeconds(), "PAPERLESS_CONSUMER_INOTIFY_DELAY", env, 5),
                seconds(config.rescanSeconds(), "PAPERLESS_CONSUMER_POLLING", env, 30),
                bool(config.recursive(), "PAPERLESS_CONSUMER_RECURSIVE", env, false),
                bool(config.subdirsAsTags(), "PAPERLESS_CONSUMER_SUBDIRS_AS_TAGS", env, false),
                patterns(value(config.ignorePatterns(), "PAPERLESS_CONSUMER_IGNORE_PATTERNS", env, DEFAULT_IGNORE)));
    }

    private static String value(String configured, String envName, Map<String, String> env, String fallback) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String fromEnv = envName == null ? null : env.get(envName);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : fallback;
    }

    private static boolean bool(String configured, String envName, Map<String, String> env, boolean fallback) {
        String v = value(configured, envName, env, Boolean.toString(fallback)).toLowerCase();
        return v.equals("true") || v.equals("1") || v.equals("yes");
    }

    private static long seconds(String configured, String envName, Map<String, String> env, double fallback) {
        String v = value(configured, envName, env, Double.toString(fallback));
        try {
            double s = Double.parseDouble(v);
            // paperless-ngx's POLLING=0 means "events only"; we still rescan, but rarely.
            return s <= 0 ? 300_000 : Math.round(s * 1000);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number of seconds");
        }
    }

    /** paperless-ngx takes a JSON list; a comma-separated list is accepted too. */
    private static List<Pattern> patterns(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        List<Pattern> result = new ArrayList<>();
        for (String p : t.split(",")) {
            String clean = p.strip();
            if (clean.length() >= 2 && clean.startsWith("\"") && clean.endsWith("\"")) {
                clean = clean.substring(1, clean.length() - 1).replace("\\\\", "\\");
            }
            if (!clean.isEmpty()) {
                result.add(Pattern.compile(clean));
            }
        }
        return List.copyOf(result);
    }
}
