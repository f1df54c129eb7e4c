package dev.aspace.ui.grid;

import dev.aspace.snapshot.export.ExportPalette;
import javafx.scene.paint.Color;

/**
 * The table's colours (a Canvas does not read CSS), taken from the one palette that the ribbon,
 * compare and export use, so the painted table follows the theme as the controls around it do.
 */
public record GridPalette(Color background, Color stripe, Color header, Color text, Color muted, Color lines,
                          Color selection, Color accent) {

    public static final GridPalette LIGHT = of(ExportPalette.LIGHT);

    public static final GridPalette DARK = of(ExportPalette.DARK);

    /** The palette for the theme now shown. */
    public static GridPalette current(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** Stripes and the header on the theme's subtle background, the focus mark in its accent. */
    static GridPalette of(ExportPalette.Colors c) {
        return new GridPalette(Color.web(c.background()), Color.web(c.gap()), Color.web(c.gap()), Color.web(c.text()),
                Color.web(c.muted()), Color.web(c.border()), Color.web(c.selectedRow()), Color.web(c.selection()));
    }
}
