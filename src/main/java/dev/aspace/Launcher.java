package dev.aspace;

/**
 * Entry point. No arguments: the desktop app. Anything else: the command line. This class does
 * not extend Application, so JavaFX runs from the classpath (java -jar, and Maven).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.aspace.ui.AspaceApp.launchApp(args);
        } else {
            System.exit(dev.aspace.cli.AspaceCommand.run(args));
        }
    }
}
