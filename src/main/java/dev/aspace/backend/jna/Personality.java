package dev.aspace.backend.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;

import java.util.function.Supplier;

/**
 * personality(2) for children: a persona set in this process is inherited across fork and exec,
 * so a child started while ADDR_NO_RANDOMIZE is set runs without address-space randomization
 * (what {@code setarch -R} does). The flag is set only around the start and restored at once;
 * starts are serialized so no other child inherits it by accident.
 */
public final class Personality {

    /** personality(0xffffffff) only queries the current persona. */
    private static final long QUERY = 0xffffffffL;

    private Personality() {
    }

    /** The current persona of this process. */
    public static int current() {
        return LibC.INSTANCE.personality(new NativeLong(QUERY));
    }

    /** Runs {@code start} (which starts a child process) with ADDR_NO_RANDOMIZE set in this process. */
    public static synchronized <T> T withoutRandomization(Supplier<T> start) {
        int old = current();
        if (old == -1) {
            throw new NativeCallException("personality(query) failed", Native.getLastError());
        }
        if (LibC.INSTANCE.personality(new NativeLong(old | LibC.ADDR_NO_RANDOMIZE)) == -1) {
            throw new NativeCallException("personality(ADDR_NO_RANDOMIZE) failed", Native.getLastError());
        }
        try {
            return start.get();
        } finally {
            LibC.INSTANCE.personality(new NativeLong(old));
        }
    }
}
