package dev.aspace.ui.frames;

import atlantafx.base.theme.Styles;
import dev.aspace.backend.FrameBackend;
import dev.aspace.model.ByteSize;
import dev.aspace.model.Region;
import dev.aspace.share.FileSharing;
import dev.aspace.share.FileUser;
import dev.aspace.share.Unreadable;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * Who shares a mapped file: "libc.so.6 text, 1.3 MiB: mapped by 97 processes; here RSS 1.2 MiB,
 * PSS 22 KiB", then every process mapping that part of the file with its RSS and PSS of it and of
 * the whole file, from each process's smaps read when the window opens (and on Refresh); the
 * processes that could not be read are listed with the reason. Read off the FX thread.
 */
public final class SharingWindow {

    private static Stage open;

    private SharingWindow() {
    }

    /** Opens (or retargets) the one sharing window on the file part mapped by {@code region} of {@code pid}. */
    public static void show(Window owner, FrameBackend backend, int pid, Region region) {
        if (open != null) {
            open.close();
        }
        View view = new View(pid, region, r -> backend.fileSharing(r.path(), r.perms().toString(), r.offset()));
        Stage stage = new Stage();
        String title = "Sharing — " + region.path();
        stage.setTitle(title + " (reading…)"); // until the first reading shows
        view.shown.addListener((o, a, b) -> stage.setTitle(title));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(view.root, 980, 600));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        open = stage;
        stage.show();
        view.refresh();
    }

    /** The window's content; package-private for the tests. */
    static final class View {
        final BorderPane root = new BorderPane();
        final Label heading = new Label();
        final Label totals = new Label();
        final Label status = new Label("reading every process's smaps…");
        final Label notRead = new Label();
        final TableView<FileUser> users = new TableView<>();
        final TableView<Unreadable> unreadable = new TableView<>();
        final ReadOnlyObjectWrapper<FileSharing> shown = new ReadOnlyObjectWrapper<>();
        private final Service<FileSharing> reader;
        private final int pid;
        private final Region region;

        View(int pid, Region region, Function<Region, FileSharing> read) {
            this.pid = pid;
            this.region = region;
            heading.setId("sharingHeading");
            heading.getStyleClass().add("title-4");
            heading.setWrapText(true);
            heading.setText(FramePair.title(region));
            totals.setId("sharingTotals");
            totals.setWrapText(true);
            totals.setMinHeight(Control.USE_PREF_SIZE);
            status.setId("sharingStatus");
            status.getStyleClass().add("text-small");
            status.setWrapText(true);
            notRead.setId("notRead");
            notRead.setWrapText(true);
            notRead.setMinHeight(Control.USE_PREF_SIZE);
            Label where = new Label(region.path() + ", " + region.perms() + " at file offset 0x"
                    + Long.toHexString(region.offset()) + " — figures from each process's smaps");
            where.getStyleClass().add("text-muted");
            where.setWrapText(true);
            usersTable();
            unreadableTable();
            Button refresh = new Button("Refresh");
            refresh.setId("sharingRefresh");
            refresh.setOnAction(e -> refresh());
            HBox bottom = new HBox(8, status, refresh);
            HBox.setHgrow(status, Priority.ALWAYS);
            status.setMaxWidth(Double.MAX_VALUE);
            bottom.setAlignment(Pos.CENTER_LEFT);
            VBox top = new VBox(4, heading, where, totals);
            VBox center = new VBox(6, users, notRead, unreadable);
            VBox.setVgrow(users, Priority.ALWAYS);
            unreadable.setPrefHeight(140);
            unreadable.setVisible(false);
            notRead.setVisible(false);
            unreadable.managedProperty().bind(unreadable.visibleProperty());
            notRead.managedProperty().bind(notRead.visibleProperty());
            for (Node p : new Node[] {top, center, bottom}) {
                BorderPane.setMargin(p, new Insets(8, 10, 4, 10));
            }
            root.setTop(top);
            root.setCenter(center);
            root.setBottom(bottom);
            reader = new Service<>() {
                @Override
                protected Task<FileSharing> createTask() {
                    return new Task<>() {
                        @Override
                        protected FileSharing call() {
                            return read.apply(region);
                        }
                    };
                }
            };
            long[] started = new long[1];
            reader.setOnRunning(e -> {
                started[0] = System.nanoTime();
                status.setText("reading every process's smaps…");
            });
            reader.setOnSucceeded(e -> show(reader.getValue(), (System.nanoTime() - started[0]) / 1_000_000));
            reader.setOnFailed(e -> status.setText("cannot read the processes: " + (reader.getException() == null
                    ? "unknown error" : reader.getException().getMessage())));
        }

        /** Reads again, now. */
        void refresh() {
            reader.restart();
        }

        /** The last reading shown, or null. */
        FileSharing shown() {
            return shown.get();
        }

        void show(FileSharing s, long millis) {
            shown.set(s);
            heading.setText(heading(region, s, pid));
            long fileRss = s.users().stream().mapToLong(FileUser::fileRss).sum();
            long filePss = s.users().stream().mapToLong(FileUser::filePss).sum();
            totals.setText("Summed over them: RSS " + ByteSize.format(s.rss()) + ", PSS " + ByteSize.format(s.pss())
                    + " (PSS adds up to the RAM this part takes, each page split among its mappers). All their mappings"
                    + " of the file: RSS " + ByteSize.format(fileRss) + ", PSS " + ByteSize.format(filePss) + ".");
            users.getItems().setAll(s.users());
            FileUser here = s.user(pid);
            if (here != null) { // this process's row, in view
                users.getSelectionModel().select(here);
                users.scrollTo(Math.max(0, users.getItems().indexOf(here) - 2));
            }
            unreadable.getItems().setAll(s.unreadable());
            boolean some = !s.unreadable().isEmpty();
            unreadable.setVisible(some);
            notRead.setVisible(some);
            notRead.setText(s.unreadable().size() + (s.unreadable().size() == 1 ? " process" : " processes")
                    + " could not be read, so they are not counted above (they may map the file too). Reading another"
                    + " user's process needs root or CAP_SYS_PTRACE:");
            status.setText("Read at " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " in "
                    + millis + " ms: " + s.users().size() + " mapping it, " + s.unreadable().size() + " not readable");
        }

        /** "libc.so.6 text, 1.3 MiB: mapped by 97 processes; here RSS 1.2 MiB, PSS 22 KiB". */
        static String heading(Region region, FileSharing s, int pid) {
            StringBuilder sb = new StringBuilder(FramePair.title(region)).append(": mapped by ").append(s.users().size())
                    .append(s.users().size() == 1 ? " process" : " processes");
            FileUser here = s.user(pid);
            Unreadable why = s.unreadable(pid);
            if (here != null) {
                sb.append("; here RSS ").append(ByteSize.format(here.rss())).append(", PSS ")
                        .append(ByteSize.format(here.pss()));
            } else if (why != null) {
                sb.append("; pid ").append(pid).append(" cannot be read: ").append(why.reason());
            } else {
                sb.append("; pid ").append(pid).append(" maps it no more");
            }
            return sb.toString();
        }

        private void usersTable() {
            dense(users, "sharingTable");
            var c = users.getColumns();
            c.add(number("PID", 70, u -> (long) u.pid()));
            c.add(text("User", 80, FileUser::user));
            c.add(number("RSS KiB", 80, u -> u.rss() / 1024));
            c.add(number("PSS KiB", 80, u -> u.pss() / 1024));
            c.add(number("File RSS KiB", 100, u -> u.fileRss() / 1024));
            c.add(number("File PSS KiB", 100, u -> u.filePss() / 1024));
            c.add(text("Command", 300, FileUser::command));
        }

        private void unreadableTable() {
            dense(unreadable, "unreadableTable");
            var c = unreadable.getColumns();
            c.add(number("PID", 70, u -> (long) u.pid()));
            c.add(text("User", 80, Unreadable::user));
            c.add(text("Command", 180, Unreadable::command));
            c.add(text("Why", 600, Unreadable::reason));
        }
    }

    private static void dense(TableView<?> t, String id) {
        t.setId(id);
        t.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static <T, V> TableColumn<T, V> column(String name, double width, Function<T, V> value) {
        TableColumn<T, V> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static <T> TableColumn<T, Long> number(String name, double width, Function<T, Long> value) {
        TableColumn<T, Long> c = column(name, width, value);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static <T> TableColumn<T, String> text(String name, double width, Function<T, String> value) {
        TableColumn<T, String> c = column(name, width, value);
        c.setCellFactory(col -> new TableCell<>() { // a long command line or reason reads whole in the tooltip
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        return c;
    }
}
