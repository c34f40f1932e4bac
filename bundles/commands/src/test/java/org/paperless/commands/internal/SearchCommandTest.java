package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchCommandTest {

    @Test
    void aRangeTheConsoleReadAsAListIsPutBackTogether() {
        assertEquals("zaun created:[2020 to 2023]", SearchCommand.queryText(List.of("zaun", "created:", "[2020, to, 2023]")));
        assertEquals("created:[2020 TO 2021] tax", SearchCommand.queryText(List.of("created:[2020 TO 2021]", "tax")));
        assertEquals("\"a phrase\"", SearchCommand.queryText(List.of("\"a phrase\"")));
    }
}
