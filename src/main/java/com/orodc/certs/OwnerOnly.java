package com.orodc.certs;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Takes group and other permissions away from a key or the certificate directory. It never adds any: a
 * directory the user made read-only stays read-only, and a write into it fails as it should.
 */
final class OwnerOnly {
    private static final Set<PosixFilePermission> OWNER = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private OwnerOnly() {
    }

    /** @return whether the permissions had to change */
    static boolean restrict(Path path) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
        Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
        owner.addAll(current);
        owner.retainAll(OWNER);
        if (owner.equals(current)) {
            return false;
        }
        Files.setPosixFilePermissions(path, owner);
        return true;
    }
}
