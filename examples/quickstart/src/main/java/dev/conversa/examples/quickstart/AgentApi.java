package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.conversa.Agents;
import dev.conversa.Conversa;
import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentMetrics;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.Note;
import dev.conversa.agent.ReplyRefusedException;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.respond.SentimentReading;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The agent inbox's JSON endpoints under {@code /api/agent/}, served and guarded as the rest of
 * {@code /api/} (bearer token when {@code CONVERSA_API_TOKEN} is set). The token admits the
 * inbox; the agent then names who they are in each action ({@code "agent"}), as the demo's
 * agents share one token.
 * <ul>
 *   <li>{@code GET agents}, {@code GET queues} (each with its waiting conversations), {@code GET
 *       mine?agent=};
 *   <li>{@code GET conversation?channel=&account=&contact=}: state, assignment, reply window,
 *       messages with delivery status, notes; {@code GET sentiment?...}: the responder's reading;
 *   <li>{@code GET metrics}: today's figures (UTC);
 *   <li>{@code POST claim}, {@code reply} ({@code text}), {@code note} ({@code text}), {@code
 *       transfer} ({@code toAgent} or {@code toQueue}), {@code release}, {@code close}, each with
 *       {@code agent, channel, account, contact}.
 * </ul>
 * Replies go through {@link Agents#reply}: the outbox, as {@link Author#AGENT} with the agent's
 * id, refused (409, naming the rule) when the agent does not hold the conversation or the
 * channel's window allows only a template. {@code GET conversation} explains the window in words
 * for the page, before the agent types.
 */
final class AgentApi implements HttpHandler {

    private static final String PREFIX = "/api/agent/";
    private static final Duration REPLY_WINDOW = Duration.ofHours(24);
    private static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);

    private final Conversa conversa;
    private final Agents agents;
    private final TenantId tenant;
    private final Clock clock;

    AgentApi(Conversa conversa, TenantId tenant, Clock clock) {
        this.conversa = conversa;
        this.agents = conversa.agents();
        this.tenant = tenant;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String route = exchange.getRequestMethod() + " " + (path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path);
            try {
                switch (route) {
                    case "GET agents" -> HttpJson.send(exchange, 200, agents.list(tenant).stream().map(this::json).toList());
                    case "GET queues" -> HttpJson.send(exchange, 200, queues());
                    case "GET mine" -> HttpJson.send(exchange, 200, agents.assignedTo(tenant,
                            required(HttpJson.query(exchange), "agent")).stream().map(AgentApi::json).toList());
                    case "GET conversation" -> HttpJson.send(exchange, 200, conversation(key(HttpJson.query(exchange))));
                    case "GET sentiment" -> HttpJson.send(exchange, 200, sentiment(key(HttpJson.query(exchange))));
                    case "GET metrics" -> HttpJson.send(exchange, 200, metrics());
                    default -> {
                        if (route.startsWith("POST ")) {
                            act(exchange, route.substring(5));
                        } else {
                            HttpJson.error(exchange, 404, "no such endpoint");
                        }
                    }
                }
            } catch (NoSuchElementException e) {
                HttpJson.error(exchange, 404, e.getMessage());
            } catch (IllegalArgumentException | IllegalStateException e) {
                HttpJson.error(exchange, 400, e.getMessage());
            }
        }
    }

    private void act(HttpExchange exchange, String action) throws IOException {
        JsonNode body = HttpJson.read(exchange);
        String agent = text(body, "agent");
        ConversationKey key = new ConversationKey(ChannelType.of(text(body, "channel")), text(body, "account"),
                text(body, "contact"));
        switch (action) {
            case "claim" -> done(exchange, agents.claim(tenant, key, agent).isPresent(),
                    "not taken: another agent has it, it no longer waits, or you are not online or at your maximum");
            case "reply" -> reply(exchange, key, agent, text(body, "text"));
            case "note" -> HttpJson.send(exchange, 200, json(agents.addNote(tenant, key, agent, text(body, "text"))));
            case "transfer" -> {
                String toAgent = body.path("toAgent").asString("");
                boolean moved = toAgent.isBlank()
                        ? agents.transferToQueue(tenant, key, text(body, "toQueue"), agent).isPresent()
                        : agents.transferToAgent(tenant, key, agent, toAgent).isPresent();
                done(exchange, moved, "not transferred: you do not hold it, or that agent is not online or at "
                        + "their maximum");
            }
            case "release" -> HttpJson.send(exchange, 200, Map.of("state", agents.release(tenant, key, agent).state()));
            case "close" -> HttpJson.send(exchange, 200, Map.of("state", agents.close(tenant, key, agent).state()));
            default -> HttpJson.error(exchange, 404, "no such endpoint");
        }
    }

    private void reply(HttpExchange exchange, ConversationKey key, String agent, String text) throws IOException {
        try {
            agents.reply(tenant, key, agent, new Text(text));
            HttpJson.send(exchange, 202, Map.of("queued", true));
        } catch (ReplyRefusedException e) {
            HttpJson.send(exchange, 409, Map.of("error", e.getMessage(), "rule", e.rule().name()));
        }
    }

    private static void done(HttpExchange exchange, boolean ok, String refusal) throws IOException {
        if (ok) {
            HttpJson.send(exchange, 200, Map.of("ok", true));
        } else {
            HttpJson.error(exchange, 409, refusal);
        }
    }

    private List<Map<String, Object>> queues() {
        Map<String, AgentQueue> known = new LinkedHashMap<>();
        agents.queues(tenant).forEach(queue -> known.put(queue.id(), queue));
        TreeSet<String> ids = new TreeSet<>(known.keySet());
        ids.add(agents.defaultQueue(tenant));
        return ids.stream().map(id -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("name", Optional.ofNullable(known.get(id)).map(AgentQueue::name).orElse(id));
            json.put("waiting", agents.waiting(tenant, id, 100).stream().map(AgentApi::json).toList());
            return json;
        }).toList();
    }

    private Map<String, Object> conversation(ConversationKey key) {
        Conversation conversation = conversa.conversations().find(tenant, key)
                .orElseThrow(() -> new NoSuchElementException("no such conversation"));
        Map<String, Object> json = keyJson(key);
        json.put("state", conversation.state().name());
        json.put("assignment", agents.assignment(tenant, key).map(AgentApi::json).orElse(null));
        json.put("window", window(conversation));
        json.put("messages", ConversationApi.messages(conversa, tenant, key));
        json.put("notes", agents.notes(tenant, key).stream().map(AgentApi::json).toList());
        return json;
    }

    private Map<String, Object> sentiment(ConversationKey key) {
        SentimentReading reading = agents.sentiment(tenant, key);
        Map<String, Object> json = new LinkedHashMap<>();
        reading.sentiment().ifPresent(s -> {
            json.put("label", s.label().name());
            json.put("intent", s.intent());
            json.put("reason", s.reason());
        });
        reading.unavailable().ifPresent(why -> json.put("unavailable", why));
        return json;
    }

    /** Whether an agent may write free text now, and why not: WhatsApp needs a template after 24 hours. */
    private Map<String, Object> window(Conversation conversation) {
        Map<String, Object> json = new LinkedHashMap<>();
        Optional<Instant> last = conversation.lastInboundAt();
        boolean whatsApp = conversation.key().channel().equals(ChannelType.WHATSAPP);
        Duration since = last.map(at -> Duration.between(at, clock.instant())).orElse(Duration.ofDays(365));
        boolean inReply = since.compareTo(REPLY_WINDOW) < 0;
        boolean tagged = !whatsApp && !inReply && since.compareTo(HUMAN_AGENT_WINDOW) < 0;
        json.put("freeText", inReply || tagged);
        json.put("templateRequired", whatsApp && !inReply);
        json.put("explanation", last.isEmpty() ? "The customer has not written yet: only a template can start it."
                : inReply ? "Within 24 hours of the customer's last message: free replies until "
                        + last.get().plus(REPLY_WINDOW) + "."
                : tagged ? "More than 24 hours since the customer wrote: the reply goes with the HUMAN_AGENT tag, "
                        + "allowed until " + last.get().plus(HUMAN_AGENT_WINDOW) + "."
                : whatsApp ? "More than 24 hours since the customer wrote: WhatsApp allows only an approved "
                        + "template message until the customer writes again."
                : "More than 7 days since the customer wrote: the channel allows no reply until they write again.");
        return json;
    }

    private Map<String, Object> metrics() {
        Instant midnight = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
        AgentMetrics m = agents.metrics(tenant, midnight, midnight.plus(Duration.ofDays(1)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("firstResponse", json(m.firstResponse()));
        json.put("resolution", json(m.resolution()));
        json.put("queueWait", json(m.queueWait()));
        json.put("queues", m.queues().stream().map(q -> Map.of("queue", q.queue(), "waiting", q.waiting(),
                "oldestWaitingSeconds", q.oldestWaiting().map(Duration::toSeconds).orElse(0L))).toList());
        json.put("conversationsPerAgent", m.conversationsPerAgent());
        json.put("messagesPerChannel", m.messagesPerChannel());
        json.put("conversations", m.conversations());
        json.put("handedOff", m.handedOff());
        json.put("botResolved", m.botResolved());
        return json;
    }

    private static Map<String, Object> json(AgentMetrics.Timing timing) {
        return Map.of("count", timing.count(), "averageSeconds", timing.average().toSeconds(),
                "longestSeconds", timing.longest().toSeconds());
    }

    private Map<String, Object> json(Agent agent) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", agent.id());
        json.put("name", agent.displayName());
        json.put("presence", agent.presence().name());
        json.put("queues", new TreeSet<>(agent.queues()));
        json.put("maxConversations", agent.maxConversations());
        return json;
    }

    private static Map<String, Object> json(Assignment a) {
        Map<String, Object> json = keyJson(a.conversation());
        json.put("queue", a.queue());
        json.put("agent", a.agent().orElse(null));
        json.put("reason", a.reason());
        json.put("queuedAt", a.queuedAt().toString());
        return json;
    }

    private static Map<String, Object> json(Note note) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("agent", note.agent());
        json.put("text", note.text());
        json.put("createdAt", note.createdAt().toString());
        return json;
    }

    private static Map<String, Object> keyJson(ConversationKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channel", key.channel().value());
        json.put("account", key.accountId());
        json.put("contact", key.contactId());
        return json;
    }

    private static ConversationKey key(Map<String, String> query) {
        return new ConversationKey(ChannelType.of(required(query, "channel")), required(query, "account"),
                required(query, "contact"));
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static String text(JsonNode body, String field) {
        String value = body.path(field).asString("");
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
