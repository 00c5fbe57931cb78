package dev.conversa.openai;

import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.testsupport.Conversations;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReplyShapingTest {

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();

    @Test
    void answersWithTheModelsText() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        Reply reply = openAi.responder().build()
                .respond(Conversations.whatsApp().customer("When are you open?").request());

        assertThat(reply).isEqualTo(Reply.text("We are open from 7:00 to 18:00, every day but Monday."));
    }

    @Test
    void splitsAnAnswerLongerThanTheChannelAllowsIntoSeveralTexts() {
        openAi.stubFor(chat().willReturn(ok("long-answer.json")));

        Reply reply = openAi.responder().build().respond(withMaxTextLength(80));

        assertThat(reply).isEqualTo(new Reply.Answer(List.of(
                new Text("Our sourdough takes two days to make. We feed the starter every morning."),
                new Text("The dough rests overnight in the cold."),
                new Text("Then we bake it at dawn, so it is warm when we open."))));
    }

    @Test
    void shortensAnAnswerAtASentenceBoundaryBeyondTheAllowedMessages() {
        openAi.stubFor(chat().willReturn(ok("long-answer.json")));

        Reply reply = openAi.responder().maxMessagesPerReply(1).build().respond(withMaxTextLength(80));

        assertThat(reply).isEqualTo(Reply.text("Our sourdough takes two days to make. We feed the starter every morning."));
    }

    private static ResponderRequest withMaxTextLength(int maxTextLength) {
        ResponderRequest request = Conversations.instagram().customer("How do you make your bread?").request();
        ChannelCapabilities c = request.capabilities();
        ChannelCapabilities narrow = c.toBuilder().maxTextLength(maxTextLength).build();
        return new ResponderRequest(request.conversation(), request.contact(), request.history(), narrow);
    }
}
