package dev.conversa.openai;

import dev.conversa.model.TenantId;
import dev.conversa.openai.internal.ChatCompletionsClient;
import dev.conversa.openai.internal.ChatMessage;
import dev.conversa.openai.internal.ChatRequest;
import dev.conversa.openai.internal.ChatResponse;
import dev.conversa.openai.internal.OpenAiCallException;
import dev.conversa.openai.internal.OpenAiCallException.Kind;
import dev.conversa.openai.internal.ToolSpec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one request with the configured model, temperature, output limit and {@code store:
 * false}, and reports its usage against the tenant.
 */
final class ModelClient {

    private static final Logger log = LoggerFactory.getLogger(ModelClient.class);

    private final ChatCompletionsClient client;
    private final Settings settings;
    private final UsageListener usage;

    ModelClient(ChatCompletionsClient client, Settings settings, UsageListener usage) {
        this.client = client;
        this.settings = settings;
        this.usage = usage;
    }

    ChatResponse complete(TenantId tenant, List<ChatMessage> messages, List<ToolSpec> tools, boolean toolsAllowed) {
        Double temperature = settings.temperature().isPresent() ? settings.temperature().getAsDouble() : null;
        ChatRequest request = new ChatRequest(settings.model(), messages, temperature,
                settings.maxOutputTokens(), false, tools, tools.isEmpty() || toolsAllowed ? null : "none");
        ChatResponse response = client.complete(request);
        report(tenant, response);
        return response;
    }

    private void report(TenantId tenant, ChatResponse response) {
        ChatResponse.Usage used = response.usage();
        if (used == null) {
            return;
        }
        String model = response.model() == null ? settings.model() : response.model();
        try {
            usage.onUsage(new Usage(tenant, model, orZero(used.promptTokens()), orZero(used.completionTokens())));
        } catch (RuntimeException e) {
            log.warn("usage listener failed for tenant {}: {}", tenant, e.getClass().getName());
        }
    }

    private static long orZero(Long value) {
        return value == null || value < 0 ? 0 : value;
    }

    /**
     * The text of a final answer, refused unless it is whole: a refusal, the content filter, the
     * output token limit or an empty text all fail.
     *
     * @throws OpenAiCallException saying why the answer is not usable
     */
    static String usableText(ChatResponse.Choice choice) {
        if (choice.message().refusal() != null && !choice.message().refusal().isBlank()) {
            throw new OpenAiCallException(Kind.REFUSAL, "the model refused");
        }
        String finish = choice.finishReason() == null ? "" : choice.finishReason();
        if (finish.equals("content_filter")) {
            throw new OpenAiCallException(Kind.REFUSAL, "stopped by the content filter");
        }
        if (finish.equals("length")) {
            throw new OpenAiCallException(Kind.TRUNCATED, "the answer reached the output token limit");
        }
        String text = choice.message().content();
        if (text == null || text.isBlank()) {
            throw new OpenAiCallException(Kind.EMPTY_ANSWER, "the model answered with no text");
        }
        return text.strip();
    }
}
