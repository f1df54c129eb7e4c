package dev.aspace.procfs;

import dev.aspace.model.MalformedInputException;

/** Reads {@code /proc/PID/status} text. */
public final class StatusParser {

    private StatusParser() {
    }

    public static ProcStatus parse(String source, byte[] text) {
        return parse(source, text, text.length);
    }

    public static ProcStatus parse(String source, byte[] text, int length) {
        Fields f = new Fields();
        KeyValueText.walk(text, length, (key, b, from, to, line) -> f.set(key, b, from, to));
        if (f.name == null || f.state == null) {
            throw new MalformedInputException(source, "", "expected 'Name:' and 'State:' lines of /proc/PID/status");
        }
        return new ProcStatus(f.name, f.state, f.tgid, f.ppid, f.uid, f.euid, f.vmPeak, f.vmSize, f.vmLck,
                f.vmHwm, f.vmRss, f.rssAnon, f.rssFile, f.rssShmem, f.vmData, f.vmStk, f.vmExe, f.vmLib,
                f.vmSwap, f.threads, f.kthread);
    }

    private static final class Fields {
        String name;
        String state;
        int tgid = -1;
        int ppid = -1;
        int uid = -1;
        int euid = -1;
        long vmPeak = -1;
        long vmSize = -1;
        long vmLck = -1;
        long vmHwm = -1;
        long vmRss = -1;
        long rssAnon = -1;
        long rssFile = -1;
        long rssShmem = -1;
        long vmData = -1;
        long vmStk = -1;
        long vmExe = -1;
        long vmLib = -1;
        long vmSwap = -1;
        int threads = -1;
        int kthread = -1;

        void set(String key, byte[] b, int from, int to) {
            switch (key) {
                case "Name" -> name = KeyValueText.string(b, from, to);
                case "State" -> state = KeyValueText.string(b, from, to);
                case "Tgid" -> tgid = (int) KeyValueText.number(b, from, to);
                case "PPid" -> ppid = (int) KeyValueText.number(b, from, to);
                case "Uid" -> {
                    uid = (int) KeyValueText.number(b, from, to);
                    int p = from;
                    while (p < to && b[p] != '\t' && b[p] != ' ') {
                        p++;
                    }
                    while (p < to && (b[p] == '\t' || b[p] == ' ')) {
                        p++;
                    }
                    euid = (int) KeyValueText.number(b, p, to);
                }
                case "VmPeak" -> vmPeak = KeyValueText.number(b, from, to);
                case "VmSize" -> vmSize = KeyValueText.number(b, from, to);
                case "VmLck" -> vmLck = KeyValueText.number(b, from, to);
                case "VmHWM" -> vmHwm = KeyValueText.number(b, from, to);
                case "VmRSS" -> vmRss = KeyValueText.number(b, from, to);
                case "RssAnon" -> rssAnon = KeyValueText.number(b, from, to);
                case "RssFile" -> rssFile = KeyValueText.number(b, from, to);
                case "RssShmem" -> rssShmem = KeyValueText.number(b, from, to);
                case "VmData" -> vmData = KeyValueText.number(b, from, to);
                case "VmStk" -> vmStk = KeyValueText.number(b, from, to);
                case "VmExe" -> vmExe = KeyValueText.number(b, from, to);
                case "VmLib" -> vmLib = KeyValueText.number(b, from, to);
                case "VmSwap" -> vmSwap = KeyValueText.number(b, from, to);
                case "Threads" -> threads = (int) KeyValueText.number(b, from, to);
                case "Kthread" -> kthread = (int) KeyValueText.number(b, from, to);
                default -> {
                    // the other ~40 lines are not used
                }
            }
        }
    }
}
