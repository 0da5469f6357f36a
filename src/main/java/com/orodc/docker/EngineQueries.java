package com.orodc.docker;

import com.orodc.core.json.Json;
import com.orodc.docker.api.EngineHttp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query strings of the Engine API: {@code filters} is a JSON object of string arrays. */
final class EngineQueries {
    private EngineQueries() {
    }

    /** {@code filters={"key":["value",...],...}}, encoded; pairs of key and values in order. */
    static String filters(Object... keyAndValues) {
        Map<String, Object> filters = new LinkedHashMap<>();
        for (int i = 0; i < keyAndValues.length; i += 2) {
            filters.put((String) keyAndValues[i], keyAndValues[i + 1] instanceof List<?> l ? l : List.of(keyAndValues[i + 1]));
        }
        return "filters=" + EngineHttp.encode(Json.write(filters));
    }

    /** A name or id in a path. */
    static String id(String nameOrId) {
        return EngineHttp.segment(nameOrId);
    }
}
