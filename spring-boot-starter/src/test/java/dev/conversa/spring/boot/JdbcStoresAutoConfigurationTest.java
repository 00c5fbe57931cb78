package dev.conversa.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.Conversa;
import dev.conversa.model.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With the application's DataSource, the stores are JdbcStores. */
class JdbcStoresAutoConfigurationTest {

    private static final String TOKEN_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConversaAutoConfiguration.class))
            .withUserConfiguration(H2.class)
            .withPropertyValues("conversa.app-secrets=app-secret", "conversa.verify-token=verify-token");

    @Test
    void keepsAccountsInTheApplicationsDatabaseAfterMigratingIt() {
        runner.withPropertyValues("conversa.store.token-key=" + TOKEN_KEY,
                        "conversa.accounts[0].channel=whatsapp", "conversa.accounts[0].account-id=123",
                        "conversa.accounts[0].tenant=acme", "conversa.accounts[0].token=access-token")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(hasTable(context.getBean(DataSource.class), "CONVERSA_SCHEMA_VERSION")).isTrue();
                    assertThat(context.getBean(Conversa.class).accounts(TenantId.of("acme"))).hasSize(1);
                });
    }

    @Test
    void leavesTheSchemaAloneWhenMigrationsAreOff() {
        runner.withPropertyValues("conversa.store.token-key=" + TOKEN_KEY, "conversa.store.migrate=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(hasTable(context.getBean(DataSource.class), "CONVERSA_SCHEMA_VERSION")).isFalse();
                });
    }

    @Test
    void failsStartUpNamingTheMissingTokenKey() {
        runner.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageStartingWith("conversa.store.token-key is required with a DataSource"));
    }

    private static boolean hasTable(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class H2 {

        @Bean
        DataSource dataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return dataSource;
        }
    }
}
