package org.nvmeworkbench.core.session;

/** What device work reports, and how it learns that the user asked it to stop. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean stopRequested() {
            return false;
        }
    };

    /** Fraction 0..1 (negative = unknown) and a short message; may be called often, only the last counts. */
    void update(double fraction, String message);

    boolean stopRequested();
}
