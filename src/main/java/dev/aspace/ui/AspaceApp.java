package dev.aspace.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop app. */
public final class AspaceApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(AspaceApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("aspace"));
        stage.setTitle("aspace");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
