package com.orodc.certs.trust;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustRecordTest {
    @TempDir
    Path dir;

    final TrustEntry nss = new TrustEntry("nss", "/home/me/.pki/nssdb", "orodc-local-ca-0123456789abcdef", "AB:CD");
    final TrustEntry java = new TrustEntry("java", "/opt/jdk/lib/security/cacerts", "orodc-local-ca-0123456789abcdef", "AB:CD");

    @Test
    void aMissingRecordIsEmpty() {
        assertThat(TrustRecord.load(dir.resolve("state/trust-record.json")).entries()).isEmpty();
    }

    @Test
    void savesAndLoadsEntriesWithoutDuplicates() {
        Path file = dir.resolve("state/trust-record.json");
        new TrustRecord(List.of()).with(nss).with(java).with(nss).save(file);
        TrustRecord loaded = TrustRecord.load(file);
        assertThat(loaded.entries()).containsExactly(java, nss);
        assertThat(loaded.without(nss).entries()).containsExactly(java);
    }

    @Test
    void aCorruptRecordIsAnIoErrorNamingTheFile() throws Exception {
        Path file = dir.resolve("trust-record.json");
        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> TrustRecord.load(file)).isInstanceOf(OrodcException.class)
                .hasMessageContaining(file + " is not a valid trust record")
                .satisfies(e -> assertThat(((OrodcException) e).exitCode()).isEqualTo(ExitCode.IO));
    }

    @Test
    void storeNamesComeFromTheFingerprint() {
        assertThat(RootCertificate.storeName("0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5"))
                .isEqualTo("orodc-local-ca-0a1b2c3d4e5f6071");
    }
}
