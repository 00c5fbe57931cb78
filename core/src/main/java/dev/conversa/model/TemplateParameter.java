package dev.conversa.model;

import java.util.Objects;

/** A value for a template's placeholder. All implementations are immutable records. */
public sealed interface TemplateParameter {

    /**
     * Text.
     *
     * @param text the value
     */
    record TextParam(String text) implements TemplateParameter {
        /** Checks the value is not null. */
        public TextParam {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An amount of money.
     *
     * @param fallback the text shown where the amount cannot be localized
     * @param currencyCode the ISO 4217 code
     * @param amount1000 the amount times 1000
     */
    record CurrencyParam(String fallback, String currencyCode, long amount1000) implements TemplateParameter {
        /** Checks the fields are not null. */
        public CurrencyParam {
            Objects.requireNonNull(fallback, "fallback");
            Objects.requireNonNull(currencyCode, "currencyCode");
        }
    }

    /**
     * A date and time, shown as given.
     *
     * @param fallback the text shown
     */
    record DateTimeParam(String fallback) implements TemplateParameter {
        /** Checks the value is not null. */
        public DateTimeParam {
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    /**
     * A header's media.
     *
     * @param media the media, by id or link
     */
    record MediaParam(Media media) implements TemplateParameter {
        /** Checks the value is not null. */
        public MediaParam {
            Objects.requireNonNull(media, "media");
        }
    }

    /**
     * A header's location.
     *
     * @param location the location
     */
    record LocationParam(Location location) implements TemplateParameter {
        /** Checks the value is not null. */
        public LocationParam {
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * A quick reply button's payload.
     *
     * @param payload the value returned when tapped
     */
    record PayloadParam(String payload) implements TemplateParameter {
        /** Checks the value is not null. */
        public PayloadParam {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * The variable part of a URL button, or a copy-code button's code.
     *
     * @param text the value
     */
    record ButtonTextParam(String text) implements TemplateParameter {
        /** Checks the value is not null. */
        public ButtonTextParam {
            Objects.requireNonNull(text, "text");
        }
    }
}
