package org.paperless.matching.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.paperless.api.Matching;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * paperless-ngx's matching algorithms on one text. An empty rule never matches; AUTO is the classifier's
 * business and never matches here. A regular expression that is invalid or runs out of time counts as no
 * match and is logged once.
 */
final class RuleMatcher {

    static final long REGEX_MILLIS = 100;
    static final int FUZZY_CUTOFF = 90;
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Logger LOG = LoggerFactory.getLogger(RuleMatcher.class);

    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final long regexNanos;

    RuleMatcher() {
        this(REGEX_MILLIS);
    }

    RuleMatcher(long regexMillis) {
        this.regexNanos = regexMillis * 1_000_000L;
    }

    /** @param owner names the rule's object in log lines */
    boolean matches(Matching rule, String text, String owner) {
        if (rule == null || rule.match() == null || rule.match().isBlank() || text == null) {
            return false;
        }
        String match = rule.match();
        int flags = Pattern.UNICODE_CHARACTER_CLASS | (rule.insensitive() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return switch (rule.algorithm()) {
            case NONE, AUTO -> false;
            case ANY -> MatchWords.split(match).stream().anyMatch(w -> find("\\b" + w + "\\b", flags, text, owner));
            case ALL -> {
                List<String> words = MatchWords.split(match);
                yield !words.isEmpty() && words.stream().allMatch(w -> find("\\b" + w + "\\b", flags, text, owner));
            }
            case LITERAL -> find("\\b" + Pattern.quote(match) + "\\b", flags, text, owner);
            case REGEX -> find(match, flags, text, owner);
            case FUZZY -> fuzzy(match, text, rule.insensitive());
        };
    }

    private boolean find(String regex, int flags, String text, String owner) {
        Pattern pattern;
        try {
            pattern = patterns.computeIfAbsent(flags + "|" + regex, k -> Pattern.compile(regex, flags));
        } catch (PatternSyntaxException e) {
            reportOnce(owner + "|" + regex, "The matching rule of {} is not a valid regular expression ({}); it never matches",
                    owner, e.getDescription());
            return false;
        }
        try {
            return pattern.matcher(new Deadline(text, System.nanoTime() + regexNanos)).find();
        } catch (Deadline.Expired e) {
            reportOnce(owner + "|" + regex, "The matching rule of {} took more than {} ms on a document and counts as no match: {}",
                    owner, regexNanos / 1_000_000, regex);
            return false;
        } catch (StackOverflowError e) {
            reportOnce(owner + "|" + regex, "The matching rule of {} is too deep for a document and counts as no match: {}",
                    owner, regex);
            return false;
        }
    }

    private static boolean fuzzy(String match, String text, boolean insensitive) {
        String m = PUNCTUATION.matcher(match).replaceAll("");
        String t = PUNCTUATION.matcher(text).replaceAll("");
        if (insensitive) {
            m = m.toLowerCase(Locale.ROOT);
            t = t.toLowerCase(Locale.ROOT);
        }
        return !m.isBlank() && FuzzyRatio.partialRatioAtLeast(m, t, FUZZY_CUTOFF);
    }

    private void reportOnce(String key, String message, Object... args) {
        if (reported.add(key)) {
            LOG.warn(message, args);
        }
    }
}
