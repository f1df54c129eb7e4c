package dev.aspace.ui.view;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

import java.util.List;
import java.util.function.Function;

/**
 * A drop-down that picks one of a few fixed values: a button showing the chosen value's name,
 * with one radio item per value in its menu. Why not a ComboBox or a ChoiceBox: a ComboBox keeps
 * its popup's list (a virtual flow with two scroll bars, 24 nodes) in the window from the start,
 * and a ChoiceBox styles its whole popup menu to learn its own width; both are paid for in the
 * window's first frame (docs/PERFORMANCE.md). This one is a label and an arrow until opened.
 */
public final class ChoiceMenu<T> extends MenuButton {

    private final List<T> choices;
    private final Function<T, String> names;
    private final ObjectProperty<T> value = new SimpleObjectProperty<>(this, "value");

    /**
     * @param names the name of each choice as shown; asked for null only if null is one of
     *              {@code choices} (no value chosen otherwise shows as empty)
     */
    public ChoiceMenu(List<T> choices, Function<T, String> names) {
        this.choices = choices.stream().toList(); // unmodifiable, and null may be a choice
        this.names = names;
        getStyleClass().add("choice-menu");
        ToggleGroup group = new ToggleGroup();
        for (T choice : this.choices) {
            RadioMenuItem item = new RadioMenuItem(names.apply(choice));
            item.setMnemonicParsing(false);
            item.setToggleGroup(group);
            item.setOnAction(e -> value.set(choice));
            getItems().add(item);
        }
        setMnemonicParsing(false);
        value.addListener((o, a, v) -> show(v));
        show(null);
    }

    /** The chosen value; setting one that is not a choice shows its name with no item checked. */
    public ObjectProperty<T> valueProperty() {
        return value;
    }

    public T getValue() {
        return value.get();
    }

    public void setValue(T v) {
        value.set(v);
    }

    private void show(T v) {
        setText(v == null && !choices.contains(null) ? "" : names.apply(v));
        int index = choices.indexOf(v);
        for (int i = 0; i < getItems().size(); i++) {
            ((RadioMenuItem) getItems().get(i)).setSelected(i == index);
        }
    }
}
