package org.paperless.consumer.internal.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonthNamesTest {

    @ParameterizedTest
    @CsvSource({
            "January,1", "Januar,1", "jan,1", "Feb,2", "Februar,2", "March,3", "März,3", "MÄRZ,3", "Mär,3",
            "Maerz,3", "Mrz,3", "april,4", "May,5", "Mai,5", "June,6", "Juni,6", "July,7", "Juli,7", "Aug,8",
            "Sept,9", "SEP,9", "October,10", "Oktober,10", "Okt,10", "Nov,11", "December,12", "Dezember,12",
            "Dez,12", "Dec,12"})
    void knownSpellings(String name, int month) {
        assertEquals(month, MonthNames.month(name));
    }

    @ParameterizedTest
    @CsvSource({"Montag", "Mo", "Marc", "Ju", "Juno", "''"})
    void unknownSpellings(String name) {
        assertEquals(0, MonthNames.month(name));
    }
}
