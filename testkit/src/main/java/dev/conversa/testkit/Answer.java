package dev.conversa.testkit;

/**
 * What the stand-in sends back for one request: a status and a JSON body.
 *
 * @param status the HTTP status
 * @param json the JSON body
 */
record Answer(int status, String json) {

    /** No answer at all: the connection is closed after the request was read. */
    static final Answer NONE = new Answer(0, "");
}
