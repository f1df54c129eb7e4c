package dev.aspace.ui.view;

import dev.aspace.ui.vm.SessionModel;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The session's error in place, above the view: the window stays alive and says what went wrong. */
public final class Banner extends HBox {

    public Banner(SessionModel session) {
        super(8);
        setId("banner");
        getStyleClass().add("banner");
        setPadding(new Insets(6, 10, 6, 10));
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label();
        text.setId("bannerText");
        text.setWrapText(true);
        text.textProperty().bind(session.errorProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button("Dismiss");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> session.dismissError());
        getChildren().addAll(text, close);
        visibleProperty().bind(session.errorProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
        session.exitedProperty().addListener((o, a, gone) -> pseudoClassStateChanged(
                PseudoClass.getPseudoClass("exited"), gone));
    }
}
