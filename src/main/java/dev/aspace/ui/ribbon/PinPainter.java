package dev.aspace.ui.ribbon;

import dev.aspace.layout.RibbonLayout;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * Draws pins over the ribbon: a line across the bar at the address and its text in a tag at the
 * bar's right edge, pointing at it. Pins outside the view are not drawn.
 */
final class PinPainter {

    private static final Font FONT = Font.font("DejaVu Sans", 11);
    private static final Color PIN = Color.web("#d6336c");

    private PinPainter() {
    }

    static void draw(GraphicsContext g, RibbonLayout layout, RibbonGeometry geo, List<Pin> pins) {
        var v = layout.viewport();
        double lastY = Double.NaN;
        List<Pin> topDown = pins.stream()
                .sorted((a, b) -> Long.compareUnsigned(b.address(), a.address())).toList();
        for (Pin pin : topDown) {
            if (Long.compareUnsigned(pin.address(), v.lo()) < 0 || Long.compareUnsigned(pin.address(), v.last()) > 0) {
                continue;
            }
            double y = Math.round(geo.y(layout.pixelOf(pin.address()))) + 0.5;
            g.setStroke(PIN);
            g.setLineWidth(2);
            g.strokeLine(geo.barX() - 6, y, geo.barX() + geo.bar(), y);
            double ty = !Double.isNaN(lastY) && y - lastY < 14 ? lastY + 14 : y; // tags of near pins stack downwards
            lastY = ty;
            g.setFont(FONT);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            double w = Math.min(geo.barX() - 10, pin.text().length() * 6.5 + 8);
            g.setFill(PIN);
            g.fillRoundRect(geo.barX() - 8 - w, ty - 7, w, 14, 6, 6);
            g.setFill(Color.WHITE);
            g.fillText(pin.text(), geo.barX() - 12, ty, w - 8);
        }
    }
}
