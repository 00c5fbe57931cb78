package dev.conversa.spring.boot;

import dev.conversa.crypto.TokenCipher;
import dev.conversa.jdbc.JdbcStores;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the stores: JDBC on the application's data source, else in memory with a warning. */
final class StoresFactory {

    private static final Logger LOG = LoggerFactory.getLogger(StoresFactory.class);

    private StoresFactory() {}

    static Stores create(ConversaProperties.Store settings, DataSource dataSource, TokenCipher tokenCipher) {
        if (dataSource == null) {
            LOG.warn("No DataSource in the application: Conversa keeps conversations, queued replies and accounts "
                    + "in memory, so nothing survives a restart; add a DataSource (spring-boot-starter-jdbc) for "
                    + "JdbcStores");
            return InMemoryStores.create();
        }
        if (tokenCipher == null) {
            throw new IllegalStateException("conversa.store.token-key is required with a DataSource: set 32 random "
                    + "bytes in Base64 (environment variable CONVERSA_STORE_TOKENKEY), which seal access tokens "
                    + "at rest, or define a TokenCipher bean");
        }
        JdbcStores jdbc = JdbcStores.builder().dataSource(dataSource).tokenCipher(tokenCipher).build();
        if (settings.isMigrate()) {
            jdbc.migrate();
        }
        return jdbc.stores();
    }
}
