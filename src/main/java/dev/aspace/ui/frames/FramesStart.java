package dev.aspace.ui.frames;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code -Daspace.frames=WHAT}, for the screenshot script (scripts/screenshots-frames.sh): once the
 * main window is up, opens a frames view through the window's own controls, as a person would:
 * {@code strip} ticks the strip's Frames (select a region with {@code -Daspace.select}),
 * {@code physical} then opens the physical view, {@code sharing} presses "Who maps this file…",
 * {@code fork} allocates a 16 MiB block and forks (the pair opens), {@code fork-writing} then has the
 * fork write its copy slowly (8 s), {@code fork-written} quickly. Each step waits for its control,
 * up to a minute in all.
 */
public final class FramesStart {

    private record Step(BooleanSupplier ready, Runnable act) {
    }

    private final Scene scene;
    private final List<Step> steps = new ArrayList<>();

    private FramesStart(Scene scene) {
        this.scene = scene;
    }

    /** Starts what {@code -Daspace.frames} ({@code what}) asks for on the main window's scene; nothing when blank. */
    public static void start(Scene scene, String what) {
        if (!what.isBlank()) {
            new FramesStart(scene).plan(what).run();
        }
    }

    private FramesStart plan(String what) {
        switch (what) {
            case "strip", "physical" -> {
                steps.add(new Step(() -> usable("#framesMode"), () -> ((CheckBox) node("#framesMode")).setSelected(true)));
                if (what.equals("physical")) {
                    steps.add(new Step(() -> usable("#physicalView"), () -> press("#physicalView")));
                }
            }
            case "sharing" -> steps.add(new Step(() -> usable("#sharingButton"), () -> press("#sharingButton")));
            case "fork", "fork-writing", "fork-written" -> {
                steps.add(new Step(() -> usable("#allocateButton"), () -> {
                    ((TextField) node("#sizeField")).setText("16");
                    press("#allocateButton");
                }));
                steps.add(new Step(() -> usable("#forkButton") && node("#blockList") instanceof ListView<?> l
                        && !l.getItems().isEmpty(), () -> press("#forkButton")));
                if (!what.equals("fork")) {
                    // fast, or slow enough to be seen half way (16 MiB at 2 MiB/s: 8 s)
                    String rate = what.equals("fork-written") ? "64" : "2";
                    steps.add(new Step(() -> Window.getWindows().size() > 1 && usable("#forkWriteButton"), () -> {
                        ((TextField) node("#rateField")).setText(rate);
                        press("#forkWriteButton");
                    }));
                }
            }
            default -> throw new IllegalArgumentException("-Daspace.frames=" + what
                    + ": expected strip, physical, sharing, fork, fork-writing or fork-written");
        }
        return this;
    }

    /** Polls four times a second: each step runs once its control is there and enabled. */
    private void run() {
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> {
            if (!steps.isEmpty() && steps.get(0).ready().getAsBoolean()) {
                steps.remove(0).act().run();
            }
            if (steps.isEmpty()) {
                poll.stop();
            }
        }));
        poll.setCycleCount(240);
        poll.play();
    }

    private Node node(String id) {
        return scene.lookup(id);
    }

    /** In the scene, shown (its parents too) and enabled. */
    private boolean usable(String id) {
        Node n = node(id);
        if (n == null || n.isDisabled()) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void press(String id) {
        ((ButtonBase) node(id)).fire();
    }
}
