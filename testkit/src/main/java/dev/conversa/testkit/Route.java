package dev.conversa.testkit;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An endpoint the stand-in answers: an HTTP method and a regular expression over the whole path
 * (with the API version), and how to answer a request that matches.
 *
 * @param method the HTTP method, upper case
 * @param path the path pattern
 * @param answer builds the answer from the request
 */
record Route(String method, Pattern path, Function<RecordedRequest, Answer> answer) {

    boolean matches(RecordedRequest request) {
        return method.equals(request.method()) && path.matcher(request.path()).matches();
    }
}
