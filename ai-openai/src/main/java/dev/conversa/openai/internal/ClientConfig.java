package dev.conversa.openai.internal;

import dev.conversa.lang.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the client calls the API.
 *
 * @param baseUrl the API root including the version, such as {@code https://api.openai.com/v1};
 *     requests go to {@code baseUrl + "/chat/completions"}
 * @param apiKey sent as {@code Authorization: Bearer}
 * @param organization the {@code OpenAI-Organization} header, when given
 * @param project the {@code OpenAI-Project} header, when given
 * @param requestTimeout how long one attempt may take, from sending to the whole answer
 */
public record ClientConfig(
        URI baseUrl, Secret apiKey, Optional<String> organization, Optional<String> project,
        Duration requestTimeout) {

    /** Checks the fields are not null. */
    public ClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /**
     * The chat completions endpoint.
     *
     * @return {@code baseUrl/chat/completions}, with exactly one slash between
     */
    public URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }

    /** Leaves out the key. */
    @Override
    public String toString() {
        return "ClientConfig[" + baseUrl + ", timeout=" + requestTimeout + "]";
    }
}
