package dev.aspace.snapshot.redact;

import dev.aspace.model.MachineSetup;
import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a snapshot fit to share: user names and home directories in paths, labels, the command
 * line and the source are replaced ({@code /home/alice/x} becomes {@code /home/USER/x}), the user
 * field becomes {@code USER}, the host name {@code HOST}. Addresses, sizes and system paths stay:
 * they are the point of the picture. Pure; returns a new snapshot.
 */
public final class Redactor {

    public static final String USER = "USER";
    public static final String HOST = "HOST";
    private static final String[] HOME_ROOTS = {"/home/", "/Users/", "/var/home/", "/export/home/"};

    private Redactor() {
    }

    public static Snapshot redact(Snapshot s) {
        Set<String> names = userNames(s);
        List<Region> regions = new ArrayList<>(s.regions().size());
        for (Region r : s.regions()) {
            String path = clean(r.path(), names);
            String label = clean(r.label(), names);
            regions.add(path.equals(r.path()) && label.equals(r.label()) ? r
                    : new Region(r.start(), r.end(), r.perms(), r.offset(), r.device(), r.inode(), path, r.smaps(),
                    r.kind(), label));
        }
        ProcessInfo p = s.process();
        ProcessInfo process = p == null ? null : new ProcessInfo(p.pid(), p.ppid(), clean(p.comm(), names),
                p.cmdline().stream().map(a -> clean(a, names)).toList(), p.uid(),
                p.user().isEmpty() ? "" : USER, p.state(), p.vmSize(), p.vmRss());
        MachineSetup m = s.machine();
        MachineSetup machine = m == null ? null : new MachineSetup(m.pageSize(), m.kernelRelease(), m.architecture(),
                m.randomizeVaSpace(), m.overcommitMemory(), m.transparentHugepages(), m.mmapMinAddr(),
                m.hostname().isEmpty() ? "" : HOST);
        Source src = s.source() == null ? null : new Source(s.source().type(), clean(s.source().description(), names));
        return new Snapshot(process, s.threads(), regions, s.rollup(), s.memory(), machine, s.takenAt(), s.readTime(), src, s.torn());
    }

    /**
     * The names to hide: the process's user (unless root or a bare uid) and every directory name
     * under a home root that appears anywhere in the snapshot.
     */
    static Set<String> userNames(Snapshot s) {
        Set<String> names = new LinkedHashSet<>();
        ProcessInfo p = s.process();
        if (p != null && !p.user().isEmpty() && !p.user().equals("root") && !p.user().chars().allMatch(Character::isDigit)) {
            names.add(p.user());
        }
        for (Region r : s.regions()) {
            homeNames(r.path(), names);
            homeNames(r.label(), names);
        }
        if (p != null) {
            p.cmdline().forEach(a -> homeNames(a, names));
        }
        if (s.source() != null) {
            homeNames(s.source().description(), names);
        }
        names.remove(USER);
        return names;
    }

    private static void homeNames(String text, Set<String> out) {
        for (String root : HOME_ROOTS) {
            int i = text.indexOf(root);
            while (i >= 0) {
                int from = i + root.length();
                int end = from;
                while (end < text.length() && text.charAt(end) != '/' && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                if (end > from) {
                    out.add(text.substring(from, end));
                }
                i = text.indexOf(root, end);
            }
        }
    }

    /** Home directories first, then the names where they stand as whole words (not inside other words). */
    static String clean(String text, Set<String> names) {
        if (text.isEmpty()) {
            return text;
        }
        String t = text;
        for (String name : names) {
            for (String root : HOME_ROOTS) {
                t = t.replace(root + name, root + USER);
            }
            t = replaceWord(t, name);
        }
        return t;
    }

    private static String replaceWord(String t, String name) {
        if (name.length() < 2) {
            return t; // a one-letter name would hit every word containing it alone
        }
        StringBuilder sb = null;
        int from = 0;
        int i = t.indexOf(name);
        while (i >= 0) {
            int end = i + name.length();
            boolean startOk = i == 0 || !wordChar(t.charAt(i - 1));
            boolean endOk = end == t.length() || !wordChar(t.charAt(end));
            if (startOk && endOk) {
                if (sb == null) {
                    sb = new StringBuilder(t.length());
                }
                sb.append(t, from, i).append(USER);
                from = end;
            }
            i = t.indexOf(name, end);
        }
        if (sb == null) {
            return t;
        }
        return sb.append(t, from, t.length()).toString();
    }

    /** '-', '_' and '.' join words in file names ({@code /tmp/alice-cache}, {@code .alice.lock}): they end a name. */
    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
