package dev.aspace.snapshot.export;

import dev.aspace.model.Region;
import dev.aspace.model.Snapshot;

import java.io.IOException;
import java.io.Writer;

/** The region table as CSV (RFC 4180): addresses in hex, sizes in bytes, kind and label as shown. */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static void write(Snapshot s, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("start,end,size,perms,offset,device,inode,rss,pss,kind,label,path\r\n");
        for (Region r : s.regions()) {
            sb.append(Long.toHexString(r.start())).append(',')
                    .append(Long.toHexString(r.end())).append(',')
                    .append(Long.toUnsignedString(r.size())).append(',')
                    .append(r.perms()).append(',')
                    .append(Long.toHexString(r.offset())).append(',')
                    .append(field(r.device())).append(',')
                    .append(r.inode()).append(',')
                    .append(r.smaps() == null ? "" : Long.toString(r.rss())).append(',')
                    .append(r.smaps() == null ? "" : Long.toString(r.pss())).append(',')
                    .append(field(r.kind().displayName())).append(',')
                    .append(field(r.label())).append(',')
                    .append(field(r.path())).append("\r\n");
            if (sb.length() > 1 << 16) {
                out.write(sb.toString());
                sb.setLength(0);
            }
        }
        out.write(sb.toString());
        out.flush();
    }

    /** Quoted when it holds a comma, quote or line break; leading = + - @ defused for spreadsheets. */
    static String field(String v) {
        String s = v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
