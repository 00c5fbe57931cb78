package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.Buttons;
import dev.conversa.model.CallToAction;
import dev.conversa.model.Choice;
import dev.conversa.model.ListMenu;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.Template;
import dev.conversa.model.TemplateComponent;
import dev.conversa.model.TemplateParameter;
import dev.conversa.model.Text;
import dev.conversa.model.Typing;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LimitsTest {

    @RegisterExtension
    static SendHarness whatsapp = new SendHarness();

    @Test
    void refusesTextLongerThan4096Characters() {
        assertRefused(new Text("x".repeat(4097)), "at most 4096 characters");
    }

    @Test
    void acceptsTextOfExactly4096Characters() {
        whatsapp.send(new Text("x".repeat(4096)));

        assertThat(whatsapp.requests()).hasSize(1);
    }

    @Test
    void refusesEmptyText() {
        assertRefused(new Text(" "), "non-empty");
    }

    @Test
    void refusesMoreThanThreeButtons() {
        assertRefused(new Buttons("Pick", choices(4, "Option")), "at most 3 reply buttons");
    }

    @Test
    void refusesButtonTitleLongerThan20Characters() {
        assertRefused(new Buttons("Pick", List.of(new Choice("a", "x".repeat(21)))), "title is at most 20 characters");
    }

    @Test
    void refusesListWithMoreThanTenRows() {
        List<ListMenu.Row> rows = IntStream.range(0, 11)
                .mapToObj(i -> new ListMenu.Row("r" + i, "Row " + i, Optional.empty())).toList();

        assertRefused(new ListMenu("Pick", "Options", List.of(new ListMenu.Section(Optional.empty(), rows))),
                "at most 10 list rows");
    }

    @Test
    void refusesRowTitleLongerThan24Characters() {
        assertRefused(list(new ListMenu.Row("r", "x".repeat(25), Optional.empty())), "row's title is at most 24");
    }

    @Test
    void refusesRowDescriptionLongerThan72Characters() {
        assertRefused(list(new ListMenu.Row("r", "Row", Optional.of("x".repeat(73)))), "description is at most 72");
    }

    @Test
    void refusesListButtonLabelLongerThan20Characters() {
        assertRefused(new ListMenu("Pick", "x".repeat(21), List.of(new ListMenu.Section(Optional.empty(),
                List.of(new ListMenu.Row("r", "Row", Optional.empty()))))), "button label is at most 20");
    }

    @Test
    void refusesUntitledSectionsInListWithSeveralSections() {
        ListMenu.Section section = new ListMenu.Section(Optional.empty(),
                List.of(new ListMenu.Row("r", "Row", Optional.empty())));

        assertRefused(new ListMenu("Pick", "Options", List.of(section, section)), "title on every section");
    }

    @Test
    void refusesCallToActionLabelLongerThan20Characters() {
        assertRefused(new CallToAction("Body", "x".repeat(21), "https://example.com"), "label is at most 20");
    }

    @Test
    void refusesCaptionOnAudio() {
        assertRefused(Media.byId(MediaKind.AUDIO, "1").withCaption("listen"), "audio messages carry no caption");
    }

    @Test
    void refusesCaptionLongerThan1024Characters() {
        assertRefused(Media.byId(MediaKind.IMAGE, "1").withCaption("x".repeat(1025)), "caption is at most 1024");
    }

    @Test
    void refusesTemplateButtonWithoutIndex() {
        assertRefused(new Template("t", "en", List.of(new TemplateComponent("button", Optional.of("quick_reply"),
                Optional.empty(), List.of(new TemplateParameter.PayloadParam("p"))))), "index");
    }

    @Test
    void refusesTemplateHeaderWithTwoParameters() {
        assertRefused(new Template("t", "en", List.of(new TemplateComponent("header", Optional.empty(), Optional.empty(),
                List.of(new TemplateParameter.TextParam("a"), new TemplateParameter.TextParam("b"))))),
                "at most 1 template header parameters");
    }

    @Test
    void refusesTypingIndicatorWithoutCustomerMessage() {
        assertRefused(new Typing(true, Optional.empty()), "inReplyTo");
    }

    private void assertRefused(OutboundContent content, String limit) {
        assertThatThrownBy(() -> whatsapp.send(content))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(limit);
        assertThat(whatsapp.requests()).isEmpty();
    }

    private static ListMenu list(ListMenu.Row row) {
        return new ListMenu("Pick", "Options", List.of(new ListMenu.Section(Optional.empty(), List.of(row))));
    }

    private static List<Choice> choices(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> new Choice("id" + i, prefix + " " + i)).toList();
    }
}
