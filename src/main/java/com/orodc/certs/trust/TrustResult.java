package com.orodc.certs.trust;

/**
 * The outcome for one store location.
 *
 * @param detail why it was skipped or failed, or extra words; empty when there is nothing to add
 * @param entry  the entry this outcome adds to the record (install) or drops from it (uninstall); may be null
 */
public record TrustResult(TrustStoreKind kind, String location, TrustState state, String detail, TrustEntry entry) {

    public static TrustResult of(TrustStoreKind kind, String location, TrustState state, String detail) {
        return new TrustResult(kind, location, state, detail, null);
    }

    public TrustResult withEntry(TrustEntry e) {
        return new TrustResult(kind, location, state, detail, e);
    }

    /** {@code nss /home/me/.pki/nssdb: skipped (why)}. */
    public String line() {
        String who = location.isEmpty() ? kind.id() : String.format("%-8s %s", kind.id(), location);
        String why = detail.isEmpty() ? "" : " (" + detail + ")";
        return String.format("%s: %s%s", who, state.words(), why);
    }
}
