package org.paperless.plugins.parser.office;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Ends LibreOffice and everything it started. soffice is a script that runs oosplash, which runs soffice.bin;
 * killing the first leaves the others running. The tree is killed from the leaves up, and then every process
 * whose command line names the job's own folder (soffice.bin carries the profile path) is killed too, which
 * also catches one that lost its parent before we looked.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    static void kill(Process root) {
        List<ProcessHandle> tree = Stream.concat(root.descendants(), Stream.of(root.toHandle())).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills whatever still runs with {@code marker} on its command line, and waits a little for it to go. */
    static int sweep(String marker) {
        List<ProcessHandle> left = running(marker);
        left.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : left) {
            try {
                process.onExit().get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // still there after SIGKILL (a zombie its parent has not reaped): nothing more to do
            }
        }
        return left.size();
    }

    static List<ProcessHandle> running(String marker) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && p.isAlive())
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
    }
}
