package org.nnlab.grader;

/**
 * One exercise's code as the student wrote it: an exercise cell of a notebook, or the section of a
 * starter class under its {@code // Exercise N.k} comment.
 *
 * @param exercise  the exercise id, {@code "N.k"}
 * @param text      the code, declarations only
 * @param where     where it is, for messages: {@code "cell 12"} or {@code "RectangleStarter.java"}
 * @param firstLine the line of {@code where} that the text's first line is (1 for a cell)
 */
public record Cell(String exercise, String text, String where, int firstLine) {

    /** "exercise 1.3 (cell 14), line 2" for line {@code line} (1-based) of the text. */
    public String at(int line) {
        return "exercise " + exercise + " (" + where + "), line " + (firstLine + line - 1);
    }
}
