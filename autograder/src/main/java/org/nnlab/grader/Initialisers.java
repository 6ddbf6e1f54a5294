package org.nnlab.grader;

import java.util.ArrayList;
import java.util.List;

/**
 * Before the tests: each notebook's object is created once in the worker, which runs the submission's
 * field and static initialisers and initialiser blocks. When that fails (it throws, calls
 * {@code System.exit}, never ends, exhausts memory) the cells that hold such code are searched for
 * the one to blame: dropped one by one until the object can be created, then the innocent ones taken
 * back. The cell found costs its own exercise, with a message that names it; the other exercises are
 * graded as usual.
 */
final class Initialisers {

    private final Session session;
    private final double testSeconds;

    Initialisers(Session session, double testSeconds) {
        this.session = session;
        this.testSeconds = testSeconds;
    }

    /** Creates every part's object; a part whose creation fails is compiled again without the cells to blame. */
    void check() {
        for (int k = 0; k < session.parts().size(); k++) {
            SubmissionLoader.Part part = session.parts().get(k);
            if (part.compiled() == null) {
                continue;
            }
            String failure = failure(k);
            if (failure != null) {
                session.replace(k, blame(k, part, failure));
            }
        }
    }

    /** Why creating part {@code k}'s object failed, or null when it worked. */
    private String failure(int k) {
        try {
            session.worker();   // started before the time to create the object begins
            session.test("", System.nanoTime() + (long) (testSeconds * 1e9));
            session.create(k);
            return null;
        } catch (Session.Threw t) {
            return "threw " + t.type + (t.getMessage().isEmpty() ? "" : ": " + t.getMessage());
        } catch (Session.Lost l) {
            return switch (l.why) {
                case TIMED_OUT -> "did not finish within " + Sandbox.fmt(testSeconds) + " s";
                case EXITED -> "ended the grading JVM: " + l.getMessage();
                case GARBLED -> l.getMessage();
            };
        }
    }

    /** The part without the cells whose initialisers make its creation fail, each with a message. */
    private SubmissionLoader.Part blame(int k, SubmissionLoader.Part part, String failure) {
        List<Cell> suspects = part.compiled().initialising();
        List<Cell> dropped = new ArrayList<>();
        boolean works = false;
        for (Cell c : suspects) {
            dropped.add(c);
            if (works(k, part.without(dropped, ""))) {
                works = true;
                break;
            }
        }
        if (!works) {
            String why = "creating your object failed: it " + failure + (suspects.isEmpty() ? "" : " (and still did without the cells "
                    + "that initialise fields)");
            List<Cell> all = part.source() == null ? List.of() : part.source().cells();
            SubmissionLoader.Part none = part.without(all, why);
            part.set().exercises().forEach(e -> none.problems().putIfAbsent(e, why));
            return none;
        }
        for (Cell c : new ArrayList<>(dropped.subList(0, dropped.size() - 1))) {
            List<Cell> fewer = new ArrayList<>(dropped);
            fewer.remove(c);
            if (works(k, part.without(fewer, ""))) {
                dropped = fewer;
            }
        }
        return part.without(dropped, "CELL: the code that runs when your object is created (a field initialiser or an initialiser"
                + " block) " + failure + "; so this exercise is not graded. Compute the value inside a method instead");
    }

    private boolean works(int k, SubmissionLoader.Part candidate) {
        if (candidate.compiled() == null) {
            return false;
        }
        session.replace(k, candidate);
        return failure(k) == null;
    }
}
