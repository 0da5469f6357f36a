package com.orodc.core;

import com.sun.security.auth.module.UnixSystem;

/** Who this process runs as, for what only root may do (system paths, the hosts file, other users' files). */
public final class ProcessUser {
    private ProcessUser() {
    }

    /** Uid 0 where the JVM can tell (Unix); otherwise whether the user is named root. */
    public static boolean isRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
