package dev.conversa.benchmarks.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The processor time a process and its children used, from Linux's {@code /proc}: the process's
 * own, that of its children that ended, and that of those still running. So for PostgreSQL's
 * postmaster, the time of every backend and worker of the server. In clock ticks of 10 ms per
 * process (Linux's {@code USER_HZ}); empty where there is no {@code /proc}.
 */
final class ProcessCpu {

    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path PROC = Path.of("/proc");

    private ProcessCpu() {}

    /**
     * The processor time of a process and all its children so far.
     *
     * @param pid the process
     * @return nanoseconds, empty if {@code /proc} cannot tell
     */
    static OptionalLong ofTree(long pid) {
        long[] own = stat(pid);
        if (own == null) {
            return OptionalLong.empty();
        }
        long ticks = own[1] + own[2] + own[3] + own[4];
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] child = stat(Long.parseLong(name));
                if (child != null && child[0] == pid) {
                    ticks += child[1] + child[2];
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ticks * NANOS_PER_TICK);
    }

    /**
     * The parent of a process.
     *
     * @param pid the process
     * @return its parent's id, empty if {@code /proc} cannot tell
     */
    static OptionalLong parentOf(long pid) {
        long[] stat = stat(pid);
        return stat == null ? OptionalLong.empty() : OptionalLong.of(stat[0]);
    }

    /** Parent, user and system time, and the children's that ended; null if unreadable (gone, or no /proc). */
    private static long[] stat(long pid) {
        String line;
        try {
            line = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        // the command name may hold spaces and parentheses: the fields start after the last ')'
        String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        if (fields.length < 15) {
            return null;
        }
        return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
            Long.parseLong(fields[13]), Long.parseLong(fields[14])};
    }
}
