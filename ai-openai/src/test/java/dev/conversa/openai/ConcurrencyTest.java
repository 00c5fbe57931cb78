package dev.conversa.openai;

import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.TenantId;
import dev.conversa.respond.Reply;
import dev.conversa.respond.UsageMeter;
import dev.conversa.testsupport.Conversations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrencyTest {

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();

    @Test
    void oneResponderAnswersManyConversationsAtOnce() throws Exception {
        // given
        openAi.stubFor(chat().willReturn(ok("answer.json")));
        UsageMeter meter = new UsageMeter();
        OpenAiResponder responder = openAi.responder().usageListener(meter).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);

        // when
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TenantId tenant = TenantId.of("tenant-" + (i % 2));
            replies.add(pool.submit(() -> responder.respond(Conversations.whatsApp(tenant).customer("Open?").request())));
        }
        pool.shutdown();

        // then
        for (Future<Reply> reply : replies) {
            assertThat(reply.get(30, TimeUnit.SECONDS))
                    .isEqualTo(Reply.text("We are open from 7:00 to 18:00, every day but Monday."));
        }
        assertThat(meter.totals(TenantId.of("tenant-0")).requests()).isEqualTo(10);
        assertThat(meter.totals(TenantId.of("tenant-1")).requests()).isEqualTo(10);
    }
}
