package org.nvmeworkbench.core.fiojob;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a job file as fio's init.c reads them, before any option is interpreted:
 * <ul>
 * <li>";" or "#" starts a comment anywhere on a line: fio cuts the line there;</li>
 * <li>"include FILE" pulls FILE's lines in its place ("Include directives may be nested"; a relative
 * name is relative to the including file's folder; "Include files may not contain [] sections");</li>
 * <li>"Any sub-string of the form ${VARNAME} as part of an option value ... will be expanded to the value of
 * the environment variable", "the empty string" when unset;</li>
 * <li>$pagesize, $mb_memory and $ncpus are replaced, and "simple math is also supported on these keywords"
 * ({@code size=8*$mb_memory}).</li>
 * </ul>
 */
final class FioJobText {
    /** One meaningful line: a section header (key null, value the name) or an option. */
    record Line(String file, int line, int position, String section, String key, String value) {
        boolean isSection() {
            return section != null;
        }
    }

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z0-9_]*)}");
    private static final int MAX_INCLUDE_DEPTH = 16;

    private final FioEnvironment env;
    private final List<Line> lines = new ArrayList<>();

    FioJobText(FioEnvironment env) {
        this.env = env;
    }

    /** The lines of {@code text}, named {@code source}, includes resolved against {@code folder} (null: none allowed). */
    List<Line> read(String text, String source, Path folder) {
        add(text, source, folder, 0);
        return lines;
    }

    private void add(String text, String source, Path folder, int depth) {
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            int n = i + 1;
            String l = cutComment(raw[i]).strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("[")) {
                if (depth > 0) {
                    throw error(source, n, "an included file may not contain [] sections (fio's rule), and '" + l
                            + "' is one");
                }
                if (!l.endsWith("]")) {
                    throw error(source, n, "the section header '" + l + "' has no closing ']'");
                }
                String name = l.substring(1, l.length() - 1).strip();
                if (name.isEmpty()) {
                    throw error(source, n, "a section needs a name between '[' and ']'");
                }
                lines.add(new Line(source, n, lines.size(), name, null, null));
                continue;
            }
            if (l.equals("include") || l.startsWith("include ") || l.startsWith("include\t")) {
                include(l.substring("include".length()).strip(), source, n, folder, depth);
                continue;
            }
            int eq = l.indexOf('=');
            String key = (eq < 0 ? l : l.substring(0, eq)).strip();
            String value = eq < 0 ? "" : l.substring(eq + 1).strip();
            if (key.isEmpty()) {
                throw error(source, n, "'" + l + "' has a value but no option name");
            }
            if (!key.matches("[A-Za-z0-9_\\-]+")) {
                throw error(source, n, "'" + key + "' is not an option name (expected key=value or a flag)");
            }
            lines.add(new Line(source, n, lines.size(), null, key, substitute(value, source, n, key)));
        }
    }

    private void include(String name, String source, int n, Path folder, int depth) {
        if (name.isEmpty()) {
            throw error(source, n, "'include' needs a file name");
        }
        if (folder == null) {
            throw error(source, n, "include " + name + " cannot be followed in text that was not read from a file");
        }
        if (depth >= MAX_INCLUDE_DEPTH) {
            throw error(source, n, "include " + name + " nests more than " + MAX_INCLUDE_DEPTH + " deep (does it include itself?)");
        }
        Path p = folder.resolve(name);
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw error(source, n, "include " + name + ": there is no file at " + p);
        } catch (IOException e) {
            throw error(source, n, "include " + name + ": " + e.getMessage());
        }
        Path parent = p.toAbsolutePath().getParent();
        add(text, p.getFileName().toString(), parent, depth + 1);
    }

    /** fio cuts a line at the first ';' or '#'. */
    static String cutComment(String line) {
        int cut = line.length();
        int semi = line.indexOf(';');
        int hash = line.indexOf('#');
        if (semi >= 0) {
            cut = semi;
        }
        if (hash >= 0 && hash < cut) {
            cut = hash;
        }
        return line.substring(0, cut);
    }

    private String substitute(String value, String source, int n, String key) {
        if (!value.contains("$")) {
            return value;
        }
        Matcher m = ENV.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = env.variables().getOrDefault(m.group(1), "");
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        String v = sb.toString();
        boolean keyword = false;
        for (Map.Entry<String, Long> k : Map.of("$pagesize", env.pagesize(), "$mb_memory", env.mbMemory(),
                "$ncpus", (long) env.ncpus()).entrySet()) {
            if (v.contains(k.getKey())) {
                v = v.replace(k.getKey(), Long.toString(k.getValue()));
                keyword = true;
            }
        }
        if (keyword && FioExpression.isArithmetic(v)) {
            try {
                v = Long.toString(Math.round(FioExpression.evaluate(v, key + "=" + value)));
            } catch (IllegalArgumentException e) {
                throw error(source, n, key + "=" + value + ": " + e.getMessage());
            }
        }
        return v;
    }

    static FioJobException error(String source, int line, String what) {
        String w = what.endsWith(".") ? what.substring(0, what.length() - 1) : what;
        return new FioJobException(source + " line " + line + ": " + w + ".", line);
    }
}
