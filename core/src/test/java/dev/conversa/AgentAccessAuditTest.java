package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Presence;
import dev.conversa.lang.Secret;
import dev.conversa.model.MessageRecord;
import dev.conversa.privacy.ErasureReport;
import dev.conversa.privacy.PersonalDataExport;
import dev.conversa.respond.Reply;
import dev.conversa.store.AuditEvent;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every access of an agent to a person's data (reading a conversation, exporting, erasing) is
 * in the audit log with {@code agent:<id>} as actor, naming the person only by keyed hash.
 */
class AgentAccessAuditTest {

    private static final String PHONE = "15551234567";

    private final TestBed bed = new TestBed(builder -> builder
            .responder(request -> Reply.text("bot: " + request.latestText()))
            .privacyPepper(Secret.of("a-pepper-of-at-least-thirty-two-characters!")));
    private final Agents agents = bed.conversa.agents();

    @AfterEach
    void closeBed() {
        bed.close();
    }

    private List<AuditEvent> access() {
        return bed.stores.audit().list(TENANT, 100).stream()
                .filter(e -> e.action().equals(Agents.ACCESS_ACTION)).toList();
    }

    private void customerWrote() {
        agents.save(Agent.builder().tenant(TENANT).id("ana").displayName("Ana").queue(AgentQueue.DEFAULT_ID)
                .presence(Presence.ONLINE).build());
        bed.deliver("m1", PHONE, "my order is late");
        await().until(() -> !bed.stores.messages().history(TENANT, key(PHONE), 10).isEmpty());
    }

    @Test
    void anAgentReadingAConversationIsRecordedWithTheAgentAsActor() {
        customerWrote();

        List<MessageRecord> history = agents.read(TENANT, key(PHONE), "ana", 20);

        assertThat(history).extracting(m -> m.text().orElse("")).contains("my order is late");
        assertThat(access()).singleElement().satisfies(event -> {
            assertThat(event.details()).containsEntry("event", "read").containsEntry("actor", "agent:ana")
                    .containsEntry("messages", Integer.toString(history.size()))
                    .containsEntry("contactHash", bed.conversa.privacy().identifierHash(PHONE));
            assertThat(event.details().toString()).doesNotContain(PHONE).doesNotContain("late");
        });
    }

    @Test
    void anUnknownAgentReadsNothing() {
        customerWrote();

        assertThatThrownBy(() -> agents.read(TENANT, key(PHONE), "nobody", 20))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(access()).isEmpty();
    }

    @Test
    void anAgentsExportAndErasureAreRecordedWithTheAgentAsActor() {
        customerWrote();

        PersonalDataExport export = agents.export(TENANT, PHONE, "ana");
        ErasureReport erased = agents.erase(TENANT, PHONE, "ana");

        assertThat(export).isNotNull();
        assertThat(bed.stores.messages().history(TENANT, key(PHONE), 10)).isEmpty();
        assertThat(access()).extracting(e -> e.details().get("event")).containsExactlyInAnyOrder("export", "erase");
        assertThat(access()).allSatisfy(event -> {
            assertThat(event.details()).containsEntry("actor", "agent:ana")
                    .containsEntry("identifierHash", erased.identifierHash());
            assertThat(event.details().toString()).doesNotContain(PHONE);
        });
    }
}
