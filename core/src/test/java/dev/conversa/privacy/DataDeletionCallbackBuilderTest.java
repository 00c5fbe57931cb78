package dev.conversa.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.store.memory.InMemoryStores;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataDeletionCallbackBuilderTest {

    private final DataDeletionCallback.Builder complete = DataDeletionCallback.builder()
            .appSecret(Secret.of("s"))
            .deletionRequests(InMemoryStores.create().deletionRequests())
            .tenant(TenantId.of("acme"))
            .statusUrl("https://example.com/deletion?code={code}");

    @Test
    void buildRequiresAnAppSecret() {
        assertThatThrownBy(() -> DataDeletionCallback.builder().deletionRequests(
                InMemoryStores.create().deletionRequests()).tenant(TenantId.of("acme"))
                .statusUrl("https://example.com/{code}").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("appSecret(");
    }

    @Test
    void buildRequiresAStore() {
        assertThatThrownBy(() -> DataDeletionCallback.builder().appSecret(Secret.of("s")).tenant(TenantId.of("a"))
                .statusUrl("https://example.com/{code}").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("deletionRequests(");
    }

    @Test
    void buildRefusesBothAFixedTenantAndAResolver() {
        assertThatThrownBy(() -> complete.tenantResolver(request -> Optional.empty()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("tenant or tenantResolver is required");
    }

    @Test
    void buildRequiresAnHttpsStatusUrlWithTheCode() {
        assertThatThrownBy(() -> complete.statusUrl("https://example.com/deletion").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{code}");
        assertThatThrownBy(() -> complete.statusUrl("http://example.com/{code}").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("https://");
    }

    @Test
    void maxAgeMustBePositive() {
        assertThatThrownBy(() -> complete.maxAge(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("maxAge");
    }

    @Test
    void statusWithoutTenantNeedsAFixedTenant() {
        DataDeletionCallback fixed = complete.build();
        DataDeletionCallback resolving = DataDeletionCallback.builder().appSecret(Secret.of("s"))
                .deletionRequests(InMemoryStores.create().deletionRequests())
                .tenantResolver(request -> Optional.empty()).statusUrl("https://example.com/{code}").build();

        assertThat(fixed.status("ABCDEFGH1")).isEmpty();
        assertThatThrownBy(() -> resolving.status("ABCDEFGH1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("status(tenant, code)");
    }
}
