package com.orodc.certs.trust;

/** What happened to one store location, in the words the user reads. */
public enum TrustState {
    TRUSTED("trusted"),
    ALREADY_TRUSTED("already trusted"),
    REMOVED("removed"),
    ALREADY_GONE("already gone"),
    /** The entry we recorded now holds another certificate: it is not ours any more, so it stays. */
    LEFT_ALONE("left alone"),
    SKIPPED("skipped"),
    FAILED("failed");

    private final String words;

    TrustState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
