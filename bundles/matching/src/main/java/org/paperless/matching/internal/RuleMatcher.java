package org.paperless.matching.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.paperless.api.Matching;
import org.paperless.api.text.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * paperless-ngx's matching algorithms on one text. An empty rule never matches; AUTO is the classifier's
 * business and never matches here. A regular expression that is invalid or runs out of time counts as no
 * match and is logged once; so does any other rule that runs out of time (CPU time, per rule and document).
 */
final class RuleMatcher {

    /** paperless-ngx gives a regular expression 0.1 s; the other rules get the same. */
    static final long SEARCH_MILLIS = 100;
    static final int FUZZY_CUTOFF = 90;
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Logger LOG = LoggerFactory.getLogger(RuleMatcher.class);

    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
    private final Map<String, java.util.Optional<String>> literals = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final long searchNanos;

    RuleMatcher() {
        this(SEARCH_MILLIS);
    }

    RuleMatcher(long searchMillis) {
        this.searchNanos = searchMillis * 1_000_000L;
    }

    /** @param owner names the rule's object in log lines */
    boolean matches(Matching rule, String text, String owner) {
        return matches(rule, new DocumentText(text), owner);
    }

    /**
     * The word rules first look up their words among the text's words (a rule with a word the text lacks
     * cannot match), and run their regular expression only when all are there. Whatever the algorithm, the
     * rule has one time budget for the document, shared by all its words.
     */
    boolean matches(Matching rule, DocumentText text, String owner) {
        if (rule == null || rule.match() == null || rule.match().isBlank()) {
            return false;
        }
        String match = rule.match();
        boolean insensitive = rule.insensitive();
        int flags = Pattern.UNICODE_CHARACTER_CLASS | (insensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        Deadline deadline = Deadline.ofNanos(searchNanos);
        try {
            return switch (rule.algorithm()) {
                case NONE, AUTO -> false;
                case ANY -> MatchWords.terms(match).stream()
                        .anyMatch(t -> term(t, flags, text, insensitive, owner, deadline));
                case ALL -> {
                    List<String> terms = MatchWords.terms(match);
                    yield !terms.isEmpty() && terms.stream()
                            .allMatch(t -> term(t, flags, text, insensitive, owner, deadline));
                }
                case LITERAL -> text.mayContain(match, insensitive)
                        && find("\\b" + Pattern.quote(match) + "\\b", flags, text.text(), owner, deadline);
                case REGEX -> regex(match, flags, text, insensitive, owner, deadline);
                case FUZZY -> fuzzy(match, text, insensitive, deadline);
            };
        } catch (Deadline.Expired e) {
            reportOnce(owner + "|" + match, "The matching rule of {} took more than {} ms on a document and counts as no match: {}",
                    owner, searchNanos / 1_000_000, match);
            return false;
        } catch (StackOverflowError e) {
            reportOnce(owner + "|" + match, "The matching rule of {} is too deep for a document and counts as no match: {}",
                    owner, match);
            return false;
        }
    }

    /**
     * A regular expression that starts with a literal (after an optional \\b) can only match where that
     * literal occurs: it is tried at those places alone, instead of at every position of the text.
     */
    private boolean regex(String match, int flags, DocumentText text, boolean insensitive, String owner, Deadline deadline) {
        String literal = literals.computeIfAbsent(match, RegexPrefilter::requiredLiteralOrEmpty).orElse(null);
        if (literal == null) {
            return find(match, flags, text.text(), owner, deadline);
        }
        String haystack = insensitive ? text.lowerText() : text.text();
        String needle = insensitive ? literal.toLowerCase(Locale.ROOT) : literal;
        if (haystack.length() != text.text().length()) {
            // case folding changed lengths
            return haystack.contains(needle) && find(match, flags, text.text(), owner, deadline);
        }
        int at = haystack.indexOf(needle);
        if (at < 0) {
            return false;
        }
        Pattern pattern = compile(match, flags, owner);
        if (pattern == null) {
            return false;
        }
        java.util.regex.Matcher m = pattern.matcher(deadline.guard(text.text()))
                .useTransparentBounds(true).useAnchoringBounds(false);
        for (; at >= 0; at = haystack.indexOf(needle, at + 1)) {
            if (m.region(at, text.text().length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private Pattern compile(String regex, int flags, String owner) {
        try {
            return patterns.computeIfAbsent(flags + "|" + regex, k -> Pattern.compile(regex, flags));
        } catch (PatternSyntaxException e) {
            reportOnce(owner + "|" + regex, "The matching rule of {} is not a valid regular expression ({}); it never matches",
                    owner, e.getDescription());
            return null;
        }
    }

    /**
     * {@code \\bTERM\\b} in the text. A term of word characters only is exactly one of the text's words, so
     * the word lookup answers it; a phrase or a term with other characters still needs the expression.
     */
    private boolean term(String term, int flags, DocumentText text, boolean insensitive, String owner, Deadline deadline) {
        if (!text.mayContain(term, insensitive)) {
            return false;
        }
        return DocumentText.isWord(term) || find(wordPattern(term), flags, text.text(), owner, deadline);
    }

    private static String wordPattern(String term) {
        return "\\b" + MatchWords.pattern(term) + "\\b";
    }

    private boolean find(String regex, int flags, String text, String owner, Deadline deadline) {
        Pattern pattern = compile(regex, flags, owner);
        return pattern != null && pattern.matcher(deadline.guard(text)).find();
    }

    private static boolean fuzzy(String match, DocumentText text, boolean insensitive, Deadline deadline) {
        String m = PUNCTUATION.matcher(match).replaceAll("");
        if (insensitive) {
            m = m.toLowerCase(Locale.ROOT);
        }
        return !m.isBlank() && FuzzyRatio.partialRatioAtLeast(m, text.withoutPunctuation(insensitive), FUZZY_CUTOFF, deadline);
    }

    private void reportOnce(String key, String message, Object... args) {
        if (reported.add(key)) {
            LOG.warn(message, args);
        }
    }
}
