package dev.conversa.examples.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quick start's local data directory ({@code ./data}, or {@code CONVERSA_DATA_DIR}): the H2
 * database, the generated {@code token.key} and, in demo mode, the generated
 * {@code privacy.pepper} live there, all for the user who runs the quick start only.
 *
 * <p>On a POSIX file system the directory is created {@code rwx------} and the key files
 * {@code rw-------}, both at creation, so a key is never on disk with wider permissions. An
 * existing key file that group or others may read is refused: the quick start does not
 * start until its owner restricts it ({@code chmod 600}). An existing directory is used as it is.
 * On a file system without POSIX permissions (Windows) both are created with the file system's
 * defaults and a warning says so.
 */
final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final int KEY_BYTES = 32;

    private final Path path;
    private final boolean posix;

    private DataDirectory(Path path, boolean posix) {
        this.path = path;
        this.posix = posix;
    }

    /** Opens the directory, creating it (owner-only where the file system allows) if it is absent. */
    static DataDirectory open(Path path) throws IOException {
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(path)) {
            if (posix) {
                Files.createDirectories(path, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } else {
                LOG.warn("Cannot restrict the permissions of {} on this file system; make sure only you can read it",
                        path);
                Files.createDirectories(path);
            }
        }
        return new DataDirectory(path, posix);
    }

    /**
     * The 32-byte key that encrypts access tokens at rest: read from {@code token.key}, or
     * generated and written there on the first start.
     *
     * @throws IllegalStateException if an existing {@code token.key} may be read by group or others
     */
    byte[] tokenKey() throws IOException {
        return ownerOnlyKey("token.key", "the key that encrypts access tokens", "CONVERSA_TOKEN_KEY");
    }

    /**
     * The privacy pepper of demo mode (the key of the keyed hashes that stay of an erased person):
     * read from {@code privacy.pepper}, or generated and written there on the first start; 32
     * random bytes in base64, 44 characters.
     *
     * @throws IllegalStateException if an existing {@code privacy.pepper} may be read by group or others
     */
    String privacyPepper() throws IOException {
        return Base64.getEncoder().encodeToString(
                ownerOnlyKey("privacy.pepper", "the privacy pepper", "CONVERSA_PRIVACY_PEPPER"));
    }

    private byte[] ownerOnlyKey(String name, String purpose, String variable) throws IOException {
        Path file = path.resolve(name);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            requireOwnerOnly(file, purpose, variable);
            return Base64.getDecoder().decode(Files.readString(file).trim());
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } else {
            LOG.warn("Cannot restrict the permissions of {} on this file system; make sure only you can read it",
                    file);
            Files.createFile(file);
        }
        try {
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return key;
    }

    private void requireOwnerOnly(Path file, String purpose, String variable) throws IOException {
        if (!posix) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw new IllegalStateException(file + " may be read by other users ("
                    + PosixFilePermissions.toString(permissions) + "); it holds " + purpose + "."
                    + " Restrict it with: chmod 600 " + file
                    + " (or set " + variable + " and keep the key elsewhere)");
        }
    }
}
