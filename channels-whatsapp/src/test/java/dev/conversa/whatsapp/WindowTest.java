package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.conversa.graph.GraphClient;
import dev.conversa.model.MarkRead;
import dev.conversa.model.Template;
import dev.conversa.model.Text;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WindowTest {

    @RegisterExtension
    static WireMockExtension wm = GraphStub.extension();

    private final FakeClock clock = new FakeClock(Sends.NOW);
    private final GraphClient graph = GraphStub.client(wm);
    private final WhatsAppChannel channel = WhatsAppChannel.builder().clock(clock).sleeper(clock::advance).build();

    @BeforeEach
    void acceptSends() {
        GraphStub.acceptMessages(wm);
    }

    @Test
    void refusesFreeFormMessageTwentyFourHoursAfterTheCustomersLastMessage() {
        assertThatThrownBy(() -> channel.send(Sends.request(new Text("hi"),
                Optional.of(Sends.NOW.minus(Duration.ofHours(24)))), graph))
                .isInstanceOfSatisfying(WhatsAppException.class, e -> {
                    assertThat(e.error()).isEqualTo(WhatsAppError.OUTSIDE_WINDOW);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("24-hour").contains("template").contains("nothing was sent");
                });
        assertThat(GraphStub.requests(wm)).isEmpty();
    }

    @Test
    void refusesFreeFormMessageWhenTheCustomerNeverWrote() {
        assertThatThrownBy(() -> channel.send(Sends.request(new Text("hi"), Optional.empty()), graph))
                .isInstanceOfSatisfying(WhatsAppException.class,
                        e -> assertThat(e.error()).isEqualTo(WhatsAppError.OUTSIDE_WINDOW));
        assertThat(GraphStub.requests(wm)).isEmpty();
    }

    @Test
    void sendsFreeFormMessageJustInsideTheWindow() {
        channel.send(Sends.request(new Text("hi"),
                Optional.of(Sends.NOW.minus(Duration.ofHours(24)).plusSeconds(1))), graph);

        assertThat(GraphStub.requests(wm)).hasSize(1);
    }

    @Test
    void sendsTemplateOutsideTheWindow() {
        channel.send(Sends.request(new Template("hello_world", "en_US", List.of()), Optional.empty()), graph);

        assertThat(GraphStub.requests(wm)).hasSize(1);
    }

    @Test
    void marksReadOutsideTheWindow() {
        channel.send(Sends.request(new MarkRead("wamid.CUSTOMER1"), Optional.empty()), graph);

        assertThat(GraphStub.requests(wm)).hasSize(1);
    }
}
