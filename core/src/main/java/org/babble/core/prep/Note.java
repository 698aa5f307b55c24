package org.babble.core.prep;

/**
 * Something done to a recording so the model could hear it (mixed down, resampled, padded, cut). Shown once on stderr:
 * the user should know, but it is not an error.
 */
public record Note(Kind kind, String text) {
    /** What was done; commands summarise notes by kind. */
    public enum Kind {
        MIXED_DOWN("mixed down"),
        RESAMPLED("resampled"),
        PADDED("padded"),
        CUT("cut");

        private final String done;

        Kind(String done) {
            this.done = done;
        }

        /** Past participle for summaries: "3 more files were resampled". */
        public String done() {
            return done;
        }
    }
}
