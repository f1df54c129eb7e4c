package dev.aspace.ui.ribbon;

/**
 * Where the ribbon sits on its canvas. The ribbon is vertical with high addresses at the top (the
 * textbook picture): ribbon pixel 0 (the viewport's lowest address) is at the bottom.
 *
 * @param width   canvas width
 * @param height  canvas height
 * @param top     margin above the ribbon
 * @param bottom  margin below it
 * @param axis    width of the address axis on the left
 * @param bar     width of the bar itself
 */
public record RibbonGeometry(double width, double height, double top, double bottom, double axis, double bar) {

    public static RibbonGeometry of(double width, double height) {
        return new RibbonGeometry(width, height, 10, 10, 128, 72);
    }

    /** Length of the ribbon in pixels (the layout's viewport length). */
    public double length() {
        return Math.max(1, height - top - bottom);
    }

    public double barX() {
        return axis;
    }

    /** Left edge of the labels column. */
    public double labelX() {
        return axis + bar + 14;
    }

    /** Canvas y of ribbon pixel p. */
    public double y(double p) {
        return top + length() - p;
    }

    /** Ribbon pixel of canvas y. */
    public double p(double y) {
        return top + length() - y;
    }

    /** True when canvas x lies on the bar or its labels (not the axis). */
    public boolean onRibbon(double x) {
        return x >= axis - 4;
    }
}
