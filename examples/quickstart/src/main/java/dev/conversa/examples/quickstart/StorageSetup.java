package dev.conversa.examples.quickstart;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.conversa.crypto.TokenCipher;
import dev.conversa.jdbc.JdbcStores;
import dev.conversa.store.Stores;
import java.io.IOException;
import java.util.Base64;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Where the quick start keeps its data: an H2 file database under {@code ./data} by default, so
 * conversations survive a restart, or the PostgreSQL database named by {@code CONVERSA_DB_URL}
 * ({@code jdbc:postgresql://...}, with {@code CONVERSA_DB_USER} and {@code CONVERSA_DB_PASSWORD}),
 * reached through a HikariCP pool: opening a PostgreSQL connection per statement costs a server
 * process each time, and under load that delay outlasts the workers' leases.
 *
 * <p>Access tokens are encrypted with the key in {@code CONVERSA_TOKEN_KEY} (32 bytes, base64);
 * without it, a key is generated once and kept in {@code ./data/token.key}. The {@code ./data}
 * directory ({@code CONVERSA_DATA_DIR}) and the key file are for their owner only; see {@link DataDirectory}.
 */
final class StorageSetup implements AutoCloseable {

    private final Stores stores;
    private final AutoCloseable pool;

    private StorageSetup(Stores stores, AutoCloseable pool) {
        this.stores = stores;
        this.pool = pool;
    }

    static StorageSetup open(QuickStartConfig config) throws IOException {
        String url = config.get("CONVERSA_DB_URL").orElse(null);
        if (url == null) {
            DataDirectory.open(config.dataDirectory());
            url = "jdbc:h2:file:" + config.dataDirectory().toAbsolutePath().resolve("conversa") + ";AUTO_SERVER=FALSE";
        }
        DataSource dataSource;
        AutoCloseable pool = () -> { };
        if (url.startsWith("jdbc:postgresql:")) {
            HikariConfig hikari = new HikariConfig();
            hikari.setJdbcUrl(url);
            hikari.setPoolName("conversa");
            config.get("CONVERSA_DB_USER").ifPresent(hikari::setUsername);
            config.get("CONVERSA_DB_PASSWORD").ifPresent(hikari::setPassword);
            HikariDataSource pg = new HikariDataSource(hikari);
            dataSource = pg;
            pool = pg::close;
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
            key = DataDirectory.open(config.dataDirectory()).tokenKey();
        }
        return TokenCipher.builder().key("k1", key).activeKey("k1").build();
    }
}
