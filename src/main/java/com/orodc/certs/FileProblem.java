package com.orodc.certs;

import com.orodc.core.OrodcException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** One-line IO errors: what could not be done to which path, why, and what to do. */
final class FileProblem {
    private FileProblem() {
    }

    static OrodcException cannot(String action, Path path, IOException e, String fix) {
        return OrodcException.io("cannot " + action + " " + path + ": " + reason(e) + "; " + fix, e);
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().strip();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("").strip();
    }
}
