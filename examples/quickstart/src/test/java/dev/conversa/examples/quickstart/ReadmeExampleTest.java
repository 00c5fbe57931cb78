package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.Conversa;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.crypto.TokenCipher;
import dev.conversa.instagram.InstagramChannel;
import dev.conversa.jdbc.JdbcStores;
import dev.conversa.lang.Secret;
import dev.conversa.messenger.MessengerChannel;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.openai.OpenAiResponder;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The README's "Embed it in your server" example, compiled and run. README.md copies it. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleBuildsAConversaThatAnswersTheHandshake() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1");
        Map<String, String> env = Map.of(
                "META_APP_SECRET", "app-secret", "META_VERIFY_TOKEN", "verify-token", "OPENAI_API_KEY", "sk-test",
                "WHATSAPP_PHONE_NUMBER_ID", "1234567890", "WHATSAPP_ACCESS_TOKEN", "token");

        WebhookResponse response = embed(dataSource, env, new byte[32]);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("42");
    }

    @Test
    void readmeShowsTheExampleAsCompiledHere() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/conversa/examples/quickstart/ReadmeExampleTest.java"));
        String snippet = source.substring(source.indexOf(START) + START.length(), source.indexOf(END));
        String dedented = snippet.lines().skip(1).map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .reduce("", (a, b) -> a + b + "\n").strip();

        assertThat(Files.readString(Path.of("../../README.md"))).contains(dedented);
    }

    private static final String START = "// README-EXAMPLE-" + "START";
    private static final String END = "        // README-EXAMPLE-" + "END";

    private static WebhookResponse embed(DataSource dataSource, Map<String, String> env, byte[] tokenKey) {
        String method = "GET";
        String rawQuery = "hub.mode=subscribe&hub.challenge=42&hub.verify_token=verify-token";
        Map<String, List<String>> headers = Map.of();
        byte[] rawBody = new byte[0];
        // README-EXAMPLE-START
        JdbcStores jdbc = JdbcStores.builder()
                .dataSource(dataSource)
                .tokenCipher(TokenCipher.builder().key("k1", tokenKey).activeKey("k1").build())
                .build();
        jdbc.migrate();
        Conversa conversa = Conversa.builder()
                .appSecret(Secret.of(env.get("META_APP_SECRET")))
                .verifyToken(Secret.of(env.get("META_VERIFY_TOKEN")))
                .channel(WhatsAppChannel.create())
                .channel(MessengerChannel.create())
                .channel(InstagramChannel.create())
                .stores(jdbc.stores())
                .responder(OpenAiResponder.builder().apiKey(Secret.of(env.get("OPENAI_API_KEY"))).build())
                .build();
        conversa.registerAccount(ChannelAccount.of(TenantId.of("acme"), ChannelType.WHATSAPP,
                env.get("WHATSAPP_PHONE_NUMBER_ID"), Secret.of(env.get("WHATSAPP_ACCESS_TOKEN"))));
        conversa.start();

        // in your HTTP framework's handler for GET and POST on the webhook URL:
        WebhookResponse response = conversa.webhooks().handle(WebhookRequest.builder()
                .method(method).rawQuery(rawQuery).headers(headers).body(rawBody).build());
        // send response.status(), response.contentType() and response.body() back to Meta

        conversa.close();
        // README-EXAMPLE-END
        return response;
    }
}
