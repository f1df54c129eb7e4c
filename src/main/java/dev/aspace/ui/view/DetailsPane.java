package dev.aspace.ui.view;

import dev.aspace.model.ByteSize;
import dev.aspace.model.Region;
import dev.aspace.model.Smaps;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import dev.aspace.model.SmapsLayout;
import dev.aspace.snapshot.locate.Location;
import dev.aspace.snapshot.locate.LocationText;
import dev.aspace.snapshot.locate.PlacedSection;
import dev.aspace.snapshot.locate.SectionMap;
import dev.aspace.ui.vm.SessionModel;
import dev.aspace.ui.vm.SmapsFieldHelp;
import dev.aspace.ui.vm.VmFlagWords;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/** Everything about the selected region: each smaps field with what it means, VmFlags in words. */
public final class DetailsPane extends ScrollPane {

    private final VBox box = new VBox(6);
    private final SessionModel session;
    private Location located;
    private SectionMap sections = SectionMap.EMPTY;
    private Consumer<Region> onSharing;

    public DetailsPane(SessionModel session) {
        getStyleClass().add("details-pane");
        setId("details");
        setFitToWidth(true);
        box.setPadding(new Insets(8));
        setContent(box);
        this.session = session;
        session.selectedProperty().addListener((o, a, r) -> {
            if (located != null && located.region() != r) {
                located = null;
            }
            show(r);
        });
        show(session.selectedProperty().get());
    }

    /** Shows what an address is (Go to address) above the region holding it, until another region is selected. */
    public void showLocation(Location l) {
        located = l;
        show(session.selectedProperty().get());
    }

    /**
     * What "Who maps this file…" does for the selected file-backed region of a live process (the
     * sharing view); null: no such button.
     */
    public void setOnSharing(Consumer<Region> action) {
        onSharing = action;
        show(session.selectedProperty().get());
    }

    /** The ELF sections of the snapshot on screen, listed under a file-backed region's head. */
    public void setSections(SectionMap map) {
        sections = map;
        show(session.selectedProperty().get());
    }

    private void showSections(Region r) {
        List<PlacedSection> in = sections.in(r);
        if (in.isEmpty()) {
            return;
        }
        Label title = new Label("ELF sections");
        title.getStyleClass().add("title-4");
        box.getChildren().add(title);
        GridPane g = grid();
        g.setId("sectionsGrid");
        int row = 0;
        for (PlacedSection s : in) {
            String where = s.nobits() ? "zero-filled: no bytes in the file"
                    : r.isAnonymous() ? "" : "file offset 0x" + Long.toHexString(r.offset() + s.start() - r.start());
            row = put(g, row, s.name(), Long.toHexString(s.start()) + "-" + Long.toHexString(s.end()),
                    ByteSize.format(s.size()) + (s.cut() ? " of it here" : "") + (where.isEmpty() ? "" : "; " + where));
        }
        renameIds(g, "section-");
        box.getChildren().add(g);
    }

    /** A file mapped by a live process: who else maps it, and what it costs each of them. */
    private void sharingButton(Region r) {
        Snapshot snap = session.getSnapshot();
        if (onSharing == null || r.inode() == 0 || !r.path().startsWith("/") || snap == null
                || snap.source().type() != Source.Type.LIVE) {
            return;
        }
        Button b = new Button("Who maps this file…");
        b.setId("sharingButton");
        b.getStyleClass().add("small");
        b.setTooltip(new Tooltip("Every process mapping this part of " + r.path() + ", with its RSS and PSS from smaps"));
        b.setOnAction(e -> onSharing.accept(r));
        box.getChildren().add(b);
    }

    private void showLocated() {
        Label title = new Label(LocationText.headline(located));
        title.getStyleClass().add("title-4");
        title.setId("locationTitle");
        GridPane g = grid();
        g.setId("locationGrid");
        int row = 0;
        for (String[] kv : LocationText.fields(located)) {
            row = put(g, row, kv[0], kv[1], "");
        }
        renameIds(g, "location-");
        box.getChildren().addAll(title, g);
    }

