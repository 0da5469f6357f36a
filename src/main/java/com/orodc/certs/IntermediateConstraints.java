package com.orodc.certs;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * The name constraints of our intermediate: it may issue only for the domain, localhost, 127.0.0.0/8 and ::1.
 * A leaked intermediate key then cannot impersonate any real site, in clients that enforce constraints
 * on intermediates (all browsers, curl, openssl and Java do).
 */
public final class IntermediateConstraints {
    private static final byte[] LOOPBACK_V4 = {127, 0, 0, 0, (byte) 255, 0, 0, 0};
    private static final byte[] LOOPBACK_V6 = new byte[32];

    static {
        LOOPBACK_V6[15] = 1;
        Arrays.fill(LOOPBACK_V6, 16, 32, (byte) 0xff);
    }

    private IntermediateConstraints() {
    }

    public static NameConstraints forDomain(String domain) {
        GeneralSubtree[] permitted = {
                new GeneralSubtree(new GeneralName(GeneralName.dNSName, domain)),
                new GeneralSubtree(new GeneralName(GeneralName.dNSName, LeafNames.LOCALHOST)),
                new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(LOOPBACK_V4))),
                new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(LOOPBACK_V6))),
        };
        return new NameConstraints(permitted, null);
    }

    /** Whether {@code intermediate} carries exactly the constraints we would give it for {@code domain}. */
    public static boolean matches(X509Certificate intermediate, String domain) {
        byte[] value = intermediate.getExtensionValue(Extension.nameConstraints.getId());
        if (value == null) {
            return false;
        }
        try {
            byte[] present = ASN1OctetString.getInstance(value).getOctets();
            return Arrays.equals(present, forDomain(domain).getEncoded());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
