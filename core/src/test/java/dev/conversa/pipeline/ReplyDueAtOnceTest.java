package dev.conversa.pipeline;

import static dev.conversa.pipeline.PipelineFixture.KEY;
import static dev.conversa.pipeline.PipelineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conversa.model.ChannelType;
import dev.conversa.model.Direction;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MarkRead;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.ConsentStore;
import dev.conversa.store.ContactStore;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A reply due at once (a zero quiet window, or a burst that reached the maximum wait) in a
 * conversation with nothing else waiting is answered in the pass of the message that made it
 * due, not by a reply task of its own.
 */
class ReplyDueAtOnceTest {

    private final PipelineFixture fixture = new PipelineFixture();
    private final List<ResponderRequest> requests = new ArrayList<>();

    @Test
    void aMessageWhoseReplyIsDueAtOnceIsAnsweredInItsOwnPass() throws Exception {
        // given
        Pipeline pipeline = responding(fixture.builder().burstQuietWindow(Duration.ZERO));
        fixture.stores.inbox().append(TENANT, List.of(fixture.message("m1", "hi")), fixture.clock.instant());
        InboxEntry message = claimOne();

        // when
        pipeline.process(message);

        // then
        assertThat(requests).singleElement().satisfies(request -> assertThat(request.latestText()).isEqualTo("hi"));
        assertThat(queued()).extracting(entry -> entry.message().content())
                .containsExactly(new MarkRead("m1"), new Text("Hello Alice"));
        assertThat(queued()).extracting(OutboxEntry::idempotencyKey)
                .containsExactly("reply:" + message.id() + ":read", "reply:" + message.id() + ":0");
        fixture.stores.inbox().complete(message, fixture.clock.instant());
        assertThat(fixture.stores.inbox().pendingCount()).as("no reply task waits in the inbox").isZero();
        var conversation = fixture.stores.conversations().find(TENANT, KEY).orElseThrow();
        assertThat(conversation.replyDueAt()).isEmpty();
        assertThat(conversation.unansweredSince()).isEmpty();
    }

    @Test
    void aMessageHandledPastTheMaximumWaitIsAnsweredInItsOwnPass() throws Exception {
        // given: the default windows, and a message handled 20 s after it came (the workers were down)
        Pipeline pipeline = responding(fixture.builder());
        fixture.stores.inbox().append(TENANT, List.of(fixture.message("m1", "hi")), fixture.clock.instant());
        fixture.clock.advance(Duration.ofSeconds(20));
        InboxEntry message = claimOne();

        // when
        pipeline.process(message);

        // then
        assertThat(requests).hasSize(1);
        assertThat(queued()).filteredOn(entry -> entry.message().content() instanceof Text).singleElement()
                .extracting(OutboxEntry::idempotencyKey).isEqualTo("reply:" + message.id() + ":0");
        fixture.stores.inbox().complete(message, fixture.clock.instant());
        assertThat(fixture.stores.inbox().pendingCount()).isZero();
    }

    @Test
    void messagesWaitingBehindTheMessageAreStillGatheredIntoOneReply() throws Exception {
        // given: a zero quiet window, and a backlog of three messages of one customer
        Pipeline pipeline = responding(fixture.builder().burstQuietWindow(Duration.ZERO));
        fixture.stores.inbox().append(TENANT, List.of(fixture.message("m1", "one"), fixture.message("m2", "two"),
                fixture.message("m3", "three")), fixture.clock.instant());

        // when
        InboxEntry first = claimOne();
        pipeline.process(first);
        fixture.stores.inbox().complete(first, fixture.clock.instant());
        for (int pass = 0; pass < 3; pass++) {
            fixture.runDue(pipeline);
        }

        // then: the first message's pass put a reply task behind the other two, which answered all three
        assertThat(requests).singleElement().satisfies(request -> assertThat(request.unanswered())
                .extracting(MessageRecord::messageId).containsExactly("m1", "m2", "m3"));
        assertThat(queued()).filteredOn(entry -> entry.message().content() instanceof Text).hasSize(1);
        assertThat(fixture.stores.inbox().pendingCount()).isZero();
    }

    @Test
    void middlewareSeesTheReplyAsAReplyTaskOfTheMessagesEntryAndItsSendsStayApart() throws Exception {
        // given: a host step that notes each pass and sends a message in each
        List<String> passes = new ArrayList<>();
        Pipeline pipeline = responding(fixture.builder().burstQuietWindow(Duration.ZERO)
                .middleware(Step.RESPOND, (ctx, next) -> {
                    passes.add((ctx.isReplyTask() ? "reply task " : "message ") + ctx.entryId());
                    ctx.send(new Text(ctx.isReplyTask() ? "answering" : "received"));
                    next.proceed();
                }));
        fixture.stores.inbox().append(TENANT, List.of(fixture.message("m1", "hi")), fixture.clock.instant());
        InboxEntry message = claimOne();

        // when
        pipeline.process(message);

        // then
        assertThat(passes).containsExactly("message " + message.id(), "reply task " + message.id());
        assertThat(queued()).filteredOn(entry -> entry.idempotencyKey().startsWith("ctx:"))
                .extracting(entry -> entry.idempotencyKey() + " " + ((Text) entry.message().content()).body())
                .containsExactly("ctx:" + message.id() + ":0 received", "ctx:" + message.id() + ":1 answering");
    }

