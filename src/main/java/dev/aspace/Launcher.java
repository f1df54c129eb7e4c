package dev.aspace;

import dev.aspace.cli.AspaceCommand;
import dev.aspace.cli.NoDisplay;
import dev.aspace.start.StartOptions;
import dev.aspace.ui.AspaceApp;

/**
 * Entry point. No arguments: the desktop app. Anything else: the command line. This class does
 * not extend Application, so JavaFX runs from the classpath (java -jar, and Maven).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            int none = NoDisplay.check(System.getenv(), System.getProperty("glass.platform"));
            if (none != 0) {
                System.exit(none);
            }
            try {
                AspaceApp.launchApp(args, StartOptions.read());
            } catch (UnsupportedOperationException e) {
                System.exit(NoDisplay.failed(e, System.getenv()));
            }
        } else {
            System.exit(AspaceCommand.run(args));
        }
    }
}
