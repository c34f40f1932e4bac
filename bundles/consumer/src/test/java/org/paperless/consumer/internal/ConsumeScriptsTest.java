package org.paperless.consumer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre- and post-consume scripts, run for real by /bin/sh. */
class ConsumeScriptsTest {

    @TempDir
    Path dir;

    @Test
    void aScriptSeesTheDocumentVariablesButNoneOfTheServicesSecrets() throws Exception {
        Path seen = dir.resolve("env.txt");
        Path script = script("pre.sh", "env > '" + seen + "'");
        Map<String, String> service = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8",
                "PAPERLESS_DBPASS", "db-secret", "PAPERLESS_ADMIN_PASSWORD", "admin-secret", "AWS_SECRET_ACCESS_KEY", "aws-secret");
        new ConsumeScripts(script.toString(), null, service, Duration.ofSeconds(30))
                .beforeConsumption(dir.resolve("scan.pdf"), dir.resolve("work/scan.pdf"), "task-1");

        String env = Files.readString(seen);
        assertTrue(env.contains("DOCUMENT_SOURCE_PATH=" + dir.resolve("scan.pdf")), env);
        assertTrue(env.contains("DOCUMENT_WORKING_PATH=" + dir.resolve("work/scan.pdf")), env);
        assertTrue(env.contains("TASK_ID=task-1"), env);
        assertTrue(env.contains("PATH=/usr/bin:/bin"), env);
        assertTrue(env.contains("LANG=C.UTF-8"), env);
        assertFalse(env.contains("PAPERLESS_"), env);
        assertFalse(env.contains("secret"), env);
    }

    @Test
    void onTimeoutTheScriptAndEveryProcessItStartedAreKilled() throws Exception {
        Path pid = dir.resolve("child.pid");
        Path script = script("slow.sh", "sleep 300 &\necho $! > '" + pid + "'\nsleep 300");
        ConsumeScripts scripts = new ConsumeScripts(script.toString(), null, Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(1));

        Refusal refusal = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(Refusal.class,
                () -> scripts.beforeConsumption(dir.resolve("scan.pdf"), dir.resolve("scan.pdf"), "t")));

        assertTrue(refusal.getMessage().contains("did not finish within 1 s"), refusal.getMessage());
        long child = Long.parseLong(Files.readString(pid).strip());
        TestInstance.await("the background child is gone", () -> !running(child));
    }

    @Test
    void aScriptPrintingAHundredMegabytesNeitherHangsNorFillsMemory() throws Exception {
        Path script = script("chatty.sh", "head -c 100000000 /dev/zero | tr '\\0' x\necho THE-END\nexit 3");
        ConsumeScripts scripts = new ConsumeScripts(script.toString(), null, Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(60));

        Refusal refusal = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(Refusal.class,
                () -> scripts.beforeConsumption(dir.resolve("scan.pdf"), dir.resolve("scan.pdf"), "t")));

        String message = refusal.getMessage();
        assertTrue(message.contains("exit code 3"), message.substring(0, 200));
        assertTrue(message.endsWith("THE-END"), "the end of the output is kept");
        assertTrue(message.length() < 3000, "only the tail: " + message.length() + " characters");
    }

    @Test
    void theTailKeepsTheLastBytesAndSaysHowMuchWasLeftOut() {
        OutputTail tail = new OutputTail(4);
        tail.append("abc".getBytes(), 3);
        assertEquals("abc", tail.toString());
        tail.append("defgh".getBytes(), 5);
        assertEquals("[4 bytes before this left out] efgh", tail.toString());
    }

    private Path script(String name, String body) throws Exception {
        Path script = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    /** Alive and not a zombie waiting for a parent that never reaps it (as in some containers). */
    private static boolean running(long pid) {
        try {
            List<String> stat = Arrays.asList(Files.readString(Path.of("/proc/" + pid + "/stat")).split(" "));
            return !"Z".equals(stat.get(stat.indexOf(stat.stream().filter(s -> s.endsWith(")")).findFirst().orElseThrow()) + 1));
        } catch (java.io.IOException e) {
            return false; // no such process
        }
    }
}
