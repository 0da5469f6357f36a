package com.orodc.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/** Addresses as people write them: {@code ::1}, not {@code 0:0:0:0:0:0:0:1}. */
public final class IpLiteral {
    private IpLiteral() {
    }

    public static String of(InetAddress address) {
        String text = address.getHostAddress();
        if (!(address instanceof Inet6Address)) {
            return text;
        }
        int percent = text.indexOf('%');
        String scope = percent >= 0 ? text.substring(percent) : "";
        String[] groups = (percent >= 0 ? text.substring(0, percent) : text).split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength && j - i > 1) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups) + scope;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail + scope;
    }
}
