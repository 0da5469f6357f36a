package com.orodc.certs;

/** What one run did to one part of the certificate set, and why. */
public record CertificateChange(Part part, Action action, String reason) {
    public enum Part {
        ROOT("root CA"),
        ROOT_KEY("root CA key"),
        INTERMEDIATE("intermediate CA"),
        LEAF("leaf certificate"),
        CHAIN("full chain");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Action {
        CREATED("created"),
        ADOPTED("adopted"),
        KEPT("kept"),
        REISSUED("re-issued"),
        WRITTEN("written"),
        DESTROYED("destroyed");

        private final String verb;

        Action(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    public boolean changedFiles() {
        return action != Action.KEPT;
    }

    /** For example {@code leaf certificate re-issued: expires on 2026-05-01 (10 days left)}. */
    public String describe() {
        return part.label() + " " + action.verb() + (reason.isEmpty() ? "" : ": " + reason);
    }
}
