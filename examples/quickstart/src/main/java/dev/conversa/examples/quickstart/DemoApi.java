package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.conversa.Conversa;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The demo page's endpoints:
 * <ul>
 *   <li>{@code POST /demo/messages} {@code {"channel","customer","name","text"}}: a customer
 *       writes; answers the webhook handler's status;
 *   <li>{@code GET /demo/thread?channel=&customer=}: that customer's conversation;
 *   <li>{@code GET /demo/deliveries}: what Conversa sent to the Graph API stand-in.
 * </ul>
 */
final class DemoApi implements HttpHandler {

    private final DemoCustomers customers;
    private final Conversa conversa;
    private final GraphStandIn graph;
    private final TenantId tenant;

    DemoApi(DemoCustomers customers, Conversa conversa, GraphStandIn graph, TenantId tenant) {
        this.customers = customers;
        this.conversa = conversa;
        this.graph = graph;
        this.tenant = tenant;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            switch (route) {
                case "POST /demo/messages" -> write(exchange);
                case "GET /demo/thread" -> thread(exchange);
                case "GET /demo/deliveries" -> HttpJson.send(exchange, 200,
                        graph.requests().stream().map(DemoApi::json).toList());
                default -> HttpJson.error(exchange, 404, "no such endpoint");
            }
        } catch (IllegalArgumentException e) {
            HttpJson.error(exchange, 400, e.getMessage());
        }
    }

    private void write(HttpExchange exchange) throws IOException {
        JsonNode body = HttpJson.read(exchange);
        String text = body.path("text").asString("");
        if (text.isBlank()) {
            HttpJson.error(exchange, 400, "text is required");
            return;
        }
        WebhookResponse response = customers.write(ChannelType.of(body.path("channel").asString("whatsapp")),
                body.path("customer").asString("15550001111"), body.path("name").asString("Customer"), text,
                Instant.now());
        HttpJson.send(exchange, response.status() == 200 ? 202 : 502,
                Map.of("webhookStatus", response.status(), "webhookBody", response.bodyText()));
    }

    private void thread(HttpExchange exchange) throws IOException {
        Map<String, String> query = HttpJson.query(exchange);
        ChannelType channel = ChannelType.of(query.getOrDefault("channel", "whatsapp"));
        String customer = query.getOrDefault("customer", "");
        if (customer.isBlank()) {
            HttpJson.error(exchange, 400, "customer is required");
            return;
        }
        ConversationKey key = new ConversationKey(channel, customers.accountFor(channel), customer);
        HttpJson.send(exchange, 200, ConversationApi.messages(conversa, tenant, key));
    }

    private static Map<String, Object> json(RecordedRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", request.method());
        json.put("path", request.path());
        json.put("body", request.body());
        return json;
    }
}
