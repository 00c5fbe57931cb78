package dev.conversa.testkit;

/**
 * What the stand-in sends back for one request: a status and a JSON body.
 *
 * @param status the HTTP status
 * @param json the JSON body
 */
record Answer(int status, String json) {
}
