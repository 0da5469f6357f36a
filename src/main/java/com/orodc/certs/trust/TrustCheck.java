package com.orodc.certs.trust;

/** Whether one store location trusts the root; {@code UNKNOWN} says why it could not be told. */
public record TrustCheck(TrustStoreKind kind, String location, Answer answer, String detail) {
    public enum Answer { TRUSTED, NOT_TRUSTED, UNKNOWN }

    public String line() {
        String who = location.isEmpty() ? kind.id() : String.format("%-8s %s", kind.id(), location);
        String words = switch (answer) {
            case TRUSTED -> "trusted";
            case NOT_TRUSTED -> "not trusted";
            case UNKNOWN -> "unknown";
        };
        return String.format("%s: %s%s", who, words, detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
