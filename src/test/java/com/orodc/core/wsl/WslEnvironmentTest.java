package com.orodc.core.wsl;

import com.orodc.testing.FakeWsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Detection on a fake distribution tree (nothing of WSL runs here). */
class WslEnvironmentTest {
    @TempDir
    Path dir;

    @Test
    void wsl2IsDetectedWithItsDriveMountAndInterop() {
        FakeWsl fake = new FakeWsl(dir);
        WslEnvironment wsl = WslEnvironment.detect(fake.environment());

        assertThat(wsl.isWsl2()).isTrue();
        assertThat(wsl.distro()).isEqualTo(FakeWsl.DISTRO);
        assertThat(wsl.driveMount()).isEqualTo("/mnt/");
        assertThat(wsl.interop()).isTrue();
        assertThat(wsl.windowsHostsFile()).isEqualTo(fake.windowsHosts);
        assertThat(wsl.describe()).isEqualTo("WSL 2 (distribution Ubuntu-24.04), Windows drives under /mnt/, Windows programs can run");
    }

    @Test
    void plainLinuxIsNotWsl() {
        FakeWsl fake = new FakeWsl(dir).notWsl();
        WslEnvironment wsl = WslEnvironment.detect(fake.environment());

        assertThat(wsl.detected()).isFalse();
        assertThat(wsl.isWsl2()).isFalse();
        assertThat(wsl.describe()).isEqualTo("no");
    }

    @Test
    void procVersionAloneIsEnoughAndWsl1IsToldApart() {
        FakeWsl fake = new FakeWsl(dir).notWsl();
        fake.wslConf("");
        write(fake.root.resolve("proc/version"), "Linux version 4.4.0-19041-Microsoft (Microsoft@Microsoft.com) (gcc version 5.4.0 (GCC) )\n");
        WslEnvironment wsl1 = WslEnvironment.detect(fake.environment());
        assertThat(wsl1.detected()).isTrue();
        assertThat(wsl1.generation()).isEqualTo(1);
        assertThat(wsl1.isWsl2()).isFalse();
        assertThat(wsl1.interop()).as("no WSLInterop registration").isFalse();
    }

    @Test
    void wslConfMovesTheDriveMountAndTurnsInteropOff() {
        FakeWsl fake = new FakeWsl(dir).wslConf("# mine\n[automount]\nenabled = true\nroot = \"/win\"   # drives at /win/c\n"
                + "options = \"metadata\"\n\n[interop]\nenabled=false\nappendWindowsPath = false\n");
        WslEnvironment wsl = WslEnvironment.detect(fake.environment());

        assertThat(wsl.driveMount()).isEqualTo("/win/");
        assertThat(wsl.interop()).isFalse();
        assertThat(wsl.windowsHostsFile()).isEqualTo(fake.root.resolve("win/c/Windows/System32/drivers/etc/hosts"));
        assertThat(wsl.describe()).endsWith("Windows drives under /win/, Windows programs cannot run (interop is off)");
    }

    @Test
    void aRegistrationTurnedOffMeansNoInterop() {
        FakeWsl fake = new FakeWsl(dir);
        write(fake.root.resolve("proc/sys/fs/binfmt_misc/WSLInterop"), "disabled\ninterpreter /init\n");
        WslEnvironment wsl = WslEnvironment.detect(fake.environment());
        assertThat(wsl.isWsl2()).isTrue();
        assertThat(wsl.interop()).isFalse();
    }

    @Test
    void windowsPathsOfFilesOnTheDriveAndInTheDistribution() {
        FakeWsl fake = new FakeWsl(dir);
        WslEnvironment wsl = WslEnvironment.detect(fake.environment());

        assertThat(wsl.windowsPath(fake.root.resolve("mnt/c/Users/dev/root.pem"))).isEqualTo("C:\\Users\\dev\\root.pem");
        assertThat(wsl.windowsPath(fake.root.resolve("mnt/d/work"))).isEqualTo("D:\\work");
        assertThat(wsl.windowsPath(fake.root.resolve("home/dev/.orodc/certs/root.pem")))
                .isEqualTo("\\\\wsl.localhost\\Ubuntu-24.04\\home\\dev\\.orodc\\certs\\root.pem");
        // a directory named like a drive letter but longer is not a drive
        assertThat(wsl.windowsPath(fake.root.resolve("mnt/cdrom/x"))).isEqualTo("\\\\wsl.localhost\\Ubuntu-24.04\\mnt\\cdrom\\x");
    }

    @Test
    void withoutTheRootVariableTheMachineItselfIsRead() {
        WslEnvironment here = WslEnvironment.detect(Map.of());
        assertThat(here.root()).isEqualTo(Path.of("/"));
    }

    private static void write(Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
