package dev.aspace.snapshot.export;

import dev.aspace.model.Perms;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.importers.TextImport;
import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportWritersTest {

    private static final Perms RW = Perms.parse("rw-p");
    private static final Perms RX = Perms.parse("r-xp");

    private static Picture picture() {
        return new Picture("sleep (pid 1) <&>", "2 regions", 400, 20, 360,
                List.of(new Picture.Bar(0, 100, RX, RegionKind.PROGRAM_TEXT, "text \"a\""),
                        new Picture.Bar(200, 360, RW, RegionKind.HEAP, "heap")),
                List.of(new Picture.Gap(100, 200, "1 GiB unmapped")),
                List.of(new Picture.Tick(0, "0x400000", true), new Picture.Tick(200, "0x5000000", false)));
    }

    @Test
    void svgIsWellFormedWithOneRectPairPerBarAndEscapedText() throws Exception {
        StringWriter w = new StringWriter();
        SvgWriter.write(picture(), w);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", d.getDocumentElement().getTagName());
        // background + 1 gap + 2 bars x (fill + edge) + 5 perm legend swatches + 8 kind swatches
        assertEquals(1 + 1 + 4 + 5 + 8, d.getElementsByTagName("rect").getLength());
        assertTrue(w.toString().contains("sleep (pid 1) &lt;&amp;&gt;"));
        assertTrue(w.toString().contains("fill=\"" + ExportPalette.fill(RX) + "\""));
        assertTrue(w.toString().contains(">0x400000</text>"));
        assertTrue(!w.toString().contains(">0x5000000</text>")); // minor ticks carry no label
    }

    @Test
    void pngHasTheSameGeometry() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter.write(picture(), out);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(400, img.getWidth());
        assertEquals(Picture.HEIGHT, img.getHeight());
        int mid = Picture.RIBBON_Y + 10;
        assertEquals(PngWriter.color(ExportPalette.fill(RX)).getRGB(), img.getRGB(20 + 50, mid));
        assertEquals(PngWriter.color(ExportPalette.fill(RW)).getRGB(), img.getRGB(20 + 300, mid));
        assertEquals(PngWriter.color(ExportPalette.edge(RegionKind.HEAP)).getRGB(),
                img.getRGB(20 + 300, Picture.RIBBON_Y + Picture.RIBBON_HEIGHT - 2));
        assertEquals(PngWriter.color(ExportPalette.GAP).getRGB(), img.getRGB(20 + 120, mid));
    }

    @Test
    void csvHasOneRowPerRegionAndQuotesWhereNeeded() throws Exception {
        Snapshot s = TextImport.with(List.of()).read(Fixtures.path("pmapX-01-centos7-kernel3.10-few-columns.txt"), 0).snapshot();
        StringWriter w = new StringWriter();
        CsvWriter.write(s, w);
        List<String> lines = w.toString().lines().toList();
        assertEquals(1 + 17, lines.size());
        assertTrue(lines.get(1).startsWith("400000,401000,4096,r-xp,0,fd:01,660707,4096,4096,"), lines.get(1));
        assertEquals("\"a,b\"", CsvWriter.field("a,b"));
        assertEquals("'=cmd()", CsvWriter.field("=cmd()"));
    }
}
