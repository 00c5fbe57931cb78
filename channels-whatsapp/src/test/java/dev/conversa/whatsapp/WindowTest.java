package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.MarkRead;
import dev.conversa.model.Template;
import dev.conversa.model.Text;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The window is core's send gate's (see core's {@code SendGateTest}); the adapter sends whatever
 * the gate let through.
 */
class WindowTest {

    @RegisterExtension
    static SendHarness whatsapp = new SendHarness();

    @Test
    void sendsFreeFormMessageJustInsideTheWindow() {
        whatsapp.send(Sends.request(new Text("hi"),
                Optional.of(Sends.NOW.minus(Duration.ofHours(24)).plusSeconds(1))));

        assertThat(whatsapp.requests()).hasSize(1);
    }

    @Test
    void sendsTemplateOutsideTheWindow() {
        whatsapp.send(Sends.request(new Template("hello_world", "en_US", List.of()), Optional.empty()));

        assertThat(whatsapp.requests()).hasSize(1);
    }

    @Test
    void marksReadOutsideTheWindow() {
        whatsapp.send(Sends.request(new MarkRead("wamid.CUSTOMER1"), Optional.empty()));

        assertThat(whatsapp.requests()).hasSize(1);
    }
}
