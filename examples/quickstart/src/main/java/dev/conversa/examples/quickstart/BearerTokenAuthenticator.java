package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.conversa.lang.Secret;

/**
 * Guards an {@link com.sun.net.httpserver.HttpContext} with a bearer token
 * (<a href="https://www.rfc-editor.org/rfc/rfc6750#section-2.1">RFC 6750</a>): a request passes
 * only with {@code Authorization: Bearer <token>}. Any other request gets 401 with an empty body
 * and {@code WWW-Authenticate: Bearer realm="conversa"}, plus {@code error="invalid_token"} when a
 * token was sent but is wrong. The scheme name is case-insensitive.
 *
 * <p>The token is compared in constant time ({@link Secret#matches}, which uses
 * {@link java.security.MessageDigest#isEqual} over the UTF-8 bytes) and is never logged.
 *
 * <p>Immutable and thread-safe.
 */
final class BearerTokenAuthenticator extends Authenticator {

    private static final String SCHEME = "Bearer ";
    private static final String REALM = "Bearer realm=\"conversa\"";

    private final Secret token;

    BearerTokenAuthenticator(Secret token) {
        this.token = token;
    }

    @Override
    public Result authenticate(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return unauthorized(exchange, REALM);
        }
        if (!token.matches(authorization.substring(SCHEME.length()).strip())) {
            return unauthorized(exchange, REALM + ", error=\"invalid_token\"");
        }
        return new Success(new HttpPrincipal("api", "conversa"));
    }

    private static Result unauthorized(HttpExchange exchange, String challenge) {
        exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
        return new Retry(401);
    }
}