    private void show(Region r) {
        box.getChildren().clear();
        if (located != null) {
            showLocated();
            if (!located.mapped()) {
                return;
            }
        }
        if (r == null) {
            box.getChildren().add(muted("Select a region in the ribbon or the table."));
            return;
        }
        Label title = new Label(r.label().isEmpty() ? r.kind().displayName() : r.label());
        title.getStyleClass().add("title-4");
        title.setId("detailsTitle");
        box.getChildren().add(title);
        sharingButton(r);

        GridPane head = grid();
        int row = 0;
        row = put(head, row, "range", r.rangeText(), "first address (inclusive) to end (exclusive)");
        row = put(head, row, "size", ByteSize.format(r.size()) + " (" + r.size() / 1024 + " KiB)", "virtual size");
        row = put(head, row, "perms", r.perms().toString(), permsText(r));
        row = put(head, row, "kind", r.kind().displayName(), "what aspace takes this region to be");
        row = put(head, row, "path", r.path().isEmpty() ? "(none: anonymous)" : r.path(), "what is mapped here");
        row = put(head, row, "offset", "0x" + Long.toHexString(r.offset()), "file offset of the first byte");
        put(head, row, "device/inode", r.device() + " / " + r.inode(), "the file's device (major:minor) and inode; 0 when anonymous");
        box.getChildren().add(head);
        showSections(r);

        Smaps s = r.smaps();
        if (s == null) {
            box.getChildren().add(muted("smaps not read yet: per-page figures follow."));
            return;
        }
        Label fields = new Label("smaps");
        fields.getStyleClass().add("title-4");
        box.getChildren().add(fields);
        GridPane g = grid();
        g.setId("smapsGrid");
        SmapsLayout layout = s.layout();
        for (int i = 0; i < layout.size(); i++) {
            String key = layout.key(i);
            long v = s.value(i);
            String value = layout.isKilobytes(i) ? (v / 1024) + " KiB" + (v >= 1 << 20 ? " (" + ByteSize.format(v) + ")" : "")
                    : Long.toString(v);
            put(g, i, key, value, SmapsFieldHelp.explain(key));
        }
        box.getChildren().add(g);

        Label flags = new Label("VmFlags");
        flags.getStyleClass().add("title-4");
        box.getChildren().add(flags);
        GridPane f = grid();
        f.setId("vmFlagsGrid");
        int k = 0;
        for (String code : s.vmFlags()) {
            put(f, k++, code, VmFlagWords.word(code), "");
        }
        if (k == 0) {
            box.getChildren().add(muted("no VmFlags in this snapshot"));
        } else {
            box.getChildren().add(f);
        }
    }

    /** Values of a grid other than the region's own get ids of their own ("location-gap", "section-.text"). */
    private static void renameIds(GridPane g, String prefix) {
        g.getChildren().forEach(n -> {
            if (n.getId() != null) {
                n.setId(n.getId().replace("details-", prefix));
            }
        });
    }

    private static String permsText(Region r) {
        var p = r.perms();
        if (p.none()) {
            return "no access: touching it faults (a guard)";
        }
        String s = (p.read() ? "readable" : "") + (p.write() ? ", writable" : "") + (p.exec() ? ", executable" : "");
        s = s.startsWith(", ") ? s.substring(2) : s;
        if (p.write() && p.exec()) {
            s += " — writable and executable at once is dangerous";
        }
        return s + (p.shared() ? "; shared with other mappers" : "; private (copy-on-write)");
    }

    /** A value longer than this may be cut in its middle (its whole text on hover and in Copy). */
    static final int SHORT_VALUE = 32;
    /** The explanations' column is never narrower: words are wrapped whole, never letter by letter. */
    static final double HELP_MIN_WIDTH = 180;
    private static final double LONG_VALUE_MIN_WIDTH = 120;

    /**
     * Three columns: the field, its value, what it means. The field and short values keep their
     * width; a long value (a path) gives way first, cut in its middle; the explanation keeps
     * {@link #HELP_MIN_WIDTH} and takes the rest, so it wraps between words. Narrower than all
     * that, the pane scrolls sideways.
     */
    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(2);
        ColumnConstraints field = new ColumnConstraints();
        field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // qualified: Region is dev.aspace.model.Region here
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.SOMETIMES);
        ColumnConstraints help = new ColumnConstraints();
        help.setMinWidth(HELP_MIN_WIDTH);
        help.setPrefWidth(HELP_MIN_WIDTH); // asks no more, so a long value is cut only when it must be
        help.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(field, value, help);
        return g;
    }

    private static int put(GridPane g, int row, String key, String value, String help) {
        Label k = new Label(key);
        k.getStyleClass().add("text-bold");
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // qualified: Region is dev.aspace.model.Region here
        Label v = new Label(value);
        v.setId("details-" + key.replace('/', '-'));
        v.getStyleClass().add("mono");
        if (value.length() > SHORT_VALUE) {
            v.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS); // a path's start and its file name both stay
            v.setEllipsisString("…");
            v.setMinWidth(LONG_VALUE_MIN_WIDTH);
            Tooltip whole = new Tooltip(value);
            whole.setWrapText(true);
            whole.setMaxWidth(700);
            v.setTooltip(whole);
        } else {
            v.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // qualified: Region is dev.aspace.model.Region here
        }
        v.setContextMenu(copyMenu(value));
        Label h = new Label(help);
        h.getStyleClass().add("text-muted");
        h.setWrapText(true);
        h.setMinWidth(help.isEmpty() ? 0 : HELP_MIN_WIDTH);
        g.addRow(row, k, v, h);
        return row + 1;
    }

    /** Copy, on a value's context menu: its whole text, however it is shown. */
    private static ContextMenu copyMenu(String value) {
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(value);
            Clipboard.getSystemClipboard().setContent(c);
        });
        return new ContextMenu(copy);
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        return l;
    }
}
