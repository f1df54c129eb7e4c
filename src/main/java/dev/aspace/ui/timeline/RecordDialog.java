package dev.aspace.ui.timeline;

import dev.aspace.snapshot.series.SizeCap;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

/** Asks where to record, how often and up to what size; OK only while all three are valid. */
final class RecordDialog extends Dialog<RecordSettings> {

    private final TextField file = new TextField();
    private final TextField every = new TextField("1");
    private final TextField cap = new TextField("50M");
    private final Label problem = new Label();

    RecordDialog(Path suggested, String what) {
        setTitle("Record a series");
        setHeaderText("Record " + what + ": one snapshot every few seconds into one file");
        file.setText(suggested.toString());
        file.setPrefColumnCount(28);
        file.setId("recordFile");
        every.setId("recordEvery");
        cap.setId("recordCap");
        problem.setStyle("-fx-text-fill: #c62828;");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Record to");
            Path p = Path.of(file.getText().isBlank() ? suggested.toString() : file.getText()).toAbsolutePath();
            if (p.getParent() != null && p.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(p.getParent().toFile());
            }
            chooser.setInitialFileName(p.getFileName().toString());
            File f = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                file.setText(f.getPath());
            }
        });

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        // the names keep their width; the file field takes what is left
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        ColumnConstraints button = new ColumnConstraints();
        button.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(names, fields, button);
        every.setPrefColumnCount(6);
        every.setMaxWidth(Region.USE_PREF_SIZE);
        cap.setPrefColumnCount(6);
        cap.setMaxWidth(Region.USE_PREF_SIZE);
        Label hint = new Label("50M, 1G, 512K (binary: M is MiB): the recording stops before the file would pass it");
        hint.setId("recordHint");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        grid.addRow(0, name("File", file), file, browse);
        grid.addRow(1, name("Every (seconds)", every), every);
        grid.addRow(2, name("Size cap", cap), cap);
        grid.add(hint, 1, 3, 2, 1);
        grid.add(problem, 0, 4, 3, 1);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(640);
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        Runnable check = () -> {
            String why = problem();
            problem.setText(why == null ? "" : why);
            getDialogPane().lookupButton(ButtonType.OK).setDisable(why != null);
        };
        file.textProperty().addListener((o, a, b) -> check.run());
        every.textProperty().addListener((o, a, b) -> check.run());
        cap.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        setResultConverter(b -> b == ButtonType.OK && problem() == null
                ? new RecordSettings(Path.of(file.getText().trim()), seconds(), SizeCap.parse(cap.getText())) : null);
    }

    /** A field's name, never cut, and its label for screen readers. */
    private static Label name(String text, Control field) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setLabelFor(field);
        return l;
    }

    /** What is wrong with the fields, or null. */
    private String problem() {
        if (file.getText().isBlank()) {
            return "Choose a file to record to";
        }
        if (seconds() == null) {
            return "Every: a number of seconds above 0, like 1 or 0.5";
        }
        try {
            SizeCap.parse(cap.getText());
        } catch (IllegalArgumentException e) {
            return "Size cap: " + e.getMessage();
        }
        return null;
    }

    private Duration seconds() {
        try {
            double s = Double.parseDouble(every.getText().trim());
            return s > 0 && s <= 86_400 ? Duration.ofNanos(Math.round(s * 1e9)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
