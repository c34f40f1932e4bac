package org.paperless.maintenance.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CronTest {

    private static String refused(String expression) {
        return assertThrows(IllegalArgumentException.class, () -> Cron.toQuartz(expression)).getMessage();
    }

    @Test
    void paperlessNgxDefaultsBecomeQuartzExpressions() {
        assertEquals("0 5 * * * ?", Cron.toQuartz("5 */1 * * *"), "training: every hour at five past");
        assertEquals("0 0 0 * * ?", Cron.toQuartz("0 0 * * *"), "index: daily at midnight");
        assertEquals("0 30 0 ? * 1", Cron.toQuartz("30 0 * * sun"), "sanity: Sundays at 00:30");
        assertEquals("0 0 1 * * ?", Cron.toQuartz("0 1 * * *"), "trash: daily at 01:00");
        assertEquals("0 0/10 * * * ?", Cron.toQuartz("*/10 * * * *"), "mail: every ten minutes");
    }

    @Test
    void readsRangesStepsListsAndNames() {
        assertEquals("0 0 8-17 ? * 2-6", Cron.toQuartz("0 8-17 * * mon-fri"));
        assertEquals("0 15 2 ? * 1,7", Cron.toQuartz("15 2 * * sat,SUN"), "names in any case");
        assertEquals("0 15 2 ? * 1", Cron.toQuartz("15 2 * * 7"), "7 is Sunday too");
        assertEquals("0 15 2 ? * 1", Cron.toQuartz("15 2 * * Sunday"), "full names");
        assertEquals("0 0 0-2,22,23 * * ?", Cron.toQuartz("0 22-2 * * *"), "a range may wrap");
        assertEquals("0 0 0 ? * 1,2,6,7", Cron.toQuartz("0 0 * * fri-mon"), "so may days of the week");
        assertEquals("0 5/20 * * * ?", Cron.toQuartz("5-45/20 * * * *"), "5, 25 and 45");
        assertEquals("0 7/15 * * * ?", Cron.toQuartz("7/15 * * * *"), "from 7 every 15");
        assertEquals("0 0 3 1,15 1/3 ?", Cron.toQuartz("0 3 1,15 */3 *"), "days of the month, every third month");
        assertEquals("0 0 3 1 1 ?", Cron.toQuartz("0 3 1 jan *"), "month names");
        assertEquals("0 0 0 * * ?", Cron.toQuartz("  0   0 * *   *  "), "any white space between fields");
    }

    @Test
    void quartzExpressionsPassWhenTheyAreSound() {
        assertEquals("0 0/5 * * * ?", Cron.toQuartz("0 0/5 * * * ?"));
        assertEquals("0 15 10 ? * MON-FRI", Cron.toQuartz("0 15 10 ? * MON-FRI"));
        assertEquals("0 15 10 L * ? 2030", Cron.toQuartz("0 15 10 L * ? 2030"));
        assertEquals("0 15 10 ? * 6#3", Cron.toQuartz("0 15 10 ? * 6#3"));
        assertEquals("0 0 12 15W * ?", Cron.toQuartz("0 0 12 15W * ?"));
        assertEquals("0 0 12 ? * 6L", Cron.toQuartz("0 0 12 ? * 6L"));
        assertEquals("*/30 * * * * ?", Cron.toQuartz("*/30 * * * * ?"));
    }

    @Test
    void refusesWhatNeitherFormReads() {
        assertTrue(refused("5 * * *").contains("5 fields"), refused("5 * * *"));
        assertTrue(refused("60 * * * *").contains("minute field '60' needs numbers from 0 to 59"), refused("60 * * * *"));
        assertTrue(refused("0 24 * * *").contains("hour"));
        assertTrue(refused("0 0 0 * *").contains("day of month field '0'"));
        assertTrue(refused("0 0 * 13 *").contains("month"));
        assertTrue(refused("0 0 * * 8").contains("0 and 7 are Sunday"));
        assertTrue(refused("0 0 * * funday").contains("name such as sun"));
        assertTrue(refused("*/0 * * * *").contains("step of 1 or more"));
        assertTrue(refused("1,,2 * * * *").contains("empty item"));
        assertTrue(refused("x * * * *").contains("numbers"));
        assertTrue(refused("-5 * * * *").contains("numbers"));
        assertTrue(refused("0 0 1 * mon").contains("not both"), "Quartz cannot say 'the 1st if it is a Monday'");
    }

    @Test
    void refusesUnsoundQuartzExpressions() {
        assertTrue(refused("0 0 12 * * *").contains("not in neither"), refused("0 0 12 * * *"));
        assertTrue(refused("0 0 12 ? * ?").contains("both"));
        assertTrue(refused("0 61 12 ? * *").contains("minutes field '61'"), refused("0 61 12 ? * *"));
        assertTrue(refused("0 0 12 ? * FUN").contains("day of week"));
        assertTrue(refused("0 0 12 ? * 8").contains("from 1 to 7"));
        assertTrue(refused("0 0 12 32W * ?").contains("day of month"));
        assertTrue(refused("0 0 12 ? * 1 1800").contains("year"));
        assertTrue(refused("0 0 12 ? * 1-").contains("cannot be read"));
    }
}
