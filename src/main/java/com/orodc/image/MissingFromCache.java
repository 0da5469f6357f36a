package com.orodc.image;

/** Raised in an offline build for each input the cache does not hold; the build lists them all at once. */
public final class MissingFromCache extends RuntimeException {
    public MissingFromCache(String what) {
        super(what);
    }
}
