package com.orodc.hosts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The bytes of a hosts file split into lines with their own terminators, so that everything outside
 * the managed block is written back exactly as it was read (ISO-8859-1 maps every byte to one char).
 */
public final class HostsFileText {
    private final String text;
    private final List<String> lines; // each with its terminator, the last one maybe without
    private final int start;
    private final int end;

    private HostsFileText(String text, List<String> lines, int start, int end) {
        this.text = text;
        this.lines = lines;
        this.start = start;
        this.end = end;
    }

    /** @throws MalformedHostsBlockException when the markers do not form exactly zero or one block */
    public static HostsFileText parse(byte[] bytes, String fileName) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> lines = split(text);
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String content = lines.get(i).strip();
            if (content.equals(HostsBlock.START)) {
                starts.add(i);
            } else if (content.equals(HostsBlock.END)) {
                ends.add(i);
            }
        }
        if (starts.isEmpty() && ends.isEmpty()) {
            return new HostsFileText(text, lines, -1, -1);
        }
        if (starts.size() == 1 && ends.size() == 1 && starts.get(0) < ends.get(0)) {
            return new HostsFileText(text, lines, starts.get(0), ends.get(0));
        }
        String problem;
        if (starts.size() > 1 || ends.size() > 1) {
            problem = "has " + starts.size() + " START and " + ends.size() + " END markers";
        } else if (ends.isEmpty()) {
            problem = "has a START marker without an END";
        } else if (starts.isEmpty()) {
            problem = "has an END marker without a START";
        } else {
            problem = "has the END marker before the START";
        }
        throw new MalformedHostsBlockException(fileName + " " + problem + " of the orodc block; fix or remove the lines between '"
                + HostsBlock.START + "' and '" + HostsBlock.END + "' by hand, the file was left alone");
    }

    public static HostsFileText parse(String text, String fileName) {
        return parse(text.getBytes(StandardCharsets.ISO_8859_1), fileName);
    }

    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        return lines;
    }

    public boolean hasBlock() {
        return start >= 0;
    }

    /** The names inside the block, empty when there is none. */
    public SortedSet<String> blockNames() {
        List<String> inner = hasBlock() ? lines.subList(start + 1, end) : List.of();
        return HostsBlock.namesOf(inner);
    }

    /** The terminator the file already uses (CRLF stays CRLF), LF for a new file. */
    String lineSeparator() {
        for (String line : lines) {
            if (line.endsWith("\r\n")) {
                return "\r\n";
            }
            if (line.endsWith("\n")) {
                return "\n";
            }
        }
        return "\n";
    }

    /**
     * The file with {@code block} in place of the current one (appended when there is none).
     * An empty block is not added to a file that has none.
     */
    public String withBlock(HostsBlock block) {
        return withBlock(block, HostsFileOptions.DEFAULT);
    }

    /** As {@link #withBlock(HostsBlock)}, with the block's lines in the terminator and width {@code options} ask for. */
    public String withBlock(HostsBlock block, HostsFileOptions options) {
        String sep = options.lineSeparator() != null ? options.lineSeparator() : lineSeparator();
        int perLine = options.namesPerLine();
        if (!hasBlock()) {
            if (block.names().isEmpty()) {
                return text;
            }
            String prefix = text.isEmpty() || text.endsWith("\n") ? text : text + sep;
            return prefix + block.render(sep, perLine);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < start; i++) {
            sb.append(lines.get(i));
        }
        String rendered = block.render(sep, perLine);
        boolean endHadTerminator = lines.get(end).endsWith("\n");
        sb.append(endHadTerminator ? rendered : rendered.substring(0, rendered.length() - sep.length()));
        for (int i = end + 1; i < lines.size(); i++) {
            sb.append(lines.get(i));
        }
        return sb.toString();
    }

    /** The file without the block; the file unchanged when it has none. */
    public String withoutBlock() {
        if (!hasBlock()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < start; i++) {
            sb.append(lines.get(i));
        }
        for (int i = end + 1; i < lines.size(); i++) {
            sb.append(lines.get(i));
        }
        return sb.toString();
    }

    public String text() {
        return text;
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
