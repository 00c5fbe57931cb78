package dev.conversa.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContent;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Template;
import dev.conversa.model.TemplateParameter;
import dev.conversa.testsupport.ModelSamples;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelCodecTest {

    static Stream<Named<InboundEvent>> inboundEvents() {
        return ModelSamples.inboundEvents().stream().map(e -> Named.of(e.kind() + " " + e.header().externalId()
                + (e instanceof InboundMessage m ? " " + m.content().getClass().getSimpleName() : ""), e));
    }

    static Stream<Named<OutboundMessage>> outboundMessages() {
        return ModelSamples.outboundMessages().stream()
                .map(m -> Named.of(m.content().getClass().getSimpleName() + " by " + m.author(), m));
    }

    @ParameterizedTest
    @MethodSource("inboundEvents")
    void readsBackEveryInboundEventItWrote(InboundEvent event) {
        String json = ModelCodec.writeEvent(event);

        assertThat(ModelCodec.readEvent(json)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("outboundMessages")
    void readsBackEveryOutboundMessageItWrote(OutboundMessage message) {
        String json = ModelCodec.writeMessage(message);

        assertThat(ModelCodec.readMessage(json)).isEqualTo(message);
    }

    @Test
    void samplesCoverEveryInboundEventAndMessageContentType() {
        assertThat(ModelSamples.inboundEvents().stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(InboundEvent.class.getPermittedSubclasses());
        assertThat(ModelSamples.messageContents().stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(MessageContent.class.getPermittedSubclasses());
    }

    @Test
    void samplesCoverEveryOutboundContentAndTemplateParameterType() {
        assertThat(ModelSamples.outboundContents().stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(OutboundContent.class.getPermittedSubclasses());
        List<Class<?>> parameterTypes = ModelSamples.outboundContents().stream()
                .filter(Template.class::isInstance).map(Template.class::cast)
                .flatMap(t -> t.components().stream()).flatMap(c -> c.parameters().stream())
                .<Class<?>>map(Object::getClass).distinct().toList();
        assertThat(parameterTypes).containsExactlyInAnyOrder(TemplateParameter.class.getPermittedSubclasses());
    }

    @Test
    void writesAnExplicitTypeDiscriminator() {
        String json = ModelCodec.writeEvent(ModelSamples.inboundEvents().get(0));

        assertThat(json).startsWith("{\"type\":\"message\"").contains("\"content\":{\"type\":\"text\"");
    }

    @Test
    void rejectsAnUnknownEventType() {
        String json = ModelCodec.writeEvent(ModelSamples.inboundEvents().get(0)).replace("\"type\":\"message\"",
                "\"type\":\"telepathy\"");

        assertThatThrownBy(() -> ModelCodec.readEvent(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown inbound event type 'telepathy'");
    }

    @Test
    void rejectsAnUnknownMessageContentType() {
        String json = ModelCodec.writeEvent(ModelSamples.inboundEvents().get(0)).replace("\"type\":\"text\"",
                "\"type\":\"buttons\"");

        assertThatThrownBy(() -> ModelCodec.readEvent(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown message content type 'buttons'");
    }

    @Test
    void rejectsAnUnknownOutboundContentType() {
        String json = ModelCodec.writeMessage(ModelSamples.outboundMessages().get(0)).replace("\"type\":\"text\"",
                "\"type\":\"hologram\"");

        assertThatThrownBy(() -> ModelCodec.readMessage(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown outbound content type 'hologram'");
    }

    @Test
    void rejectsAnUnknownTemplateParameterType() {
        OutboundMessage withTemplate = ModelSamples.outboundMessages().stream()
                .filter(m -> m.content() instanceof Template).findFirst().orElseThrow();
        String json = ModelCodec.writeMessage(withTemplate).replace("\"type\":\"payload\"", "\"type\":\"magic\"");

        assertThatThrownBy(() -> ModelCodec.readMessage(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown template parameter type 'magic'");
    }

    @Test
    void rejectsAMissingFieldByName() {
        String json = "{\"type\":\"deleted\",\"header\":{\"channel\":\"whatsapp\",\"accountId\":\"a\","
                + "\"contactId\":\"c\",\"externalId\":\"e\",\"timestamp\":\"2026-01-05T09:00:00Z\"}}";

        assertThatThrownBy(() -> ModelCodec.readEvent(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'messageId' is missing or not a string");
    }

    @Test
    void rejectsAMistypedFieldWithoutEchoingItsValue() {
        String json = ModelCodec.writeEvent(ModelSamples.inboundEvents().get(0))
                .replace("\"timestamp\":\"2026-01-05T09:00:00.123456789Z\"", "\"timestamp\":\"secret-ish\"");

        assertThatThrownBy(() -> ModelCodec.readEvent(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'timestamp' is missing or not an ISO-8601 instant");
    }

    @Test
    void rejectsTextThatIsNotJsonWithoutEchoingIt() {
        assertThatThrownBy(() -> ModelCodec.readEvent("{\"type\": private words"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("private"));
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> ModelCodec.readMessage("[1,2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the JSON is not an object");
    }
}
