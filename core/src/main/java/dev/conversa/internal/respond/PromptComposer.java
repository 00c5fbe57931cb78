package dev.conversa.internal.respond;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.model.Contact;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.respond.TenantProfile;
import dev.conversa.respond.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the messages sent to the model: a system prompt from the tenant's profile, the
 * channel's formatting rules and length limit, and the contact's name (never the phone number);
 * then the trimmed history, customer messages as {@code user} and the business's as
 * {@code assistant}, in order, masked when masking is on.
 *
 * <p><b>Internal:</b> not part of the public API; public for the default instructions only.
 */
public final class PromptComposer {

    /** The instructions used when a tenant's profile has none. */
    public static final String DEFAULT_INSTRUCTIONS =
            "You are the customer service assistant of this business. Answer briefly, kindly and accurately, "
                    + "in the customer's language. Never invent facts that are not in the business knowledge.";

    private static final int MAX_NAME_LENGTH = 60;
    /** Control characters and quotes, which a name must not bring into the instructions. */
    private static final Pattern NOT_IN_A_NAME = Pattern.compile("[\\p{Cntrl}\"]+");

    private final Settings settings;
    private final HistoryWindow window;

    PromptComposer(Settings settings) {
        this.settings = settings;
        this.window = new HistoryWindow(settings.historyBudgetChars());
    }

    List<PromptMessage> compose(ResponderRequest request, boolean handoffTool) {
        List<PromptMessage> messages = new ArrayList<>();
        messages.add(new PromptMessage.System(systemPrompt(request, handoffTool)));
        messages.addAll(history(request));
        return messages;
    }

    List<PromptMessage> history(ResponderRequest request) {
        List<PromptMessage> messages = new ArrayList<>();
        for (MessageRecord record : window.select(request.history(), request.unanswered().size())) {
            String text = settings.mask().apply(HistoryWindow.render(record));
            messages.add(record.direction() == Direction.INBOUND ? new PromptMessage.User(text) : new PromptMessage.Assistant(text));
        }
        return messages;
    }

    String systemPrompt(ResponderRequest request, boolean handoffTool) {
        TenantProfile profile = Optional.ofNullable(settings.profiles().apply(request.conversation().tenant()))
                .orElse(TenantProfile.empty());
        StringBuilder prompt = new StringBuilder(profile.instructions().isBlank() ? DEFAULT_INSTRUCTIONS : profile.instructions().strip());
        if (!profile.knowledge().isEmpty()) {
            prompt.append("\n\nBusiness knowledge:");
            profile.knowledge().forEach(snippet -> prompt.append("\n- ").append(snippet.strip()));
        }
        prompt.append("\n\n").append(channelRules(request));
        contactName(request.contact()).ifPresent(name -> prompt.append("\nThe customer's profile name is \"")
                .append(name).append("\"."));
        if (handoffTool) {
            prompt.append("\nIf the customer asks for a person, or you cannot help, call ")
                    .append(Tool.HANDOFF_TO_HUMAN).append('.');
        }
        return prompt.toString();
    }

    private static String channelRules(ResponderRequest request) {
        ChannelCapabilities capabilities = request.capabilities();
        return "The conversation is on " + request.conversation().key().channel().value()
                + ". Formatting: " + capabilities.formatting()
                + ". Keep the answer under " + capabilities.maxTextLength() + " characters.";
    }

    /** The name on one line, without quotes, at most 60 characters: it is the customer's to choose. */
    private Optional<String> contactName(Optional<Contact> contact) {
        return contact.flatMap(Contact::name)
                .map(name -> NOT_IN_A_NAME.matcher(name).replaceAll(" ").strip())
                .map(name -> name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH))
                .filter(name -> !name.isEmpty())
                .map(settings.mask()::apply);
    }
}
