package dev.aspace.elf;

import java.util.Arrays;

/** One note: its owner ("GNU", "CORE", "LINUX"), type and descriptor bytes. */
public record ElfNote(String name, int type, byte[] desc) {

    public static final int NT_GNU_BUILD_ID = 3;
    public static final int NT_PRSTATUS = 1;
    public static final int NT_PRPSINFO = 3;
    public static final int NT_AUXV = 6;
    public static final int NT_SIGINFO = 0x53494749;
    public static final int NT_FILE = 0x46494c45;

    public ElfNote {
        desc = desc.clone();
    }

    @Override
    public byte[] desc() {
        return desc.clone();
    }

    public boolean is(String owner, int noteType) {
        return type == noteType && name.equals(owner);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElfNote n && n.type == type && n.name.equals(name) && Arrays.equals(n.desc, desc);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + type) + Arrays.hashCode(desc);
    }

    @Override
    public String toString() {
        return "ElfNote[" + name + ", type " + type + ", " + desc.length + " bytes]";
    }
}
