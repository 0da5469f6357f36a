package com.orodc.core.pem;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code -----BEGIN type-----} ... {@code -----END type-----} block of PEM text, decoded. Text around the blocks
 * is ignored, as openssl does (it writes comments such as "Bag Attributes" there).
 *
 * @param encrypted whether its headers say so ({@code Proc-Type: 4,ENCRYPTED}, how openssl 1.x encrypted keys)
 */
public record PemBlock(String type, byte[] der, boolean encrypted) {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    /** The blocks of {@code text}, in order; none when it holds no PEM. */
    public static List<PemBlock> all(String text) throws PemException {
        List<PemBlock> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            blocks.add(decode(m.group(1), m.group(2)));
        }
        return blocks;
    }

    private static PemBlock decode(String type, String body) throws PemException {
        StringBuilder base64 = new StringBuilder();
        boolean encrypted = false;
        for (String line : body.split("\r?\n|\r")) {
            String l = line.strip();
            if (l.contains(":")) {
                // RFC 1421 headers come before the data
                encrypted |= l.replace(" ", "").equalsIgnoreCase("Proc-Type:4,ENCRYPTED");
                continue;
            }
            base64.append(l);
        }
        try {
            return new PemBlock(type, Base64.getDecoder().decode(base64.toString()), encrypted);
        } catch (IllegalArgumentException e) {
            throw new PemException("the base64 of its " + type + " block is damaged");
        }
    }
}
