package com.orodc.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate together with its private key: what can sign (a CA) or serve (a leaf). */
public record CertificateWithKey(X509Certificate certificate, PrivateKey key) {
}
