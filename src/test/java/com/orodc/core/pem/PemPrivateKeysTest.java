package com.orodc.core.pem;

import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Keys as openssl writes them, each read back as the key openssl itself converts it to in PKCS#8. */
class PemPrivateKeysTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SEC 1 EC P-256 after its EC PARAMETERS | openssl ecparam -name prime256v1 -genkey | EC PRIVATE KEY | EC",
            "SEC 1 EC P-384 | openssl ecparam -name secp384r1 -genkey -noout | EC PRIVATE KEY | EC",
            "PKCS#8 EC P-256 | openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 | PRIVATE KEY | EC",
            "PKCS#1 RSA 2048 | openssl genrsa -traditional | RSA PRIVATE KEY | RSA",
            "PKCS#8 RSA 2048 | openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 | PRIVATE KEY | RSA",
    })
    void readsWhatOpensslWrites(String what, String generate, String type, String algorithm) throws Exception {
        Path written = dir.resolve("written.pem");
        Shell.run(command(generate + " -out " + written)).orFail();
        String text = Files.readString(written);
        assertThat(text).contains("-----BEGIN " + type + "-----");
        // what openssl itself makes of it in PKCS#8, the one form the JDK reads
        Path pkcs8 = dir.resolve("pkcs8.pem");
        Shell.run(command("openssl pkcs8 -topk8 -nocrypt -in " + written + " -out " + pkcs8)).orFail();
        PrivateKey expected = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(pkcs8))));

        PrivateKey key = PemPrivateKeys.read(text);

        assertThat(key.getAlgorithm()).isEqualTo(algorithm);
        if (key instanceof ECPrivateKey ec) {
            assertThat(ec.getS()).isEqualTo(((ECPrivateKey) expected).getS());
            assertThat(ec.getParams().getCurve()).isEqualTo(((ECPrivateKey) expected).getParams().getCurve());
        } else {
            assertThat(((RSAPrivateCrtKey) key).getPrivateExponent()).isEqualTo(((RSAPrivateCrtKey) expected).getPrivateExponent());
            assertThat(((RSAPrivateCrtKey) key).getModulus()).isEqualTo(((RSAPrivateCrtKey) expected).getModulus());
        }
    }

    @Test
    void anEncryptedKeyOfEitherOpensslGenerationIsNamedSo() throws Exception {
        Path plain = dir.resolve("plain.pem");
        Shell.run(command("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out " + plain)).orFail();
        Path pkcs8 = dir.resolve("pkcs8.pem");
        Shell.run(command("openssl pkcs8 -topk8 -v2 aes-256-cbc -passout pass:secret -in " + plain + " -out " + pkcs8)).orFail();
        Path legacy = dir.resolve("legacy.pem");
        Shell.run(command("openssl rsa -traditional -aes256 -passout pass:secret -in " + plain + " -out " + legacy)).orFail();
        assertThat(Files.readString(legacy)).contains("Proc-Type: 4,ENCRYPTED");

        for (Path file : new Path[] {pkcs8, legacy}) {
            var e = catchThrowableOfType(PemPrivateKeys.KeyException.class, () -> PemPrivateKeys.read(Files.readString(file)));
            assertThat(e.problem()).as(file.toString()).isEqualTo(PemPrivateKeys.Problem.ENCRYPTED);
        }
    }

    @Test
    void whatIsNotAKeySaysWhatItIs() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Shell.run(command("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout " + dir.resolve("k.pem")
                + " -out " + cert + " -days 1 -subj /CN=test")).orFail();

        var certificate = catchThrowableOfType(PemPrivateKeys.KeyException.class, () -> PemPrivateKeys.read(Files.readString(cert)));
        assertThat(certificate.problem()).isEqualTo(PemPrivateKeys.Problem.NOT_A_KEY);
        assertThat(certificate.getMessage()).isEqualTo("a certificate");

        var nothing = catchThrowableOfType(PemPrivateKeys.KeyException.class, () -> PemPrivateKeys.read("just text\n"));
        assertThat(nothing.problem()).isEqualTo(PemPrivateKeys.Problem.NO_KEY);

        var damaged = catchThrowableOfType(PemPrivateKeys.KeyException.class,
                () -> PemPrivateKeys.read("-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----\n"));
        assertThat(damaged.problem()).isEqualTo(PemPrivateKeys.Problem.UNREADABLE);
        assertThat(damaged.getMessage()).contains("base64");

        var garbage = catchThrowableOfType(PemPrivateKeys.KeyException.class,
                () -> PemPrivateKeys.read("-----BEGIN EC PRIVATE KEY-----\nAAEC\n-----END EC PRIVATE KEY-----\n"));
        assertThat(garbage.problem()).isEqualTo(PemPrivateKeys.Problem.UNREADABLE);
    }

    @Test
    void blocksKeepTheirOrderAndTextAroundThemIsIgnored() throws Exception {
        String text = "Bag Attributes\n    friendlyName: x\n-----BEGIN ONE-----\nAQI=\n-----END ONE-----\nbetween\n"
                + "-----BEGIN TWO-----\r\nAw==\r\n-----END TWO-----\r\n";
        var blocks = PemBlock.all(text);
        assertThat(blocks).extracting(PemBlock::type).containsExactly("ONE", "TWO");
        assertThat(blocks.get(0).der()).containsExactly(1, 2);
        assertThat(blocks.get(1).der()).containsExactly(3);
    }

    private static java.util.List<String> command(String line) {
        return java.util.List.of(line.split(" "));
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
