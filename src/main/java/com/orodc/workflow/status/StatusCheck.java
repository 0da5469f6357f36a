package com.orodc.workflow.status;

/** One line of proxy-status: what was checked, how it went, and the fix when it is not OK. */
public record StatusCheck(String id, String name, Level level, String detail, String fix) {
    public enum Level { OK, WARN, FAIL }

    public static StatusCheck ok(String id, String name, String detail) {
        return new StatusCheck(id, name, Level.OK, detail, null);
    }

    public static StatusCheck warn(String id, String name, String detail, String fix) {
        return new StatusCheck(id, name, Level.WARN, detail, fix);
    }

    public static StatusCheck fail(String id, String name, String detail, String fix) {
        return new StatusCheck(id, name, Level.FAIL, detail, fix);
    }
}
