package dev.conversa.privacy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads one field of an {@code application/x-www-form-urlencoded} body. */
final class FormBody {

    private FormBody() {}

    /**
     * The decoded value of a field.
     *
     * @throws Rejection if the body is not a form or has no such field
     */
    static String field(byte[] body, String name) {
        String form = new String(body, StandardCharsets.US_ASCII);
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(name) && eq >= 0 && eq < pair.length() - 1) {
                return decode(pair.substring(eq + 1));
            }
        }
        throw Rejection.badRequest("missing " + name + " form field");
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("malformed form body: bad percent-encoding");
        }
    }
}
