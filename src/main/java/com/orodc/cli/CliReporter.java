package com.orodc.cli;

import com.orodc.core.Reporter;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Turns reports into lines on stderr: diagnostics never mix with a command's results on stdout.
 * Progress is a bar redrawn in place on a terminal, and a few plain lines otherwise (logs, CI).
 */
final class CliReporter implements Reporter {
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean verbose;
    private final boolean terminal;
    private String lastTask;
    private long lastBucket = -1;
    private long lastDraw;
    private boolean barShown;

    CliReporter(PrintWriter err, boolean verbose, boolean terminal) {
        this.err = err;
        this.verbose = verbose;
        this.terminal = terminal;
    }

    @Override
    public synchronized void report(Level level, String message) {
        if (level == Level.DEBUG && !verbose) {
            return;
        }
        clearBar();
        switch (level) {
            case DEBUG -> err.println("  " + message);
            case INFO -> err.println(message);
            case WARN -> err.println("warning: " + message);
            case ERROR -> err.println("error: " + message);
        }
        err.flush();
    }

    @Override
    public synchronized void progress(String task, long done, long total) {
        if (terminal) {
            long now = System.nanoTime();
            boolean finished = total > 0 && done >= total;
            if (!finished && task.equals(lastTask) && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            lastTask = task;
            err.print("\r\033[K" + render(task, done, total));
            barShown = true;
            if (finished) {
                err.println();
                barShown = false;
            }
            err.flush();
            return;
        }
        // plain output: a line when the task changes and at each quarter, never a flood
        long bucket = total > 0 ? Math.min(4, done * 4 / total) : -1;
        if (task.equals(lastTask) && bucket == lastBucket) {
            return;
        }
        lastTask = task;
        lastBucket = bucket;
        err.println(render(task, done, total));
        err.flush();
    }

    static String render(String task, long done, long total) {
        if (total <= 0) {
            return done > 0 ? task + " " + size(done) : task;
        }
        int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %s/%s", task, "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
                Math.min(100, done * 100 / total), size(done), size(total));
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\033[K");
            barShown = false;
        }
    }
}
