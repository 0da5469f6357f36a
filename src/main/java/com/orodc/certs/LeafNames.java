package com.orodc.certs;

import com.orodc.core.HostName;
import com.orodc.core.OrodcException;
import com.orodc.core.UntrustedText;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The subject alternative names of the leaf: the domain, its wildcard, localhost, the loopback
 * addresses, and extra names. Extra names must lie under the domain or localhost: the intermediate's
 * name constraints would make any other name fail in every client.
 */
public record LeafNames(String domain, List<String> dnsNames, List<String> ipAddresses) {
    public static final String LOCALHOST = "localhost";
    static final List<String> LOOPBACK = List.of("127.0.0.1", "::1");

    public LeafNames {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }

    public static LeafNames of(String domain, Collection<String> extraNames) {
        Set<String> dns = new TreeSet<>(List.of(domain, "*." + domain, LOCALHOST));
        for (String raw : extraNames) {
            dns.add(extraName(domain, raw));
        }
        // the domain first, then its wildcard: what people look for in a certificate viewer
        List<String> ordered = new ArrayList<>(List.of(domain, "*." + domain));
        dns.stream().filter(n -> !ordered.contains(n)).forEach(ordered::add);
        return new LeafNames(domain, ordered, LOOPBACK);
    }

    private static String extraName(String domain, String raw) {
        String name = raw.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String base = name.startsWith("*.") ? name.substring(2) : name;
        if (!HostName.isValid(base)) {
            throw OrodcException.usage("extra name '" + UntrustedText.of(raw) + "' is not a valid host name: use letters, digits and"
                    + " hyphens in dot-separated labels, such as shop." + domain);
        }
        if (!HostName.isUnder(base, domain) && !HostName.isUnder(base, LOCALHOST)) {
            throw OrodcException.usage("extra name '" + UntrustedText.of(raw) + "' is outside " + domain + " and localhost: the local CA"
                    + " may only issue names under those, such as shop." + domain + " (set CERT_DOMAIN for another domain)");
        }
        return name;
    }

    /** All names, host names first, as a certificate viewer lists them. */
    public List<String> all() {
        List<String> all = new ArrayList<>(dnsNames);
        all.addAll(ipAddresses);
        return all;
    }

    /** Whether {@code certificate} carries exactly these names, in any order. */
    public boolean matches(X509Certificate certificate) {
        return canonical(all()).equals(canonical(namesOf(certificate)));
    }

    /** The DNS and IP names in a certificate's subject alternative names. */
    public static List<String> namesOf(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans == null) {
                return names;
            }
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                if (type == 2) {
                    names.add(san.get(1).toString());
                } else if (type == 7) {
                    names.add(compactIp(san.get(1).toString()));
                }
            }
        } catch (CertificateParsingException e) {
            return names;
        }
        return names;
    }

    private static Set<String> canonical(List<String> names) {
        Set<String> set = new TreeSet<>();
        for (String n : names) {
            set.add(n.toLowerCase(Locale.ROOT));
        }
        return set;
    }

    private static String compactIp(String literal) {
        try {
            InetAddress address = InetAddress.getByName(literal);
            if (address.isLoopbackAddress() && address.getAddress().length == 16) {
                return "::1";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return literal;
        }
    }
}
