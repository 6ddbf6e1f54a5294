package org.nnlab.grader;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A graded JUnit test: the exercise it grades, what passing it is worth and who sees it. The
 * visible checks of {@code exercises} become graded tests through {@link VisibleChecks}; hidden
 * tests are ordinary {@code @Test} methods in {@code org.nnlab.grader.hidden} with this annotation
 * (and a {@code @Timeout}), e.g.
 * <pre>{@code
 * @Test @Graded(exercise = "1.2", points = 1, visibility = "after_published") @Timeout(10)
 * @DisplayName("sigmoid(-z) = 1 - sigmoid(z)")
 * void sigmoidIsSymmetric() { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {

    /** The exercise id, {@code "N.k"}. */
    String exercise();

    /** What passing the test is worth. */
    int points();

    /** Gradescope's visibility: visible, hidden, after_due_date or after_published. */
    String visibility() default "visible";
}
