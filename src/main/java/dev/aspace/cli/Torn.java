package dev.aspace.cli;

import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;

/** What the CLI says about a snapshot whose read was torn (see {@link Snapshot#torn()}). */
final class Torn {

    private Torn() {
    }

    /** One line for stderr, or null when the snapshot is whole. */
    static String warning(Snapshot s) {
        if (!s.torn()) {
            return null;
        }
        String what = s.source().type() == Source.Type.LIVE
                ? "process " + s.process().pid() + " changed its mappings during every read"
                : s.source().description() + " was saved from a read torn by the process changing its mappings";
        return "aspace: warning: " + what + ": a mapping may be listed twice or missing (torn snapshot)";
    }
}
