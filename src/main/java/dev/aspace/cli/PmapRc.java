package dev.aspace.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * pmap's rc file ({@code ~/.pmaprc}, {@code -C FILE}) as procps-ng 4.0.2 writes and reads it
 * (its config_create and config_read): the template {@code -n}/{@code -N} write, and what a file
 * enables. Reading follows procps line by line, quirks included, so the same file gives the
 * same columns: names are case-sensitive and matched against the kernel's smaps keys and pmap's
 * own column names; a name that is neither is accepted and changes nothing; {@code ShowPath}
 * turns -p over (twice is off again); what follows a section header on its line is read as an
 * entry of that section.
 *
 * @param fields          the enabled names, in file order
 * @param togglesShowPath whether ShowPath appears an odd number of times
 * @param warnings        what procps says about the file on stderr, with line numbers
 */
record PmapRc(Set<String> fields, boolean togglesShowPath, List<String> warnings) {

    /** procps reads lines with fgets into 1025 bytes: longer ones are cut there. */
    private static final int MAX_LINE = 1024;
    /** procps keeps a field name in 32 bytes. */
    private static final int MAX_NAME = 31;

    /** What {@code pmap -n} writes, byte for byte (procps-ng 4.0.2, C locale). */
    static final String TEMPLATE = """
            # pmap's Config File

            # All the entries are case sensitive.
            # Unsupported entries are ignored!

            [Fields Display]

            # To enable a field uncomment its entry

            #Perm
            #Offset
            #Device
            #Inode
            #Size
            #Rss
            #Pss
            #Shared_Clean
            #Shared_Dirty
            #Private_Clean
            #Private_Dirty
            #Referenced
            #Anonymous
            #AnonHugePages
            #Swap
            #KernelPageSize
            #MMUPageSize
            #Locked
            #VmFlags
            #Mapping


            [Mapping]

            # to show paths in the mapping column uncomment the following line
            #ShowPath

            """;

    private enum Section { NONE, UNSUPPORTED, FIELDS, MAPPING }

    /** Reads an rc file's text as procps does. */
    static PmapRc parse(String text) {
        Set<String> fields = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        boolean showPath = false;
        Section section = Section.NONE;
        int lineNo = 0;
        for (String raw : lines(text)) {
            lineNo++;
            String line = raw;
            if (line.length() >= MAX_LINE) {
                warnings.add("config line too long - line " + lineNo);
                line = line.substring(0, MAX_LINE);
            }
            int i = skipBlanks(line, 0);
            if (i == line.length() || line.charAt(i) == '#') {
                continue;
            }
            if (line.charAt(i) == '[') {
                if (line.startsWith("[Fields Display]", i)) {
                    i += "[Fields Display]".length();
                    section = Section.FIELDS;
                } else if (line.startsWith("[Mapping]", i)) {
                    i += "[Mapping]".length();
                    section = Section.MAPPING;
                } else {
                    int close = line.indexOf(']', i);
                    if (close >= 0) {
                        section = Section.UNSUPPORTED;
                        warnings.add("unsupported section found in the config - line " + lineNo);
                        i = close + 1;
                    } else {
                        warnings.add("syntax error found in the config - line " + lineNo);
                        i = line.length();
                    }
                }
                i = skipBlanks(line, i);
                if (i == line.length() || line.charAt(i) == '#') {
                    continue;
                }
                warnings.add("syntax error found in the config - line " + lineNo);
            }
            String[] tokens = tokens(line.substring(i));
            switch (section) {
                case FIELDS, MAPPING -> {
                    if (tokens.length == 0) {
                        break;
                    }
                    if (tokens.length > 1 && tokens[1].charAt(0) != '#') {
                        warnings.add("syntax error found in the config - line " + lineNo);
                    }
                    if (section == Section.FIELDS) {
                        fields.add(tokens[0].length() > MAX_NAME ? tokens[0].substring(0, MAX_NAME) : tokens[0]);
                    } else if (tokens[0].equals("ShowPath")) {
                        showPath = !showPath;
                    }
                }
                case UNSUPPORTED -> {
                    // procps ignores what an unknown section holds
                }
                default -> warnings.add("syntax error found in the config - line " + lineNo);
            }
        }
        return new PmapRc(fields, showPath, warnings);
    }

    /** The lines as fgets gives them, without their newline (a last line without one counts). */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** strtok(s, " \t") tokens. */
    private static String[] tokens(String s) {
        String t = s.replaceAll("^[ \t]+", "");
        return t.isEmpty() ? new String[0] : t.split("[ \t]+");
    }
}
