package dev.aspace.ui.grid;

import dev.aspace.snapshot.export.ExportPalette;
import javafx.scene.paint.Color;

/**
 * The table's colours (a Canvas does not read CSS): the theme's colours of the one palette, so the
 * painted table looks like the controls around it and follows light and dark with them.
 */
public record GridPalette(Color background, Color stripe, Color header, Color text, Color muted, Color lines,
                          Color selection, Color accent) {

    public static final GridPalette LIGHT = of(ExportPalette.LIGHT);

    public static final GridPalette DARK = of(ExportPalette.DARK);

    private static GridPalette of(ExportPalette.Colors c) {
        return new GridPalette(Color.web(c.background()), Color.web(c.gap()), Color.web(c.gap()), Color.web(c.text()),
                Color.web(c.muted()), Color.web(c.border()), Color.web(c.selectedRow()), Color.web(c.selection()));
    }
}