    @Test
    void aReplyThatFailsFailsItsMessageWhichAnswersOnceWhenItRunsAgain() throws Exception {
        // given: the responder fails once
        AtomicInteger calls = new AtomicInteger();
        Pipeline pipeline = fixture.builder().burstQuietWindow(Duration.ZERO).responder(request -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("model unavailable");
            }
            requests.add(request);
            return Reply.text("Hello Alice");
        }).build();
        fixture.stores.inbox().append(TENANT, List.of(fixture.message("m1", "hi")), fixture.clock.instant());
        InboxEntry message = claimOne();
        Throwable failure = catchThrowable(() -> pipeline.process(message));

        // when: the dispatcher tries the message again
        pipeline.process(message);

        // then
        assertThat(failure).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(2);
        assertThat(requests).singleElement().satisfies(request -> assertThat(request.unanswered())
                .extracting(MessageRecord::messageId).containsExactly("m1"));
        assertThat(queued()).filteredOn(entry -> entry.message().content() instanceof Text).singleElement()
                .extracting(entry -> entry.message().content()).isEqualTo(new Text("Hello Alice"));
        assertThat(fixture.stores.messages().history(TENANT, KEY, 10))
                .filteredOn(record -> record.direction() == Direction.INBOUND).hasSize(1);
    }

    @Test
    void aPersonWhoOptedOutAfterTheMessageIsNotAnsweredInItsPass() throws Exception {
        // given: a STOP recorded with a time after the message's (written a moment later elsewhere)
        Pipeline pipeline = responding(fixture.builder().burstQuietWindow(Duration.ZERO));
        InboundMessage message = fixture.message("m1", "hi");
        fixture.stores.consents().record(new ConsentRecord(TENANT, KEY.channel(), KEY.contactId(), ConsentRecord.ALL,
                false, message.header().timestamp().plusSeconds(5), ConsentRecord.SOURCE_KEYWORD));
        fixture.stores.inbox().append(TENANT, List.of(message), fixture.clock.instant());

        // when
        pipeline.process(claimOne());

        // then
        assertThat(requests).isEmpty();
        assertThat(queued()).isEmpty();
        assertThat(fixture.stores.conversations().find(TENANT, KEY).orElseThrow().replyDueAt()).isEmpty();
    }

    @Test
    void theReplyInTheMessagesPassDecidesOnTheConsentTheMessageRead() throws Exception {
        // given
        AtomicInteger reads = new AtomicInteger();
        ConsentStore consents = fixture.stores.consents();
        Stores counted = fixture.stores.toBuilder().consents(new ConsentStore() {
            @Override
            public void record(ConsentRecord change) {
                consents.record(change);
            }

            @Override
            public Optional<ConsentRecord> latest(TenantId tenant, ChannelType channel, String contactId,
                    String topic) {
                reads.incrementAndGet();
                return consents.latest(tenant, channel, contactId, topic);
            }

            @Override
            public List<ConsentRecord> list(TenantId tenant, ChannelType channel, String contactId) {
                reads.incrementAndGet();
                return consents.list(tenant, channel, contactId);
            }

            @Override
            public int delete(TenantId tenant, ChannelType channel, String contactId) {
                return consents.delete(tenant, channel, contactId);
            }
        }).build();
        Pipeline pipeline = responding(Pipeline.builder().stores(counted).clock(fixture.clock)
                .capabilities(KEY.channel(), PipelineFixture.capabilities()).burstQuietWindow(Duration.ZERO));
        fixture.stores.inbox().append(TENANT, List.of(fixture.message("m1", "hi")), fixture.clock.instant());

        // when
        pipeline.process(claimOne());

        // then: one read of the person's one identity, for the message and its reply
        assertThat(requests).hasSize(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void theReplyInTheMessagesPassGivesTheResponderTheContactTheMessageStored() throws Exception {
        // given: contact reads counted
        AtomicInteger finds = new AtomicInteger();
        ContactStore contacts = fixture.stores.contacts();
        ContactStore counting = (ContactStore) Proxy.newProxyInstance(ContactStore.class.getClassLoader(),
                new Class<?>[] {ContactStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        finds.incrementAndGet();
                    }
                    try {
                        return method.invoke(contacts, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Stores counted = fixture.stores.toBuilder().contacts(counting).build();
        Pipeline pipeline = responding(Pipeline.builder().stores(counted).clock(fixture.clock)
                .capabilities(KEY.channel(), PipelineFixture.capabilities()).burstQuietWindow(Duration.ZERO));
        fixture.stores.inbox().append(TENANT, List.of(fixture.message("m1", "hi")), fixture.clock.instant());

        // when
        pipeline.process(claimOne());

        // then
        assertThat(requests).singleElement().satisfies(request -> assertThat(request.contact())
                .isEqualTo(contacts.find(TENANT, KEY.channel(), KEY.contactId())));
        assertThat(requests.get(0).contact()).isPresent();
        assertThat(finds).as("contact reads in the pass").hasValue(0);
    }

    private Pipeline responding(Pipeline.Builder builder) {
        return builder.responder(request -> {
            requests.add(request);
            return Reply.text("Hello Alice");
        }).build();
    }

    private InboxEntry claimOne() {
        List<InboxEntry> claimed = fixture.stores.inbox().claim("test", 10, Duration.ofMinutes(1),
                fixture.clock.instant());
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private List<OutboxEntry> queued() {
        return fixture.stores.outbox().list(TENANT, OutboxState.PENDING, 20);
    }
}
