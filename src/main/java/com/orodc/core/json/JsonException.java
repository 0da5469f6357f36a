package com.orodc.core.json;

/** Text that is not the JSON expected; the message names what was wrong and where. */
public final class JsonException extends IllegalArgumentException {
    public JsonException(String message) {
        super(message);
    }
}
