package dev.conversa.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.internal.json.WebhookTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

    private static final String JSON = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\"}]}";

    @Test
    void keepsTheObjectAndTheBytes() {
        WebhookPayload payload = WebhookPayload.of(utf8(JSON));

        assertThat(payload.object()).isEqualTo("page");
        assertThat(payload.size()).isEqualTo(JSON.length());
        assertThat(StandardCharsets.UTF_8.decode(payload.body()).toString()).isEqualTo(JSON);
    }

    @Test
    void givesTheBodyAsAReadOnlyBufferThatCannotChangeIt() {
        WebhookPayload payload = WebhookPayload.of(utf8(JSON));
        ByteBuffer body = payload.body();

        assertThat(body.isReadOnly()).isTrue();
        assertThat(body.hasArray()).isFalse();
        assertThatThrownBy(() -> body.put(0, (byte) 'x')).isInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    void givesEveryReaderItsOwnPosition() throws IOException {
        WebhookPayload payload = WebhookPayload.of(utf8(JSON));
        payload.body().get(new byte[10]);
        payload.bodyStream().readNBytes(10);

        assertThat(payload.body().position()).isZero();
        assertThat(new String(payload.bodyStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(JSON);
    }

    @Test
    void copiesTheCallersBytesSoReusingTheArrayChangesNothing() {
        byte[] raw = utf8(JSON);
        WebhookPayload payload = WebhookPayload.of(raw);

        raw[2] = 'X';

        assertThat(StandardCharsets.UTF_8.decode(payload.body()).toString()).isEqualTo(JSON);
    }

    @Test
    void hasAnEmptyObjectWhenTheFieldIsAbsentOrNotText() {
        assertThat(WebhookPayload.of(utf8("{\"entry\":[]}")).object()).isEmpty();
        assertThat(WebhookPayload.of(utf8("{\"object\":7}")).object()).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotOneJsonObjectWithoutQuotingIt() {
        assertThatThrownBy(() -> WebhookPayload.of(utf8("[\"secret-text\"]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret-text");
        assertThatThrownBy(() -> WebhookPayload.of(utf8("{\"secret-text\":")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret-text");
    }

    @Test
    void showsTheObjectAndSizeButNeverTheBody() {
        assertThat(WebhookPayload.of(utf8("{\"object\":\"page\",\"text\":\"hello\"}")))
                .hasToString("WebhookPayload[object=page, 32 bytes]");
    }

    @Test
    void lendsFirstPartyChannelsTheTreeParsedOnce() {
        WebhookPayload payload = WebhookPayload.of(utf8(JSON));

        assertThat(WebhookTrees.root(payload).path("entry").get(0).path("id").asString()).isEqualTo("1");
        assertThat(WebhookTrees.root(payload)).isSameAs(WebhookTrees.root(payload));
    }

    @Test
    void noPublicOrProtectedSignatureOfTheChannelSpiNamesAJacksonType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : channelPackageClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                if (exposed(method.getModifiers(), type)) {
                    check(leaks, method.toGenericString());
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (exposed(constructor.getModifiers(), type)) {
                    check(leaks, constructor.toGenericString());
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (exposed(field.getModifiers(), type)) {
                    check(leaks, field.toGenericString());
                }
            }
        }

        assertThat(leaks).isEmpty();
    }

    private static boolean exposed(int modifiers, Class<?> owner) {
        return Modifier.isPublic(owner.getModifiers())
                && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    }

    private static void check(List<String> leaks, String signature) {
        if (signature.contains("tools.jackson") || signature.contains("com.fasterxml.jackson")) {
            leaks.add(signature);
        }
    }

    private static List<Class<?>> channelPackageClasses() throws URISyntaxException {
        Path folder = Path.of(ChannelAdapter.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/conversa/channel");
        try (Stream<Path> files = Files.list(folder)) {
            List<Class<?>> classes = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                classes.add(Class.forName("dev.conversa.channel." + name.replace('/', '.')));
            }
            assertThat(classes).contains(ChannelAdapter.class, WebhookPayload.class);
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
