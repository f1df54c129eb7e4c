package dev.aspace.snapshot.aslr;

import dev.aspace.elf.ElfFile;
import dev.aspace.elf.ElfHeader;
import dev.aspace.model.AspaceException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Whether an executable is position-independent, from its ELF header: what decides if its base moves. */
public final class ExecutableKind {

    private ExecutableKind() {
    }

    /** True for ET_DYN (a PIE), false for ET_EXEC; null when the file cannot be read as ELF. */
    public static Boolean isPie(String path) {
        try (ElfFile f = ElfFile.open(Path.of(path))) {
            return f.header().type() == ElfHeader.ET_DYN;
        } catch (IOException | UncheckedIOException | AspaceException | InvalidPathException e) {
            return null;
        }
    }

    /** The PIE-ness of the report's executable, or null when there is none or it cannot be read. */
    public static Boolean of(AslrReport r) {
        for (AslrObject o : r.objects()) {
            if (o.name().startsWith(AslrAnalysis.EXECUTABLE + " ")) {
                return isPie(o.name().substring(AslrAnalysis.EXECUTABLE.length() + 1));
            }
        }
        return null;
    }
}
