package dev.aspace.backend.linux;

import dev.aspace.procfs.KeyValueText;
import dev.aspace.model.AslrSettings;
import dev.aspace.model.MachineSetup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads the settings that shape address spaces: page size, ASLR, overcommit, THP, mmap_min_addr. */
public final class MachineSetupReader {

    private final ProcPath proc;

    public MachineSetupReader(ProcPath proc) {
        this.proc = proc;
    }

    /** Every field this machine shows; a file that cannot be read gives the field's "unknown" value. */
    public MachineSetup read() {
        return new MachineSetup(
                PageSize.get(),
                line("sys/kernel/osrelease"),
                System.getProperty("os.arch"),
                (int) number("sys/kernel/randomize_va_space"),
                (int) number("sys/vm/overcommit_memory"),
                selectedMode(sysLine("kernel/mm/transparent_hugepage/enabled")),
                number("sys/vm/mmap_min_addr"),
                line("sys/kernel/hostname"));
    }

    /** What randomization the kernel is configured to give (mmap_rnd_bits and friends); -1 where unreadable. */
    public AslrSettings aslrSettings() {
        return new AslrSettings(known("sys/kernel/randomize_va_space"), known("sys/vm/mmap_rnd_bits"),
                known("sys/vm/mmap_rnd_compat_bits"), System.getProperty("os.arch"), PageSize.get());
    }

    private int known(String relative) {
        String v = line(relative).trim();
        return v.isEmpty() || !v.chars().allMatch(Character::isDigit) || v.length() > 9 ? -1 : Integer.parseInt(v);
    }

    /** The word in [brackets] of a sysfs choice line such as {@code always [madvise] never}; "" if none. */
    static String selectedMode(String choices) {
        int open = choices.indexOf('[');
        int close = choices.indexOf(']', open + 1);
        return open >= 0 && close > open ? choices.substring(open + 1, close) : "";
    }

    private String line(String relative) {
        try {
            return ProcFiles.firstLine(proc.proc(relative));
        } catch (IOException e) {
            return "";
        }
    }

    private String sysLine(String relative) {
        try {
            return ProcFiles.firstLine(proc.sys(relative));
        } catch (IOException e) {
            return "";
        }
    }

    private long number(String relative) {
        byte[] b = line(relative).trim().getBytes(StandardCharsets.ISO_8859_1);
        return KeyValueText.number(b, 0, b.length);
    }
}
