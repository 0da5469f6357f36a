package com.orodc.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A project's {@code .env.orodc}: {@code KEY=value} lines, as docker compose reads them. */
public final class DotEnvFile {
    public static final String FILE_NAME = ".env.orodc";

    private static final Pattern LINE = Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)$");

    private DotEnvFile() {
    }

    /** The nearest {@code .env.orodc} in {@code start} or one of its parents, or null. */
    public static Path find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static Map<String, String> read(Path file) {
        List<String> lines = lines(file);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw OrodcException.usage(String.format("%s:%d is not a KEY=value line: %s", file, i + 1,
                        UntrustedText.of(line)));
            }
            values.put(m.group(1), unquote(m.group(2)));
        }
        return values;
    }

    /** The lines of the file, which must be UTF-8 text: anything else is a bad setting, not a broken disk. */
    private static List<String> lines(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw OrodcException.io("cannot read " + file + ": permission denied; fix its permissions or remove it", e);
        } catch (IOException e) {
            throw OrodcException.io("cannot read " + file + ": " + e.getMessage() + "; fix it or remove it", e);
        }
        List<String> lines = new ArrayList<>();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lines.add(decodeLine(file, bytes, start, end, lines.size() + 1, utf8));
            start = end + 1;
        }
        return lines;
    }

    private static String decodeLine(Path file, byte[] bytes, int start, int end, int lineNumber, CharsetDecoder utf8) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
        CharBuffer out = CharBuffer.allocate(end - start);
        utf8.reset();
        if (utf8.decode(in, out, true).isError()) {
            throw notText(file, lineNumber, "not UTF-8 text (byte " + (in.position() + 1) + ")");
        }
        utf8.flush(out);
        for (int i = start; i < end; i++) {
            if (bytes[i] == 0) {
                throw notText(file, lineNumber, "not text (a NUL at byte " + (i + 1) + ")");
            }
        }
        String line = out.flip().toString();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static OrodcException notText(Path file, int line, String what) {
        return OrodcException.usage(String.format("%s:%d is %s: it must hold KEY=value lines", file, line, what));
    }

    private static String unquote(String raw) {
        if (raw.length() >= 2) {
            char first = raw.charAt(0);
            if ((first == '"' || first == '\'') && raw.charAt(raw.length() - 1) == first) {
                return raw.substring(1, raw.length() - 1);
            }
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }
}
