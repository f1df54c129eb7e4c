package dev.aspace.bench;

import dev.aspace.ui.grid.CanvasTable;
import dev.aspace.ui.grid.GridColumn;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.application.Platform;

/**
 * Time to first paint and per-page scroll cost of a 60,000-row, 8-column region table: the canvas
 * table against a virtualized TableView. Run as {@code TableStart canvas|tableview} in a real
 * window (Xvfb); prints "first-paint-ms N" (from JVM start) and "scroll-ms-per-page N".
 */
public final class TableStart extends Application {

    static final int ROWS = 60_000;
    static final int PAGES = 200;
    static final String[] NAMES = {"Address", "Size KiB", "RSS KiB", "Dirty KiB", "Perm", "Kind / label", "Mapping", "Offset"};

    static List<String[]> rows() {
        List<String[]> out = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            long start = 0x7f0000000000L + (long) i * 0x3000;
            out.add(new String[] {Long.toHexString(start), Integer.toString(12), Integer.toString(i % 13 * 4),
                    Integer.toString(i % 5 * 4), i % 3 == 0 ? "r-xp" : "rw-p", i % 3 == 0 ? "library text" : "anonymous",
                    "/usr/lib/x86_64-linux-gnu/lib" + (i % 40) + ".so", Long.toHexString(i * 4096L)});
        }
        return out;
    }

    @Override
    public void start(Stage stage) {
        String kind = getParameters().getRaw().get(0);
        ObservableList<String[]> items = FXCollections.observableArrayList(rows());
        Runnable[] scrollTo = new Runnable[1];
        int[] page = {0};
        Scene scene;
        if (kind.equals("canvas")) {
            CanvasTable<String[]> t = new CanvasTable<>(items, new SimpleBooleanProperty(false));
            List<GridColumn<String[]>> cols = new ArrayList<>();
            for (int c = 0; c < NAMES.length; c++) {
                int k = c;
                cols.add(new GridColumn<>(NAMES[c], GridColumn.Align.LEFT, 110, true, r -> r[k], Comparator.comparing(r -> r[k])));
            }
            t.setColumns(cols);
            scrollTo[0] = () -> t.scrollTo(page[0] * 30 % ROWS);
            scene = new Scene(t, 1000, 700);
        } else {
            TableView<String[]> t = new TableView<>(items);
            for (int c = 0; c < NAMES.length; c++) {
                int k = c;
                TableColumn<String[], String> col = new TableColumn<>(NAMES[c]);
                col.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue()[k]));
                col.setPrefWidth(110);
                t.getColumns().add(col);
            }
            scrollTo[0] = () -> t.scrollTo(page[0] * 30 % ROWS);
            scene = new Scene(t, 1000, 700);
        }
        stage.setScene(scene);
        stage.show();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        new AnimationTimer() {
            long scrollStart;
            int frames;

            @Override
            public void handle(long now) {
                frames++;
                if (frames == 2) { // the first frame has been drawn
                    System.out.println("first-paint-ms " + (System.currentTimeMillis() - jvmStart));
                    scrollStart = System.nanoTime();
                }
                if (frames >= 2) {
                    if (page[0] == PAGES) {
                        System.out.printf("scroll-ms-per-page %.2f%n", (System.nanoTime() - scrollStart) / 1e6 / PAGES);
                        stop();
                        Platform.exit();
                        return;
                    }
                    page[0]++;
                    scrollTo[0].run();
                }
            }
        }.start();
    }
}
