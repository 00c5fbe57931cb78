package dev.conversa.model;

/** The kind of a media attachment. */
public enum MediaKind {
    /** A picture. */
    IMAGE,
    /** An audio file. */
    AUDIO,
    /** A voice note recorded in the app (push to talk). */
    VOICE,
    /** A video. */
    VIDEO,
    /** A document or any other file. */
    DOCUMENT,
    /** A sticker. */
    STICKER,
    /** An animated image such as a GIF. */
    ANIMATION,
    /** A kind this version does not know. */
    UNKNOWN
}
