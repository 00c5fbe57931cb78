package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversaBuilderTest {

    @Test
    void requiresAnAppSecret() {
        assertThatThrownBy(() -> Conversa.builder().verifyToken(Secret.of("v")).channel(new ScriptedChannel()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("appSecret is required");
    }

    @Test
    void requiresAVerifyToken() {
        assertThatThrownBy(() -> Conversa.builder().appSecret(Secret.of("s")).channel(new ScriptedChannel()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("verifyToken is required");
    }

    @Test
    void requiresAChannel() {
        assertThatThrownBy(() -> Conversa.builder().appSecret(Secret.of("s")).verifyToken(Secret.of("v")).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("channel is required");
    }

    @Test
    void rejectsTwoChannelsOfOneType() {
        Conversa.Builder builder = Conversa.builder().appSecret(Secret.of("s")).verifyToken(Secret.of("v"))
                .channel(new ScriptedChannel()).channel(new ScriptedChannel());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("channel: a test channel was added twice");
    }

    @Test
    void rejectsConcurrencyBelowOne() {
        assertThatThrownBy(() -> valid().concurrency(0).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("concurrency must be at least 1, was 0");
    }

    @Test
    void rejectsMaxAttemptsBelowOne() {
        assertThatThrownBy(() -> valid().maxAttempts(0).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxAttempts must be at least 1, was 0");
    }

    @Test
    void rejectsANegativeQuietWindow() {
        assertThatThrownBy(() -> valid().burstQuietWindow(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("burstQuietWindow must not be negative");
    }

    @Test
    void rejectsANegativeMaxWait() {
        assertThatThrownBy(() -> valid().burstMaxWait(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("burstMaxWait must not be negative");
    }

    @Test
    void rejectsAZeroPollInterval() {
        assertThatThrownBy(() -> valid().pollInterval(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("pollInterval must be positive");
    }

    @Test
    void buildsWithDefaultsAndRegistersAccounts() {
        try (Conversa conversa = valid().build()) {
            TenantId tenant = TenantId.of("shop");
            conversa.registerAccount(ChannelAccount.of(tenant, new ScriptedChannel().type(), "acct", Secret.of("t")));

            assertThat(conversa.accounts(tenant)).extracting(ChannelAccount::accountId).containsExactly("acct");
        }
    }

    @Test
    void refusesAnAccountOfAChannelThatWasNotAdded() {
        try (Conversa conversa = valid().build()) {
            ChannelAccount whatsApp = ChannelAccount.of(TenantId.of("shop"), ChannelType.WHATSAPP, "1", Secret.of("t"));

            assertThatThrownBy(() -> conversa.registerAccount(whatsApp))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no whatsapp channel was added");
        }
    }

    private static Conversa.Builder valid() {
        return Conversa.builder().appSecret(Secret.of("s")).verifyToken(Secret.of("v")).channel(new ScriptedChannel());
    }
}
