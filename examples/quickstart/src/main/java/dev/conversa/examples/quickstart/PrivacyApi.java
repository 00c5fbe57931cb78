package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.conversa.model.TenantId;
import dev.conversa.privacy.ErasureReport;
import dev.conversa.privacy.Privacy;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The quick start's privacy endpoints, for the business answering a person's request (served
 * under {@code /api/privacy/}, behind the same bearer token as {@link ConversationApi}):
 * <ul>
 *   <li>{@code POST /api/privacy/erase} {@code {"identifier": "..."}}: erases the person
 *       ({@code Privacy.erase}) and answers what was removed: {@code identifierHash},
 *       {@code erasedAt}, {@code counts} per data class, {@code complete},
 *       {@code listenerFailures}; nothing that names the person;
 *   <li>{@code POST /api/privacy/export} {@code {"identifier": "..."}}: everything held about the
 *       person, the document of {@code PersonalDataExport.toJson()} (schema in docs/privacy.md).
 * </ul>
 * The identifier is a phone number in any common format, a user name with or without {@code @},
 * or a channel id. It goes in the JSON body only: URLs end up in access logs and browser
 * histories, so a request with a query string is refused with 400 before its body is read.
 *
 * <p>Without a privacy pepper Conversa cannot erase, so every request gets 404 naming
 * {@code CONVERSA_PRIVACY_PEPPER}. Immutable and thread-safe.
 */
final class PrivacyApi implements HttpHandler {

    static final String ERASE = "/api/privacy/erase";
    static final String EXPORT = "/api/privacy/export";
    private static final int MAX_IDENTIFIER_LENGTH = 200;

    private final Optional<Privacy> privacy;
    private final TenantId tenant;

    PrivacyApi(Optional<Privacy> privacy, TenantId tenant) {
        this.privacy = privacy;
        this.tenant = tenant;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (privacy.isEmpty()) {
                HttpJson.error(exchange, 404, "erase and export are off: set CONVERSA_PRIVACY_PEPPER (at least "
                        + QuickStartConfig.MIN_PRIVACY_PEPPER_LENGTH + " characters, kept secret and the same across "
                        + "restarts) and restart");
            } else if (!path.equals(ERASE) && !path.equals(EXPORT)) {
                HttpJson.error(exchange, 404, "no such endpoint");
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                HttpJson.error(exchange, 405, "POST only, with the identifier in the JSON body");
            } else if (exchange.getRequestURI().getRawQuery() != null) {
                HttpJson.error(exchange, 400, "no query string: send {\"identifier\": ...} in the JSON body, "
                        + "never in the URL");
            } else {
                Optional<String> identifier = identifier(exchange);
                if (identifier.isEmpty()) {
                    HttpJson.error(exchange, 400, "send {\"identifier\": \"<phone number, user name or channel id>\"}"
                            + " as the JSON body, at most " + MAX_IDENTIFIER_LENGTH + " characters");
                } else if (path.equals(ERASE)) {
                    HttpJson.send(exchange, 200, json(privacy.get().erase(tenant, identifier.get())));
                } else {
                    HttpJson.sendJson(exchange, 200, privacy.get().export(tenant, identifier.get()).toJson());
                }
            }
        }
    }

    private static Optional<String> identifier(HttpExchange exchange) throws IOException {
        try {
            JsonNode identifier = HttpJson.read(exchange).path("identifier");
            if (!identifier.isString() || identifier.asString().isBlank()
                    || identifier.asString().length() > MAX_IDENTIFIER_LENGTH) {
                return Optional.empty();
            }
            return Optional.of(identifier.asString().strip());
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> json(ErasureReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("identifierHash", report.identifierHash());
        json.put("erasedAt", report.erasedAt().toString());
        json.put("counts", report.counts());
        json.put("complete", report.complete());
        json.put("listenerFailures", report.listenerFailures());
        return json;
    }
}
