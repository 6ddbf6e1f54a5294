package org.nnlab.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * javac's messages made readable for a student whose exercise cell does not compile. An exercise cell
 * becomes part of a class body, so it holds declarations only (methods, fields, classes); a statement
 * written outside any method ({@code System.out.println(1);}, {@code x = 5;}, {@code sigmoid(0);})
 * makes javac say "&lt;identifier&gt; expected", "illegal start of type" or "invalid method
 * declaration; return type required", which does not tell a student what is wrong. Pure functions:
 * the compile step calls {@link #explainCompileError} with each error's message, the cell and the line.
 */
public final class CompileHints {

    /** javac's messages for a statement in a class body (javac 17-21). */
    private static final Set<String> CLASS_BODY_ERRORS = Set.of("<identifier> expected", "illegal start of type",
            "invalid method declaration; return type required", "']' expected", "';' expected");

    private static final Pattern KEYWORD_STATEMENT = Pattern.compile(
            "^(if|for|while|do|switch|return|throw|try|break|continue|assert|new|else|yield)\\b.*");
    /** A call: a name (with dots) followed by "(", that is not a constructor's declaration (which ends in "{"). */
    private static final Pattern CALL = Pattern.compile("^[\\w$]+(\\.[\\w$]+)*\\s*\\(.*");
    private static final Pattern DECLARATION_END = Pattern.compile(".*\\)\\s*(throws\\s+[\\w.,\\s]+)?\\{.*");
    /** An assignment to something declared elsewhere: {@code x = 5}, {@code a[0] += 2}, {@code this.w = w}. */
    private static final Pattern ASSIGNMENT = Pattern.compile("^[\\w$]+(\\.[\\w$]+)*(\\[[^\\]]*\\])*\\s*([-+*/%&|^]|<<|>>>?)?=(?!=).*");
    private static final Pattern INCREMENT = Pattern.compile("^([\\w$]+(\\.[\\w$]+)*\\s*(\\+\\+|--)|(\\+\\+|--)\\s*[\\w$]).*");

    private CompileHints() {
    }

    /**
     * {@code javacMessage} for line {@code line} (1-based) of the exercise cell {@code cellSource}, with a
     * hint when the line is a statement outside any method: that exercise cells hold declarations
     * (methods, fields, classes) and the statement belongs inside a method or in another cell. Other
     * messages come back unchanged.
     */
    public static String explainCompileError(String javacMessage, String cellSource, int line) {
        String message = javacMessage == null ? "" : javacMessage.strip();
        String[] lines = cellSource == null ? new String[0] : cellSource.split("\\R", -1);
        if (line < 1 || line > lines.length || depthBefore(lines, line) != 0) {
            return message;
        }
        String code = withoutComment(lines[line - 1]).strip();
        if (message.startsWith("'var' is not allowed here")) {
            return message + "\nHint: `var` declares variables inside a method; a field of an exercise cell needs its type "
                    + "(e.g. `double x = ...;`), or move the line into a method or another cell.";
        }
        if (!CLASS_BODY_ERRORS.contains(firstLine(message)) || !isStatement(code)) {
            return message;
        }
        return message + "\nHint: exercise cells hold declarations only (methods, fields, classes), but line " + line + ", `" + code
                + "`, is a statement outside any method. Move it into a method, or into another cell (a code cell below the exercise); "
                + "a field such as `double x = sigmoid(0);` is a declaration and may stay.";
    }

    /** Whether one line of a class body is (or holds) a statement rather than a declaration. */
    static boolean isStatement(String code) {
        for (String part : splitStatements(code)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (KEYWORD_STATEMENT.matcher(p).matches() || ASSIGNMENT.matcher(p).matches() || INCREMENT.matcher(p).matches()
                    || (CALL.matcher(p).matches() && !DECLARATION_END.matcher(p).matches())) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** The parts of a line between semicolons outside brackets, strings and braces: "int[] a = {1}; a[0] = 2;" gives two. */
    private static List<String> splitStatements(String code) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if ("({[".indexOf(c) >= 0) {
                depth++;
            } else if (")}]".indexOf(c) >= 0) {
                depth--;
            } else if (c == ';' && depth == 0) {
                parts.add(code.substring(start, i + 1));
                start = i + 1;
            }
        }
        parts.add(code.substring(start));
        return parts;
    }

    private static String withoutComment(String line) {
        int k = line.indexOf("//");
        return k >= 0 && line.lastIndexOf('"', k) < 0 ? line.substring(0, k) : line;
    }

    /**
     * The brace depth at the start of line {@code line} (1-based) of the cell: 0 is the class body.
     * Braces in strings, character literals and comments do not count.
     */
    static int depthBefore(String[] lines, int line) {
        int depth = 0;
        boolean block = false;
        for (int k = 0; k < line - 1; k++) {
            String l = lines[k];
            char quote = 0;
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                char next = i + 1 < l.length() ? l.charAt(i + 1) : 0;
                if (block) {
                    if (c == '*' && next == '/') {
                        block = false;
                        i++;
                    }
                } else if (quote != 0) {
                    if (c == '\\') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '/' && next == '/') {
                    break;
                } else if (c == '/' && next == '*') {
                    block = true;
                    i++;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
            }
        }
        return depth;
    }
}
