package org.paperless.index.lucene.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic syntax (field:value, "phrases", AND/OR/NOT, wildcards) over the paperless fields, with
 * what paperless-ngx users type besides: {@code created:[2020 to 2021]} (lower-case "to"), date keywords
 * ({@code added:yesterday}, {@code created:"previous month"} or unquoted), numbers for ids, ASN and pages.
 * Words without a field must all match, in any of the default fields.
 */
final class PaperlessQueryParser extends MultiFieldQueryParser {

    private static final Pattern RANGE_TO = Pattern.compile("([\\[{][^\\]}]*?)\\s+to\\s+([^\\]}]*[\\]}])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE_IN_RANGE = Pattern.compile("-\\s*(\\d+)\\s+(day|week|month|year)s?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TWO_WORD_KEYWORD = Pattern.compile(
            "\\b(created|added|modified):(this|previous|last)\\s+(week|month|quarter|year)\\b", Pattern.CASE_INSENSITIVE);

    private final LocalDate today;

    PaperlessQueryParser(Analyzer analyzer, LocalDate today) {
        super(Fields.DEFAULT_FIELDS.keySet().toArray(String[]::new), analyzer, Fields.DEFAULT_FIELDS);
        this.today = today;
        setDefaultOperator(AND_OPERATOR);
    }

    /** The user's text in Lucene's own syntax. */
    static String normalise(String query) {
        String text = TWO_WORD_KEYWORD.matcher(query).replaceAll("$1:\"$2 $3\"");
        text = RELATIVE_IN_RANGE.matcher(text).replaceAll("-$1$2");
        Matcher range = RANGE_TO.matcher(text);
        return range.replaceAll("$1 TO $2");
    }

    @Override
    public Query parse(String query) throws ParseException {
        return super.parse(normalise(query));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (field == null) {
            return super.getFieldQuery(null, queryText, quoted);
        }
        String name = known(field);
        if (Fields.DATES.contains(name)) {
            DateKeywords.Span span = span(queryText);
            return LongPoint.newRangeQuery(name, span.first().toEpochDay(), span.last().toEpochDay());
        }
        if (Fields.NUMBERS.contains(name)) {
            return LongPoint.newExactQuery(name, number(name, queryText));
        }
        return super.getFieldQuery(name, queryText, quoted);
    }

    /** Quoted text comes here: {@code created:"previous month"} is a date, not a phrase. */
    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        if (field != null && (Fields.DATES.contains(known(field)) || Fields.NUMBERS.contains(known(field)))) {
            return getFieldQuery(field, queryText, true);
        }
        return super.getFieldQuery(field == null ? null : known(field), queryText, slop);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
            boolean endInclusive) throws ParseException {
        if (field == null) {
            return super.getRangeQuery(null, part1, part2, startInclusive, endInclusive);
        }
        String name = known(field);
        if (Fields.DATES.contains(name)) {
            long first = open(part1) ? Long.MIN_VALUE : span(part1).first().toEpochDay() + (startInclusive ? 0 : 1);
            long last = open(part2) ? Long.MAX_VALUE : span(part2).last().toEpochDay() - (endInclusive ? 0 : 1);
            return LongPoint.newRangeQuery(name, first, last);
        }
        if (Fields.NUMBERS.contains(name)) {
            long first = open(part1) ? Long.MIN_VALUE : number(name, part1) + (startInclusive ? 0 : 1);
            long last = open(part2) ? Long.MAX_VALUE : number(name, part2) - (endInclusive ? 0 : 1);
            return LongPoint.newRangeQuery(name, first, last);
        }
        return super.getRangeQuery(name, part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return super.getPrefixQuery(field == null ? null : known(field), termStr);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        return super.getWildcardQuery(field == null ? null : known(field), termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return super.getFuzzyQuery(field == null ? null : known(field), termStr, minSimilarity);
    }

    private static boolean open(String part) {
        return part == null || part.equals("*");
    }

    private DateKeywords.Span span(String text) throws ParseException {
        try {
            return DateKeywords.resolve(text, today);
        } catch (IllegalArgumentException e) {
            throw new ParseException(e.getMessage());
        }
    }

    private static long number(String field, String text) throws ParseException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new ParseException(field + " takes a number, not '" + text + "'");
        }
    }

    private static String known(String field) throws ParseException {
        String name = Fields.canonical(field.toLowerCase(Locale.ROOT));
        if (!Fields.SEARCHABLE.contains(name)) {
            throw new ParseException("Unknown field '" + field + "'; searchable fields: "
                    + String.join(", ", Fields.SEARCHABLE.stream().sorted().toList()));
        }
        return name;
    }
}
