package dev.aspace.frames;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * pagemap, kpagecount and kpageflags are arrays of native-endian 64-bit values, one per page or
 * frame; a read may end early (the file's end), so only whole values count.
 */
public final class U64Entries {

    private U64Entries() {
    }

    /**
     * Decodes the whole values in {@code buf} (position to limit) into {@code into} from index
     * {@code at}; returns how many. A trailing partial value is left out.
     */
    public static int decode(ByteBuffer buf, long[] into, int at) {
        ByteBuffer b = buf.slice().order(ByteOrder.nativeOrder());
        int n = Math.min(b.remaining() / Long.BYTES, into.length - at);
        b.asLongBuffer().get(into, at, n);
        return n;
    }
}
