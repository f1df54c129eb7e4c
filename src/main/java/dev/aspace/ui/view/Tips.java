package dev.aspace.ui.view;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips with a fixed text, made when the mouse first enters their control. A Tooltip is a
 * popup window with its own scene: the window's dozen of them were 5% of the FX thread's work
 * before the first frame (JFR, docs/PERFORMANCE.md), for text nobody had asked for yet. The
 * text is the control's accessible help from the start, as a tooltip's would be.
 */
public final class Tips {

    private Tips() {
    }

    public static void install(Control control, String text) {
        control.setAccessibleHelp(text);
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    // installed before the MOUSE_MOVED of this same motion, which starts its timer
                    control.setTooltip(new Tooltip(text));
                }
            }
        });
    }
}
