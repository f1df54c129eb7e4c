package dev.aspace.bench;

import javafx.application.Application;

/** Launches {@link TableStart} from the classpath (a main class that is not an Application). */
public final class TableStartMain {

    private TableStartMain() {
    }

    public static void main(String[] args) {
        Application.launch(TableStart.class, args);
    }
}
