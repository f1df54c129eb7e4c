package dev.aspace.ui.grid;

import javafx.scene.paint.Color;

/**
 * The table's colours (a Canvas does not read CSS), taken from the AtlantaFX Primer themes the
 * rest of the window uses, so the painted table looks like the controls around it.
 */
public record GridPalette(Color background, Color stripe, Color header, Color text, Color muted, Color lines,
                          Color selection, Color accent) {

    public static final GridPalette LIGHT = new GridPalette(Color.web("#ffffff"), Color.web("#f6f8fa"),
            Color.web("#f6f8fa"), Color.web("#1f2328"), Color.web("#656d76"), Color.web("#d0d7de"),
            Color.web("#ddf4ff"), Color.web("#0969da"));

    public static final GridPalette DARK = new GridPalette(Color.web("#0d1117"), Color.web("#161b22"),
            Color.web("#161b22"), Color.web("#e6edf3"), Color.web("#8d96a0"), Color.web("#30363d"),
            Color.web("#388bfd33"), Color.web("#58a6ff"));
}
