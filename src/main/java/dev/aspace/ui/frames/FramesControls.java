package dev.aspace.ui.frames;

import dev.aspace.backend.FrameBackend;
import dev.aspace.ui.experiments.ResidencyStrip;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The strip's caption with its frames switch and the button to the physical-memory view. */
public final class FramesControls {

    private FramesControls() {
    }

    /** The caption follows the mode: residency colours, or sharing colours and what cannot be shown without root. */
    public static Node captionRow(Label caption, ResidencyStrip strip, Runnable openPhysical) {
        String residencyText = caption.getText();
        CheckBox frames = new CheckBox("Frames");
        frames.setId("framesMode");
        frames.setTooltip(new Tooltip(
                "Colour each page by how its physical frame is shared (pagemap, kpagecount, kpageflags)"));
        strip.framesModeProperty().bind(frames.selectedProperty());
        Button physical = new Button("Physical view…");
        physical.setId("physicalView");
        physical.getStyleClass().add("small");
        physical.setOnAction(e -> openPhysical.run());
        Runnable text = () -> {
            if (!frames.isSelected()) {
                caption.setText(residencyText);
                return;
            }
            var f = strip.framesProperty().get();
            caption.setText(f != null && !f.privileged()
                    ? "Frames: " + FrameBackend.NO_FRAME_NUMBERS + ". " + "Green mapped once, purple shared, orange swapped"
                    : "Frames of the selected region: " + SharingColors.legend() + ". Hover a page for its frame");
        };
        frames.selectedProperty().addListener((o, a, b) -> text.run());
        strip.framesProperty().addListener((o, a, b) -> text.run());
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        Region spacer = new Region();
        HBox.setHgrow(caption, Priority.ALWAYS);
        // the caption wraps; the controls keep their whole text
        frames.setMinWidth(Region.USE_PREF_SIZE);
        physical.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, caption, spacer, frames, physical);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
