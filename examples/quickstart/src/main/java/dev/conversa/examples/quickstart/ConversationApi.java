package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.conversa.Conversa;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quick start's JSON API, for scripts and dashboards (the demo page uses {@link DemoApi}):
 * <ul>
 *   <li>{@code GET /api/conversations}: the tenant's conversations, newest first;
 *   <li>{@code GET /api/messages?channel=&account=&contact=}: a conversation's messages, oldest
 *       first (direction, author, kind, text, status, timestamp).
 * </ul>
 * It shows customers' ids and messages, so {@link QuickStartApp} serves it behind
 * {@link BearerTokenAuthenticator} when {@code CONVERSA_API_TOKEN} is set, and not at all with
 * connected accounts and no token.
 */
final class ConversationApi implements HttpHandler {

    private static final int LIMIT = 200;

    private final Conversa conversa;
    private final TenantId tenant;

    ConversationApi(Conversa conversa, TenantId tenant) {
        this.conversa = conversa;
        this.tenant = tenant;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                HttpJson.error(exchange, 405, "GET only");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/api/conversations" -> HttpJson.send(exchange, 200,
                        conversa.conversations().list(tenant, LIMIT).stream().map(ConversationApi::json).toList());
                case "/api/messages" -> messages(exchange);
                default -> HttpJson.error(exchange, 404, "no such endpoint");
            }
        }
    }

    private void messages(HttpExchange exchange) throws IOException {
        Map<String, String> query = HttpJson.query(exchange);
        if (!query.keySet().containsAll(List.of("channel", "account", "contact"))) {
            HttpJson.error(exchange, 400, "channel, account and contact are required");
            return;
        }
        ConversationKey key = new ConversationKey(
                ChannelType.of(query.get("channel")), query.get("account"), query.get("contact"));
        HttpJson.send(exchange, 200, messages(conversa, tenant, key));
    }

    static List<Map<String, Object>> messages(Conversa conversa, TenantId tenant, ConversationKey key) {
        return conversa.conversations().messages(tenant, key, LIMIT).stream().map(ConversationApi::json).toList();
    }

    private static Map<String, Object> json(Conversation c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channel", c.key().channel().value());
        json.put("account", c.key().accountId());
        json.put("contact", c.key().contactId());
        json.put("state", c.state().name());
        json.put("lastInboundAt", c.lastInboundAt().map(Object::toString).orElse(null));
        json.put("updatedAt", c.updatedAt().toString());
        return json;
    }

    private static Map<String, Object> json(MessageRecord m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.messageId());
        json.put("direction", m.direction().name());
        json.put("author", m.author().name());
        json.put("kind", m.kind());
        json.put("text", m.text().orElse(null));
        json.put("status", m.status().name());
        json.put("timestamp", m.timestamp().toString());
        return json;
    }
}
