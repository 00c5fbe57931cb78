package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.SendResult;
import dev.conversa.model.Buttons;
import dev.conversa.model.CallToAction;
import dev.conversa.model.Choice;
import dev.conversa.model.ListMenu;
import dev.conversa.model.MarkRead;
import dev.conversa.model.QuickReplies;
import dev.conversa.model.Typing;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InteractiveSendTest {

    @RegisterExtension
    static SendHarness whatsapp = new SendHarness();

    @Test
    void rendersReplyButtons() {
        whatsapp.assertRendered(new Buttons("Track or return?", List.of(new Choice("track", "Track order"),
                new Choice("return", "Return item"))), """
                {"type":"interactive","interactive":{"type":"button","body":{"text":"Track or return?"},
                 "action":{"buttons":[{"type":"reply","reply":{"id":"track","title":"Track order"}},
                                      {"type":"reply","reply":{"id":"return","title":"Return item"}}]}}}""");
    }

    @Test
    void rendersListWithSectionsAndRows() {
        ListMenu list = new ListMenu("Pick a delivery option", "Options", List.of(
                new ListMenu.Section(Optional.of("Fast"), List.of(
                        new ListMenu.Row("express", "Express", Optional.of("Next business day")))),
                new ListMenu.Section(Optional.of("Cheap"), List.of(
                        new ListMenu.Row("standard", "Standard", Optional.empty())))));

        whatsapp.assertRendered(list, """
                {"type":"interactive","interactive":{"type":"list","body":{"text":"Pick a delivery option"},
                 "action":{"button":"Options","sections":[
                   {"title":"Fast","rows":[{"id":"express","title":"Express","description":"Next business day"}]},
                   {"title":"Cheap","rows":[{"id":"standard","title":"Standard"}]}]}}}""");
    }

    @Test
    void rendersUpToThreeQuickRepliesAsReplyButtons() {
        whatsapp.assertRendered(new QuickReplies("Happy with the answer?", List.of(new Choice("yes", "Yes"),
                new Choice("no", "No"))), """
                {"type":"interactive","interactive":{"type":"button","body":{"text":"Happy with the answer?"},
                 "action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}},
                                      {"type":"reply","reply":{"id":"no","title":"No"}}]}}}""");
    }

    @Test
    void rendersMoreThanThreeQuickRepliesAsNumberedText() {
        whatsapp.assertRendered(new QuickReplies("Which size?", List.of(new Choice("s", "S"), new Choice("m", "M"),
                new Choice("l", "L"), new Choice("xl", "XL"))), """
                {"type":"text","text":{"preview_url":false,"body":"Which size?\\n\\n1. S\\n2. M\\n3. L\\n4. XL"}}""");
    }

    @Test
    void rendersCallToActionUrlButton() {
        whatsapp.assertRendered(new CallToAction("Track your parcel here.", "Track", "https://shop.example.com/track/42"), """
                {"type":"interactive","interactive":{"type":"cta_url","body":{"text":"Track your parcel here."},
                 "action":{"name":"cta_url","parameters":{"display_text":"Track",
                 "url":"https://shop.example.com/track/42"}}}}""");
    }

    @Test
    void marksMessageAsReadWithoutMessageId() {
        SendResult result = whatsapp.send(new MarkRead("wamid.CUSTOMER1"));

        whatsapp.assertLastSent("""
                {"messaging_product":"whatsapp","status":"read","message_id":"wamid.CUSTOMER1"}""");
        assertThat(result.messageId()).isEmpty();
    }

    @Test
    void showsTypingIndicatorOnTheCustomersMessage() {
        SendResult result = whatsapp.send(new Typing(true, Optional.of("wamid.CUSTOMER1")));

        whatsapp.assertLastSent("""
                {"messaging_product":"whatsapp","status":"read","message_id":"wamid.CUSTOMER1",
                 "typing_indicator":{"type":"text"}}""");
        assertThat(result.messageId()).isEmpty();
    }

    @Test
    void sendsNothingToHideTheTypingIndicator() {
        SendResult result = whatsapp.send(new Typing(false, Optional.of("wamid.CUSTOMER1")));

        assertThat(whatsapp.requests()).isEmpty();
        assertThat(result.messageId()).isEmpty();
    }
}
