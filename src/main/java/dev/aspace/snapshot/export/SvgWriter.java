package dev.aspace.snapshot.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The ribbon as SVG text: one rect per bar, break marks for gaps, ticks, title and legend. */
public final class SvgWriter {

    private SvgWriter() {
    }

    public static void write(Picture p, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(4096 + p.bars().size() * 160);
        int y = Picture.RIBBON_Y;
        int h = Picture.RIBBON_HEIGHT;
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", p.width(), Picture.HEIGHT, p.width(), Picture.HEIGHT));
        sb.append(String.format(Locale.ROOT, "<rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>%n", ExportPalette.BACKGROUND));
        text(sb, p.ribbonX(), 24, 16, "bold", ExportPalette.TEXT, p.title());
        text(sb, p.ribbonX(), 46, 12, "normal", ExportPalette.MUTED, p.subtitle());
        for (Picture.Gap g : p.gaps()) {
            double x = p.ribbonX() + g.x0();
            double w = Math.max(g.x1() - g.x0(), 0.5);
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\">"
                    + "<title>%s</title></rect>%n", x, y, w, h, ExportPalette.GAP, esc(g.label())));
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-dasharray=\"3,3\"/>%n", x + w / 2, y, x + w / 2, y + h, ExportPalette.GAP_MARK));
        }
        for (Picture.Bar b : p.bars()) {
            double x = p.ribbonX() + b.x0();
            double w = Math.max(b.x1() - b.x0(), 0.5);
            sb.append(String.format(Locale.ROOT, "<g><title>%s</title><rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\""
                    + " fill=\"%s\"/><rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/></g>%n",
                    esc(b.label()), x, y, w, h, ExportPalette.fill(b.perms()),
                    x, y + h - Picture.EDGE, w, Picture.EDGE, ExportPalette.edge(b.kind())));
        }
        for (Picture.Tick t : p.ticks()) {
            double x = p.ribbonX() + t.x();
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"%s\"/>%n",
                    x, y + h, x, y + h + (t.major() ? 8 : 4), ExportPalette.MUTED));
            if (t.major()) {
                sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\" font-size=\"10\" fill=\"%s\""
                        + " text-anchor=\"middle\">%s</text>%n", x, y + h + 20, ExportPalette.MUTED, esc(t.label())));
            }
        }
        int lx = p.ribbonX();
        int ly = Picture.LEGEND_Y;
        for (String[] e : ExportPalette.PERMS) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>%n", lx, ly, e[2]));
            text(sb, lx + 20, ly + 12, 12, "normal", ExportPalette.TEXT, e[0] + " " + e[1]);
            lx += Legend.PERM_STEP;
        }
        lx = p.ribbonX();
        ly += 30;
        for (String[] e : ExportPalette.KINDS) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"6\" fill=\"%s\"/>%n", lx, ly + 4, e[1]));
            text(sb, lx + 20, ly + 12, 12, "normal", ExportPalette.TEXT, e[0]);
            lx += Legend.KIND_STEP;
        }
        sb.append("</svg>\n");
        out.write(sb.toString());
        out.flush();
    }

    private static void text(StringBuilder sb, double x, double y, int size, String weight, String fill, String s) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" fill=\"%s\">%s</text>%n",
                x, y, size, weight, fill, esc(s)));
    }

    /** XML escaping; control characters (never valid in XML 1.0) become '?'. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\t' ? '?' : c);
            }
        }
        return b.toString();
    }

    /** Spacing of legend entries, shared with the PNG writer. */
    static final class Legend {
        static final int PERM_STEP = 170;
        static final int KIND_STEP = 150;

        private Legend() {
        }
    }
}
