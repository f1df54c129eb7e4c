package dev.aspace.ui.lab;

import dev.aspace.lab.LabRunner;
import dev.aspace.lab.LabStep;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import dev.aspace.ui.Background;

import java.util.List;

/**
 * State of the guided lab: which step, the student's prediction, and the reveal once the action
 * ran. Actions run through the UI's one {@link Background} seam, never on the FX thread.
 */
public final class LabViewModel {

    private final List<LabStep> steps;
    private final LabRunner runner;
    private final Background background;

    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(0);
    private final IntegerProperty prediction = new SimpleIntegerProperty(-1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper reveal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper rightChoice = new ReadOnlyIntegerWrapper(-1);
    private final ObjectProperty<Runnable> afterAction = new SimpleObjectProperty<>(() -> { });

    public LabViewModel(List<LabStep> steps, LabRunner runner, Background background) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lab needs at least one step");
        }
        this.steps = List.copyOf(steps);
        this.runner = runner;
        this.background = background;
    }

    public LabStep step() {
        return steps.get(stepIndex.get());
    }

    public int stepCount() {
        return steps.size();
    }

    public ReadOnlyIntegerProperty stepIndexProperty() {
        return stepIndex.getReadOnlyProperty();
    }

    /** The choice the student predicted, -1 before choosing. */
    public IntegerProperty predictionProperty() {
        return prediction;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The explanation with the numbers measured now; empty before acting. */
    public ReadOnlyStringProperty revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    /** "Your prediction matches what happened" or what happened instead; empty before acting. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty rightChoiceProperty() {
        return rightChoice.getReadOnlyProperty();
    }

    /** Called on the FX thread after each action (the app refreshes its map and gauge). */
    public ObjectProperty<Runnable> afterActionProperty() {
        return afterAction;
    }

    /** Runs the step's action in the background, then judges the prediction and reveals. */
    public void act() {
        if (running.get()) {
            return;
        }
        LabStep step = step();
        running.set(true);
        background.submit(() -> runner.perform(step.action()), m -> {
            int right = step.rightChoice().applyAsInt(m);
            rightChoice.set(right);
            reveal.set(step.reveal().apply(m));
            verdict.set(judge(step, prediction.get(), right));
            running.set(false);
            afterAction.get().run();
        }, t -> {
            verdict.set("The action failed: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
            running.set(false);
        });
    }

    static String judge(LabStep step, int predicted, int right) {
        if (right < 0) {
            return "Not judged: what could be measured here does not tell (the reveal says what is missing).";
        }
        String happened = step.choices().get(right);
        if (predicted < 0) {
            return "What happened: " + happened + ".";
        }
        return predicted == right
                ? "You predicted it: " + happened + "."
                : "Not quite: you predicted '" + step.choices().get(predicted) + "', but " + happened + ".";
    }

    public boolean hasNext() {
        return stepIndex.get() + 1 < steps.size();
    }

    public void next() {
        if (hasNext()) {
            stepIndex.set(stepIndex.get() + 1);
            prediction.set(-1);
            reveal.set("");
            verdict.set("");
            rightChoice.set(-1);
        }
    }
}
