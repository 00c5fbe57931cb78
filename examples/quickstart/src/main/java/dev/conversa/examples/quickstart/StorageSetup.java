package dev.conversa.examples.quickstart;

import dev.conversa.crypto.TokenCipher;
import dev.conversa.jdbc.JdbcStores;
import dev.conversa.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the quick start keeps its data: an H2 file database under {@code ./data} by default, so
 * conversations survive a restart, or the PostgreSQL database named by {@code CONVERSA_DB_URL}
 * ({@code jdbc:postgresql://...}, with {@code CONVERSA_DB_USER} and {@code CONVERSA_DB_PASSWORD}).
 *
 * <p>Access tokens are encrypted with the key in {@code CONVERSA_TOKEN_KEY} (32 bytes, base64);
 * without it, a key is generated once and kept in {@code ./data/token.key}.
 */
final class StorageSetup implements AutoCloseable {

    private static final Path DATA = Path.of("data");

    private final Stores stores;
    private final AutoCloseable pool;

    private StorageSetup(Stores stores, AutoCloseable pool) {
        this.stores = stores;
        this.pool = pool;
    }

    static StorageSetup open(QuickStartConfig config) throws IOException {
        String url = config.get("CONVERSA_DB_URL").orElse("jdbc:h2:file:./data/conversa;AUTO_SERVER=FALSE");
        DataSource dataSource;
        AutoCloseable pool = () -> { };
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(url);
            config.get("CONVERSA_DB_USER").ifPresent(pg::setUser);
            config.get("CONVERSA_DB_PASSWORD").ifPresent(pg::setPassword);
            dataSource = pg;
        } else {
            JdbcConnectionPool h2 = JdbcConnectionPool.create(url, config.get("CONVERSA_DB_USER").orElse("sa"),
                    config.get("CONVERSA_DB_PASSWORD").orElse(""));
            dataSource = h2;
            pool = h2::dispose;
        }
        JdbcStores jdbc = JdbcStores.builder().dataSource(dataSource).tokenCipher(cipher(config)).build();
        jdbc.migrate();
        return new StorageSetup(jdbc.stores(), pool);
    }

    Stores stores() {
        return stores;
    }

    @Override
    public void close() {
        try {
            pool.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the database pool", e);
        }
    }

    private static TokenCipher cipher(QuickStartConfig config) throws IOException {
        byte[] key = config.get("CONVERSA_TOKEN_KEY").map(k -> Base64.getDecoder().decode(k)).orElse(null);
        if (key == null) {
            key = localKey();
        }
        return TokenCipher.builder().key("k1", key).activeKey("k1").build();
    }

    private static byte[] localKey() throws IOException {
        Path file = DATA.resolve("token.key");
        if (Files.isRegularFile(file)) {
            return Base64.getDecoder().decode(Files.readString(file).trim());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(DATA);
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
        return key;
    }
}
