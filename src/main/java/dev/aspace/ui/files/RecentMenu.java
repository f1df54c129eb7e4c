package dev.aspace.ui.files;

import dev.aspace.ui.view.Tips;

import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitMenuButton;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The toolbar's Open button with the recent files behind its arrow (one button, so the toolbar
 * keeps room): a click chooses a file; the arrow lists the files opened or saved last, most
 * recent first. A file that is gone is shown disabled with "(missing)"; "Forget missing files"
 * drops them from the list.
 */
public final class RecentMenu extends SplitMenuButton {

    /**
     * @param open   opens a file from the list
     * @param choose asks the user for a file to open (the button itself, Ctrl+O)
     */
    public RecentMenu(Recents recents, Consumer<Path> open, Runnable choose) {
        setText("Open…");
        setId("recentFiles");
        Tips.install(this, "Open a snapshot or pmap / vmmap / smaps text captured elsewhere (Ctrl+O);"
                + " the arrow lists recent files");
        setOnAction(e -> choose.run());
        Runnable rebuild = () -> rebuild(recents, open);
        recents.listProperty().addListener((o, a, b) -> rebuild.run());
        // files come and go while the menu is closed: look again each time it opens
        setOnShowing(e -> rebuild.run());
        rebuild.run();
    }

    private void rebuild(Recents recents, Consumer<Path> open) {
        getItems().clear();
        RecentFiles list = recents.get();
        if (list.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            getItems().add(none);
            return;
        }
        boolean anyMissing = false;
        int n = 0;
        for (Path p : list.entries()) {
            boolean there = Files.exists(p);
            anyMissing |= !there;
            MenuItem item = new MenuItem(label(p, there));
            item.setId("recent-" + n++);
            item.setMnemonicParsing(false);
            item.setDisable(!there);
            item.setOnAction(e -> open.accept(p));
            getItems().add(item);
        }
        getItems().add(new SeparatorMenuItem());
        MenuItem forget = new MenuItem("Forget missing files");
        forget.setId("recentForgetMissing");
        forget.setDisable(!anyMissing);
        forget.setOnAction(e -> recents.forgetMissing());
        MenuItem clear = new MenuItem("Clear list");
        clear.setId("recentClear");
        clear.setOnAction(e -> recents.clear());
        getItems().addAll(forget, clear);
    }

    /** "run1.json — /home/u/aslr" (the name first: that is what a user looks for). */
    static String label(Path p, boolean there) {
        Path name = p.getFileName();
        Path dir = p.getParent();
        String text = (name == null ? p.toString() : name + (dir == null ? "" : "  —  " + dir));
        return there ? text : text + "  (missing)";
    }
}
