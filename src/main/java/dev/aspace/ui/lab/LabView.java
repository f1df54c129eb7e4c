package dev.aspace.ui.lab;

import dev.aspace.lab.LabStep;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The guided lab panel: the step, its question with choices, the one action button, the reveal. */
public final class LabView {

    private final LabViewModel model;
    private final VBox root = new VBox(10);
    private final Label title = new Label();
    private final Label setup = new Label();
    private final Label question = new Label();
    private final VBox choices = new VBox(4);
    private final Button act = new Button();
    private final Button next = new Button("Next step");
    private final Label verdict = new Label();
    private final Label reveal = new Label();
    private final ToggleGroup group = new ToggleGroup();

    public LabView(LabViewModel model) {
        this.model = model;
        root.setPadding(new Insets(12));
        root.getStyleClass().add("lab");
        title.getStyleClass().addAll("title-3");
        for (Label l : new Label[] {setup, question, verdict, reveal}) {
            l.setWrapText(true);
        }
        question.getStyleClass().add("text-bold");
        verdict.getStyleClass().add("text-bold");
        act.setId("lab-act");
        next.setId("lab-next");
        reveal.setId("lab-reveal");
        verdict.setId("lab-verdict");
        act.getStyleClass().add("accent");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.runningProperty());
        act.disableProperty().bind(model.runningProperty());
        act.setOnAction(e -> model.act());
        next.setOnAction(e -> model.next());
        next.setDisable(true);
        model.revealProperty().addListener((o, a, b) -> next.setDisable(b.isEmpty() || !model.hasNext()));
        verdict.textProperty().bind(model.verdictProperty());
        reveal.textProperty().bind(model.revealProperty());
        group.selectedToggleProperty().addListener((o, a, b) ->
                model.predictionProperty().set(b == null ? -1 : (Integer) b.getUserData()));
        model.stepIndexProperty().addListener((o, a, b) -> show(model.step()));
        root.getChildren().addAll(title, setup, question, choices, new HBox(8, act, busy, next), verdict, reveal);
        show(model.step());
    }

    private void show(LabStep step) {
        title.setText(step.title() + "  (" + (model.stepIndexProperty().get() + 1) + " of " + model.stepCount() + ")");
        setup.setText(step.setup());
        question.setText("Predict: " + step.question());
        choices.getChildren().clear();
        group.getToggles().clear();
        for (int i = 0; i < step.choices().size(); i++) {
            RadioButton rb = new RadioButton(step.choices().get(i));
            rb.setUserData(i);
            rb.setToggleGroup(group);
            rb.setId("lab-choice-" + i);
            choices.getChildren().add(rb);
        }
        act.setText(step.action().buttonText());
    }

    public Parent node() {
        return root;
    }
}
