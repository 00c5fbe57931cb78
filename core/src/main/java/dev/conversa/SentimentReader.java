package dev.conversa;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.respond.Responder;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.respond.SentimentReading;
import dev.conversa.store.Stores;
import java.util.Map;
import java.util.NoSuchElementException;

/** Asks the host's responder how a customer feels, over the conversation's recent history. Thread-safe. */
final class SentimentReader {

    private static final int HISTORY = 30;

    private final Stores stores;
    private final Responder responder;
    private final Map<ChannelType, ChannelCapabilities> capabilities;

    SentimentReader(Stores stores, Responder responder, Map<ChannelType, ChannelCapabilities> capabilities) {
        this.stores = stores;
        this.responder = responder;
        this.capabilities = Map.copyOf(capabilities);
    }

    SentimentReading read(TenantId tenant, ConversationKey key) {
        Conversation conversation = stores.conversations().find(tenant, key)
                .orElseThrow(() -> new NoSuchElementException("no such conversation in this tenant"));
        ChannelCapabilities caps = capabilities.get(key.channel());
        if (caps == null) {
            return SentimentReading.unavailable("no channel adapter is registered for channel " + key.channel().value());
        }
        return responder.sentiment(new ResponderRequest(conversation,
                stores.contacts().find(tenant, key.channel(), key.contactId()),
                stores.messages().history(tenant, key, HISTORY), caps));
    }
}
