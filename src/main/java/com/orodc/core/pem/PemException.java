package com.orodc.core.pem;

/** PEM text or a key in it that cannot be read; the message says what, for the caller to name the file. */
public final class PemException extends Exception {
    public PemException(String message) {
        super(message);
    }
}
