package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void createsTheDirectoryForItsOwnerOnly() throws IOException {
        Path data = temp.resolve("data");

        DataDirectory.open(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void createsTheTokenKeyReadableByItsOwnerOnly() throws IOException {
        Path data = temp.resolve("data");

        DataDirectory.open(data).tokenKey();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("token.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void readsTheSameKeyOnTheNextStart() throws IOException {
        Path data = temp.resolve("data");

        byte[] first = DataDirectory.open(data).tokenKey();
        byte[] second = DataDirectory.open(data).tokenKey();

        assertThat(first).hasSize(32);
        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----"})
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void refusesATokenKeyOtherUsersMayAccess(String permissions) throws IOException {
        // given
        Path data = temp.resolve("data");
        DataDirectory.open(data).tokenKey();
        Path key = data.resolve("token.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(permissions));
        String secret = Files.readString(key);

        // when / then
        assertThatThrownBy(() -> DataDirectory.open(data).tokenKey())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(key.toString())
                .hasMessageContaining("chmod 600")
                .hasMessageNotContaining(secret);
    }

    @Test
    void worksOnAFileSystemWithoutPosixPermissions() throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(temp.resolve("data.zip"), Map.of("create", "true"))) {
            // given
            Path data = zip.getPath("/data");
            assertThat(zip.supportedFileAttributeViews()).doesNotContain("posix");

            // when
            byte[] key = DataDirectory.open(data).tokenKey();

            // then
            assertThat(key).hasSize(32);
            assertThat(Base64.getDecoder().decode(Files.readString(data.resolve("token.key")))).isEqualTo(key);
            assertThat(DataDirectory.open(data).tokenKey()).isEqualTo(key);
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void createsThePrivacyPepperReadableByItsOwnerOnly() throws IOException {
        Path data = temp.resolve("data");

        DataDirectory.open(data).privacyPepper();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("privacy.pepper"))))
                .isEqualTo("rw-------");
    }

    @Test
    void readsTheSamePrivacyPepperOnTheNextStartAndItIsNotTheTokenKey() throws IOException {
        Path data = temp.resolve("data");

        String first = DataDirectory.open(data).privacyPepper();
        String second = DataDirectory.open(data).privacyPepper();

        assertThat(first).hasSizeGreaterThanOrEqualTo(QuickStartConfig.MIN_PRIVACY_PEPPER_LENGTH);
        assertThat(second).isEqualTo(first);
        assertThat(Base64.getDecoder().decode(first)).isNotEqualTo(DataDirectory.open(data).tokenKey());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void refusesAPrivacyPepperOtherUsersMayAccess() throws IOException {
        // given
        Path data = temp.resolve("data");
        String pepper = DataDirectory.open(data).privacyPepper();
        Path file = data.resolve("privacy.pepper");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        // when / then
        assertThatThrownBy(() -> DataDirectory.open(data).privacyPepper())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chmod 600")
                .hasMessageContaining("CONVERSA_PRIVACY_PEPPER")
                .hasMessageNotContaining(pepper);
    }
}
