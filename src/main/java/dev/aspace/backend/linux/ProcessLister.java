package dev.aspace.backend.linux;

import dev.aspace.backend.ProcessRow;
import dev.aspace.backend.jna.NativeSystem;
import dev.aspace.procfs.CmdlineParser;
import dev.aspace.procfs.KeyValueText;
import dev.aspace.procfs.MeminfoParser;
import dev.aspace.procfs.ProcStat;
import dev.aspace.procfs.ProcStatus;
import dev.aspace.procfs.StatParser;
import dev.aspace.procfs.StatusParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every process, with the columns of {@code ps auxw} computed as procps-ng 4 computes them
 * (ps/output.c: pr_pcpu, pr_pmem, pr_stat, pr_start, pr_bsdtime).
 */
public final class ProcessLister {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMMdd", Locale.ROOT);
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

    private final ProcPath proc;
    private final UserNames users;
    private final long hertz;
    private final long pageKib;

    public ProcessLister(ProcPath proc, UserNames users) {
        this.proc = proc;
        this.users = users;
        this.hertz = NativeSystem.clockTicks();
        this.pageKib = PageSize.get() / 1024;
    }

    /** The processes sorted by PID; a process that exits while being listed is left out. */
    public List<ProcessRow> list() {
        Clock clock = clock();
        List<Integer> pids;
        try {
            pids = ProcFiles.numericEntries(proc.proc());
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + proc.proc() + ": " + e.getMessage(), e);
        }
        List<ProcessRow> rows = new ArrayList<>(pids.size());
        for (int pid : pids) {
            ProcessRow row = row(pid, clock);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** One process as ps shows it, or null when it is gone. */
    public ProcessRow row(int pid) {
        return row(pid, clock());
    }

    /** What ps needs from the machine: boot time, uptime, MemTotal, the time now. */
    private record Clock(long bootTime, double uptime, long memTotalKib, long now) {
    }

    private Clock clock() {
        try {
            byte[] stat = ProcFiles.read(proc.proc("stat"));
            long btime = -1;
            for (int p = 0; p < stat.length; ) {
                int eol = p;
                while (eol < stat.length && stat[eol] != '\n') {
                    eol++;
                }
                if (eol - p > 6 && stat[p] == 'b' && stat[p + 1] == 't' && stat[p + 5] == ' ') {
                    btime = KeyValueText.number(stat, p + 6, eol);
                }
                p = eol + 1;
            }
            String up = ProcFiles.firstLine(proc.proc("uptime"));
            double uptime = Double.parseDouble(up.substring(0, up.indexOf(' ')));
            byte[] meminfo = ProcFiles.read(proc.proc("meminfo"));
            long memTotal = MeminfoParser.parse(proc.proc("meminfo").toString(), meminfo).memTotal() / 1024;
            return new Clock(btime, uptime, memTotal, Instant.now().getEpochSecond());
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("reading " + proc.proc() + " stat, uptime and meminfo: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private ProcessRow row(int pid, Clock clock) {
        ProcStat stat;
        ProcStatus status;
        byte[] cmd;
        try {
            Path statFile = proc.file(pid, "stat");
            stat = StatParser.parse(statFile.toString(), ProcFiles.read(statFile));
            Path statusFile = proc.file(pid, "status");
            status = StatusParser.parse(statusFile.toString(), ProcFiles.read(statusFile));
            cmd = ProcFiles.read(proc.file(pid, "cmdline"));
        } catch (IOException e) {
            return null;
        }
        long ticks = stat.utime() + stat.stime();
        long elapsed = (long) (clock.uptime - (double) stat.startTime() / hertz);
        long pcpu = elapsed > 0 ? (ticks * 1000 / hertz) / elapsed : 0;
        // procps 4 takes VmRSS from status; stat's rss can lag it (per-CPU counters, Linux 6.2+)
        long rssKib = status.vmRss() >= 0 ? status.vmRss() / 1024 : stat.rss() * pageKib;
        long pmem = clock.memTotalKib > 0 ? Math.min(999, rssKib * 1000 / clock.memTotalKib) : 0;
        List<String> args = CmdlineParser.arguments(cmd, cmd.length);
        String command = args.isEmpty() ? "[" + stat.comm() + "]" : String.join(" ", args);
        String why = whyNotReadable(pid, status);
        return new ProcessRow(pid, users.name(status.euid()), pcpu / 10.0, pmem / 10.0, stat.vsize() / 1024, rssKib,
                tty(stat.ttyNr()), stat(stat, status), start(stat, clock), time(ticks / hertz), command,
                why.isEmpty(), why);
    }

    /** State letter and ps's flags, in ps's order: < N L s l +. */
    static String stat(ProcStat stat, ProcStatus status) {
        StringBuilder s = new StringBuilder(6).append(stat.state());
        if (stat.nice() < 0) {
            s.append('<');
        }
        if (stat.nice() > 0) {
            s.append('N');
        }
        if (status.vmLck() > 0) {
            s.append('L');
        }
        if (stat.session() == stat.pid()) {
            s.append('s');
        }
        if (stat.numThreads() > 1) {
            s.append('l');
        }
        if (stat.tpgid() == stat.pgrp()) {
            s.append('+');
        }
        return s.toString();
    }

    /**
     * ps's START (procps pr_stime): HH:MM when started today, MonDD when earlier this year, else
     * the year; by calendar day in local time, so a process started at 23:59 shows its date a
     * minute later.
     */
    static String start(long startedAt, long now, ZoneId zone) {
        ZonedDateTime when = Instant.ofEpochSecond(startedAt).atZone(zone);
        ZonedDateTime today = Instant.ofEpochSecond(now).atZone(zone);
        if (when.getYear() != today.getYear()) {
            return YEAR.format(when);
        }
        if (when.getDayOfYear() != today.getDayOfYear()) {
            return MONTH_DAY.format(when);
        }
        return HOUR_MINUTE.format(when);
    }

    private String start(ProcStat stat, Clock clock) {
        return start(clock.bootTime + stat.startTime() / hertz, clock.now, ZoneId.systemDefault());
    }

    /** ps's bsdtime: minutes:seconds of CPU time. */
    static String time(long seconds) {
        long s = seconds % 60;
        return seconds / 60 + ":" + (s < 10 ? "0" : "") + s;
    }

    /** The terminal name for a tty_nr, as ps prints it: pts/N, ttyN, ttySN, or ? for none. */
    static String tty(int ttyNr) {
        if (ttyNr == 0) {
            return "?";
        }
        int major = (ttyNr >>> 8) & 0xfff;
        int minor = (ttyNr & 0xff) | ((ttyNr >>> 12) & 0xfff00);
        if (major >= 136 && major <= 143) {
            return "pts/" + ((major - 136) * 256 + minor);
        }
        if (major == 4) {
            return minor < 64 ? "tty" + minor : "ttyS" + (minor - 64);
        }
        if (major == 5 && minor == 1) {
            return "console";
        }
        return major + "," + minor;
    }

    /**
     * "" when this user may read the process's maps; else why not and what grants it. The kernel
     * decides at open() (ptrace read access), so that is what is asked.
     */
    @SuppressWarnings("try") // opening is the question; the channel is not used
    private String whyNotReadable(int pid, ProcStatus status) {
        try (FileChannel ignored = FileChannel.open(proc.file(pid, "maps"))) {
            return "";
        } catch (AccessDeniedException e) {
            return "owned by " + users.name(status.uid())
                    + ": reading its memory needs the same user, root, or CAP_SYS_PTRACE";
        } catch (IOException e) {
            return "";
        }
    }
}
